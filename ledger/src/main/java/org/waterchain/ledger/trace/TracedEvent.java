package org.waterchain.ledger.trace;

import java.util.List;
import org.waterchain.ledger.crypto.Address;

/**
 * A pollution event that was traced: a (quantity, time point) with valid pollution transfers on the value chain.
 *
 * @param sources          stations that collected so far, sorted
 * @param stations         polluted stations that passed or collected so far
 * @param transactionCount its valid pollution transfers so far
 * @param complete         whether every station that was handed coins has passed or collected them
 */
public record TracedEvent(String quantity, long timePointMs, Address collection, List<String> sources, int stations,
                          int transactionCount, boolean complete) {
    public TracedEvent {
        sources = List.copyOf(sources);
    }
}
