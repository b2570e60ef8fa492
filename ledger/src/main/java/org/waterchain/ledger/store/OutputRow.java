package org.waterchain.ledger.store;

/** A transaction output as stored, spent or not. */
public record OutputRow(byte[] txid, int vout, String address, String asset, long amount, long height,
                        byte[] spentBy, Long spentHeight) {
    public boolean spent() {
        return spentBy != null;
    }
}
