package org.waterchain.ledger.chain;

/** The two chains of one alliance, ordered together but with their own heights and hashes. */
public enum ChainId {
    /** Signed sensor records and results computed from them. */
    DATA(0, "data"),
    /** Transactions: the multi-asset UTXO ledger and the registry. */
    VALUE(1, "value");

    private final int code;
    private final String label;

    ChainId(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static ChainId of(int code) {
        for (ChainId c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown chain id " + code);
    }
}
