package org.waterchain.ledger.validation;

import java.util.List;
import org.waterchain.ledger.chain.Block;

/** A block after the stateless checks of its header and entries. */
public record PreparedBlock(Block block, byte[] hash, boolean signatureValid, byte[] merkleRoot,
                            List<PreparedEntry> entries) {}
