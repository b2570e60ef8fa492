package org.waterchain.app.explorer;

import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.Hex;

/** One line of the block list: a block's header facts, how many of its entries are invalid, and who proposed it. */
public record BlockRow(ChainId chain, long height, long timeMs, int entries, int invalid, String proposer, byte[] hash) {
    public BlockRow {
        hash = hash.clone();
    }

    public String hashHex() {
        return Hex.of(hash);
    }
}
