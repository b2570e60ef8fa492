package org.waterchain.ledger.consensus;

import java.util.concurrent.CompletableFuture;

/**
 * Puts block proposals into one total order shared by all replicas and returns what applying the proposal
 * did. Raft (Ratis) is the implementation; it tolerates crashed members, not lying ones, which the
 * signatures on blocks make detectable instead (docs/architecture.md, trust model).
 */
public interface Ordering extends AutoCloseable {
    CompletableFuture<byte[]> order(byte[] proposal);

    /** Completes once this replica has applied everything ordered before the call: an empty proposal. */
    default CompletableFuture<Void> barrier() {
        return order(new byte[0]).thenApply(reply -> null);
    }

    @Override
    void close();
}
