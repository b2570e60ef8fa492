package org.waterchain.ledger.store;

import org.waterchain.ledger.chain.ChainId;

/** An entry of either chain as stored: its bytes, place, and whether it was valid. */
public record StoredEntry(ChainId chain, long height, int index, byte[] id, byte[] raw, boolean valid, String reason) {}
