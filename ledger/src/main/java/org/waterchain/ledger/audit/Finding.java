package org.waterchain.ledger.audit;

import org.waterchain.ledger.chain.ChainId;

/** One thing the audit found wrong, located by chain and block height (height -1: not tied to a block). */
public record Finding(ChainId chain, long height, String what) {
    @Override
    public String toString() {
        return chain.label() + " chain, height " + height + ": " + what;
    }
}
