package org.waterchain.ledger.value;

import org.waterchain.ledger.crypto.Hex;

/** Reference to output {@code index} of transaction {@code txid}. */
public record OutPoint(byte[] txid, int index) {
    public OutPoint {
        txid = txid.clone();
        if (txid.length != 32 || index < 0 || index > 0xFFFF) {
            throw new IllegalArgumentException("bad outpoint");
        }
    }

    @Override
    public String toString() {
        return Hex.of(txid) + ":" + index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutPoint p && p.index == index && java.util.Arrays.equals(p.txid, txid);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(txid) + index;
    }
}
