package org.waterchain.ledger.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.store.LedgerDatabase;
import org.waterchain.ledger.validation.BlockPreparer;

/**
 * Receipts wait for their log index to be applied while the applier moves on concurrently; no waiter may be
 * lost in between. A lock-free hand-off once dropped one and a loading node hung on its receipt (caught by
 * KillNineFaultTest on a loaded machine); that window is too narrow to hit here reliably, so this is a guard
 * for the locked hand-off, not a reproducer of the old race.
 */
class AppliedWaitersTest {
    @TempDir
    Path dir;

    @Test
    void everyWaiterRegisteredWhileTheApplierAdvancesCompletes() throws Exception {
        try (LedgerEngine engine = new LedgerEngine(LedgerDatabase.open(dir.resolve("ledger.db")), BlockPreparer.onAllCores())) {
            LedgerStateMachine sm = new LedgerStateMachine(engine);
            int n = 100_000;
            List<CompletableFuture<Void>> waiting = new ArrayList<>(n);
            Thread applier = new Thread(() -> {
                for (long i = 1; i <= n; i++) {
                    sm.notifyTermIndexUpdated(1, i); // advances in log order on the apply thread
                }
            });
            applier.start();
            for (long i = 1; i <= n; i++) {
                waiting.add(sm.applied(i)); // races the applier around the same indexes
            }
            applier.join();
            int completed = 0;
            for (CompletableFuture<Void> f : waiting) {
                f.get(30, TimeUnit.SECONDS);
                completed++;
            }
            assertEquals(n, completed);
            sm.close();
        }
    }
}
