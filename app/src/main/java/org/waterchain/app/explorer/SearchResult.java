package org.waterchain.app.explorer;

import java.util.List;
import java.util.Optional;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.store.StoredEntry;

/**
 * What a search found: a title, facts about what was searched (an address's balances, a station's name), the
 * entries to list, or a block to open instead. Immutable; made on a worker thread.
 */
public record SearchResult(String title, List<Field> facts, List<StoredEntry> entries, Optional<BlockRef> openBlock) {
    /** A block to show, by chain and height. */
    public record BlockRef(ChainId chain, long height) {}

    public SearchResult {
        facts = List.copyOf(facts);
        entries = List.copyOf(entries);
    }

    static SearchResult entries(String title, List<Field> facts, List<StoredEntry> entries) {
        return new SearchResult(title, facts, entries, Optional.empty());
    }

    static SearchResult block(String title, ChainId chain, long height) {
        return new SearchResult(title, List.of(), List.of(), Optional.of(new BlockRef(chain, height)));
    }
}
