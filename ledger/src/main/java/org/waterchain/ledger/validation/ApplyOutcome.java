package org.waterchain.ledger.validation;

import java.util.List;
import org.waterchain.ledger.chain.BlockHeader;

/** What applying one ordered block did: appended with per-entry results, or refused as a whole. */
public sealed interface ApplyOutcome {
    BlockHeader header();

    /** The block became part of its chain. {@code seq} is its place in the global apply order. */
    record Applied(BlockHeader header, byte[] hash, long seq, List<EntryResult> results) implements ApplyOutcome {
        public long invalidCount() {
            return results.stream().filter(r -> !r.valid()).count();
        }
    }

    /** The block was not appended (e.g. it was built on a stale tip); its entries may be proposed again. */
    record Rejected(BlockHeader header, Violation violation) implements ApplyOutcome {}
}
