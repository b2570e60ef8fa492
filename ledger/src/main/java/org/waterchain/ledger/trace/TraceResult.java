package org.waterchain.ledger.trace;

import java.util.List;
import org.waterchain.ledger.crypto.Address;

/**
 * The pathways of one traced time point, rebuilt from the transaction history alone (the seed paper's Algorithm 1).
 * Empty pathways mean nothing has reached the collection address: the time point was not traced (yet).
 *
 * @param quantity         the quantity symbol, e.g. "CU"
 * @param transactionCount the mints, passes and collects that led to the collection address
 */
public record TraceResult(String quantity, long timePointMs, Address collection, List<Pathway> pathways,
                          int transactionCount) {
    public TraceResult {
        pathways = List.copyOf(pathways);
    }

    public boolean traced() {
        return !pathways.isEmpty();
    }

    /** Every source of every pathway, sorted. */
    public List<String> sources() {
        return pathways.stream().flatMap(p -> p.sources().stream()).sorted().toList();
    }
}
