package org.waterchain.ledger.store;

import java.util.List;
import org.waterchain.ledger.chain.BlockHeader;

/** A block as stored: header, its stored hash and signature, and its entry ids in order. */
public record StoredBlock(long seq, BlockHeader header, byte[] hash, byte[] signature, List<byte[]> entryIds) {}
