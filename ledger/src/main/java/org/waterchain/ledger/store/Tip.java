package org.waterchain.ledger.store;

import org.waterchain.ledger.chain.ChainId;

/** The last block of a chain: what the next block must build on. */
public record Tip(ChainId chain, long height, byte[] hash, long timeMs) {
    public Tip {
        hash = hash.clone();
    }

    public static Tip none(ChainId chain) {
        return new Tip(chain, -1, new byte[32], Long.MIN_VALUE);
    }

    public boolean isEmpty() {
        return height < 0;
    }
}
