package org.waterchain.ledger.record;

import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.chain.LedgerEntry;
import org.waterchain.ledger.codec.CanonicalReader;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.codec.DecodeException;

/**
 * A signed record as it stands on the data chain: the device's signed body, the signer's key (so the
 * signature can be checked without the registry, in parallel) and the node's receipt time.
 * Layout: u8 type=1, bytes16 body, 64-byte signature, 32-byte signer key, i64 receiptTimeMs.
 */
public record RecordEntry(SignedRecord signed, long receiptTimeMs) implements LedgerEntry {
    @Override
    public ChainId chain() {
        return ChainId.DATA;
    }

    @Override
    public byte[] encode() {
        return new CanonicalWriter(signed.body().length + 112).u8(TYPE_RECORD).bytes16(signed.body())
                .raw(signed.signature()).raw(signed.signerKey()).i64(receiptTimeMs).toByteArray();
    }

    public static RecordEntry decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes);
        if (r.u8("entry.type") != TYPE_RECORD) {
            throw new DecodeException("entry.type: not a record entry");
        }
        byte[] body = r.bytes16("entry.body");
        byte[] sig = r.raw(64, "entry.signature");
        byte[] key = r.raw(32, "entry.signerKey");
        long receipt = r.i64("entry.receiptTime");
        r.expectEnd("record entry");
        return new RecordEntry(new SignedRecord(body, sig, key), receipt);
    }
}
