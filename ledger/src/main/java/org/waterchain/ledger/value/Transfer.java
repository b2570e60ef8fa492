package org.waterchain.ledger.value;

import java.util.ArrayList;
import java.util.List;
import org.waterchain.ledger.codec.CanonicalReader;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.crypto.Address;

/**
 * The body of a transfer: spends outputs and creates new ones, possibly of several assets. Creating more of
 * an asset than is spent is a mint and needs the asset's licensed issuer among the witnesses. The memo
 * (at most 75 bytes, like the seed paper's OP_RETURN) carries e.g. an observed value and time point.
 * The nonce keeps two otherwise equal mints apart.
 * Layout: u8 version=1, u8 nIn, nIn x (32-byte txid, u16 index), u8 nOut, nOut x (text asset, i64 amount,
 * 20-byte address hash), bytes16 memo, i64 nonce.
 */
public record Transfer(List<OutPoint> inputs, List<Output> outputs, byte[] memo, long nonce) {
    public static final int VERSION = 1;
    public static final int MAX_MEMO_BYTES = 75;
    public static final int MAX_INPUTS = 255;
    public static final int MAX_OUTPUTS = 255;

    public Transfer {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        memo = memo.clone();
        if (inputs.size() > MAX_INPUTS || outputs.size() > MAX_OUTPUTS) {
            throw new IllegalArgumentException("at most 255 inputs and 255 outputs");
        }
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("a transfer needs at least one output");
        }
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(64 + inputs.size() * 34 + outputs.size() * 48 + memo.length);
        w.u8(VERSION).u8(inputs.size());
        for (OutPoint p : inputs) {
            w.raw(p.txid()).u16(p.index());
        }
        w.u8(outputs.size());
        for (Output o : outputs) {
            w.text(o.asset()).i64(o.amount()).raw(o.owner().hash());
        }
        return w.bytes16(memo).i64(nonce).toByteArray();
    }

    public static Transfer decode(byte[] body) {
        CanonicalReader r = new CanonicalReader(body);
        int version = r.u8("transfer.version");
        if (version != VERSION) {
            throw new DecodeException("transfer.version: unsupported " + version);
        }
        int nIn = r.u8("transfer.inputCount");
        List<OutPoint> ins = new ArrayList<>(nIn);
        for (int i = 0; i < nIn; i++) {
            ins.add(new OutPoint(r.raw(32, "transfer.input[" + i + "].txid"), r.u16("transfer.input[" + i + "].index")));
        }
        int nOut = r.u8("transfer.outputCount");
        List<Output> outs = new ArrayList<>(nOut);
        for (int i = 0; i < nOut; i++) {
            String asset = r.text("transfer.output[" + i + "].asset");
            long amount = r.i64("transfer.output[" + i + "].amount");
            Address owner = Address.fromHash(r.raw(Address.HASH_SIZE, "transfer.output[" + i + "].owner"));
            if (amount <= 0) {
                throw new DecodeException("transfer.output[" + i + "].amount: must be positive, got " + amount);
            }
            outs.add(new Output(asset, amount, owner));
        }
        byte[] memo = r.bytes16("transfer.memo");
        long nonce = r.i64("transfer.nonce");
        r.expectEnd("transfer");
        if (outs.isEmpty()) {
            throw new DecodeException("transfer: no outputs");
        }
        return new Transfer(ins, outs, memo, nonce);
    }
}
