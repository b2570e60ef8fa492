package org.waterchain.ledger.audit;

import java.util.List;
import org.waterchain.ledger.chain.Block;

/**
 * A block as a source presents it for audit: the block, the hash stored beside it (null when the source
 * stores none), and the validity the source claims for each entry.
 */
record AuditedBlock(Block block, byte[] storedHash, Long storedTimeMs, List<Boolean> claimedValid,
                    List<String> claimedReasons, List<byte[]> storedIds) {}
