package org.waterchain.ledger.value;

import java.util.ArrayList;
import java.util.List;
import org.waterchain.ledger.alarm.AlarmEvent;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.chain.LedgerEntry;
import org.waterchain.ledger.codec.CanonicalReader;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.crypto.SigningDomain;
import org.waterchain.ledger.registry.RegistryAction;

/**
 * A value-chain entry: a transfer, a registry action or an alarm event, with the witnesses that sign its body.
 * Layout: u8 type, bytes16 body, u8 n, n x (32-byte key, 64-byte signature). The transaction id is the
 * entry id, which covers the witnesses too (Ed25519 signatures as verified here are not malleable).
 */
public record ValueEntry(int type, byte[] body, List<Witness> witnesses) implements LedgerEntry {
    public static final int MAX_WITNESSES = 16;

    public ValueEntry {
        body = body.clone();
        witnesses = List.copyOf(witnesses);
        if (!isValueType(type)) {
            throw new IllegalArgumentException("not a value-chain entry type: " + type);
        }
        if (witnesses.size() > MAX_WITNESSES) {
            throw new IllegalArgumentException("at most " + MAX_WITNESSES + " witnesses");
        }
    }

    public static ValueEntry signed(Transfer transfer, KeyPair... signers) {
        return sign(TYPE_TRANSFER, transfer.encode(), signers);
    }

    public static ValueEntry signed(RegistryAction action, long nonce, KeyPair signer) {
        return sign(TYPE_REGISTRY, RegistryAction.encode(action, nonce), signer);
    }

    /** An alarm event journaled by one member's key (the node's, in the operator's name). */
    public static ValueEntry signed(AlarmEvent event, KeyPair signer) {
        return sign(TYPE_ALARM, event.encode(), signer);
    }

    private static boolean isValueType(int type) {
        return type == TYPE_TRANSFER || type == TYPE_REGISTRY || type == TYPE_ALARM;
    }

    private static ValueEntry sign(int type, byte[] body, KeyPair... signers) {
        List<Witness> ws = new ArrayList<>();
        for (KeyPair k : signers) {
            ws.add(new Witness(k.publicKey(), SigningDomain.TRANSACTION.sign(k, body)));
        }
        return new ValueEntry(type, body, ws);
    }

    @Override
    public ChainId chain() {
        return ChainId.VALUE;
    }

    /**
     * The transaction id outputs are referenced by: SHA-256 over 0x02, the type and the body, without the
     * witnesses, so adding a signature to someone's mint makes no new transaction (cf. Bitcoin's segwit txid).
     */
    public byte[] txid() {
        return txid(type, body);
    }

    /** The transaction id of a body before anyone signs it (a planned transfer's outputs are spent by it). */
    public static byte[] txid(int type, byte[] body) {
        return org.waterchain.ledger.crypto.Hashes.sha256((byte) 0x02, new byte[] {(byte) type}, body);
    }

    public boolean isTransfer() {
        return type == TYPE_TRANSFER;
    }

    public boolean isAlarm() {
        return type == TYPE_ALARM;
    }

    public Transfer transfer() {
        return Transfer.decode(body);
    }

    public RegistryAction registryAction() {
        return RegistryAction.decode(body);
    }

    public AlarmEvent alarmEvent() {
        return AlarmEvent.decode(body);
    }

    /** True when every witness signature verifies over the body. */
    public boolean witnessesValid() {
        for (Witness w : witnesses) {
            if (!SigningDomain.TRANSACTION.verify(w.publicKey(), body, w.signature())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(body.length + 8 + 96 * witnesses.size())
                .u8(type).bytes16(body).u8(witnesses.size());
        for (Witness wi : witnesses) {
            w.raw(wi.publicKey()).raw(wi.signature());
        }
        return w.toByteArray();
    }

    public static ValueEntry decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes);
        int type = r.u8("entry.type");
        if (!isValueType(type)) {
            throw new DecodeException("entry.type: " + type + " is not a value-chain entry");
        }
        byte[] body = r.bytes16("entry.body");
        int n = r.u8("entry.witnessCount");
        if (n > MAX_WITNESSES) {
            throw new DecodeException("entry.witnessCount: " + n + " exceeds " + MAX_WITNESSES);
        }
        List<Witness> ws = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ws.add(new Witness(r.raw(32, "entry.witness[" + i + "].key"), r.raw(64, "entry.witness[" + i + "].sig")));
        }
        r.expectEnd("value entry");
        return new ValueEntry(type, body, ws);
    }
}
