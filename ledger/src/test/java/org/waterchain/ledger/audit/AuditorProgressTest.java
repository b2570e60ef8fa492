package org.waterchain.ledger.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.validation.BlockPreparer;

/**
 * Progress and cancellation of the audit, as the app's audit screen uses them: blocks done of the total, then
 * the comparison steps; a cancel stops at once, says so, reports nothing it did not check, and leaves no
 * thread behind.
 */
class AuditorProgressTest {
    @TempDir
    static Path shared;
    static AuditFixture fixture;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        fixture = AuditFixture.build(shared);
    }

    /** Records every callback in order; cancels when told to by the test. */
    private static final class Recorder implements Auditor.Progress {
        final List<long[]> blocks = new ArrayList<>();
        final List<int[]> comparisons = new ArrayList<>();
        final List<String> order = new ArrayList<>();
        final AtomicBoolean cancel = new AtomicBoolean();
        long cancelAfterBlock = -1;
        int cancelAfterComparison = -1;

        @Override
        public void update(long done, long total) {
            blocks.add(new long[] {done, total});
            order.add("block");
            if (done == cancelAfterBlock) {
                cancel.set(true);
            }
        }

        @Override
        public void comparing(int done, int total) {
            comparisons.add(new int[] {done, total});
            order.add("compare");
            if (done == cancelAfterComparison) {
                cancel.set(true);
            }
        }
    }

    private static Auditor auditor() {
        return new Auditor(BlockPreparer.onAllCores());
    }

    private static boolean readerAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("audit-reader") && t.isAlive());
    }

    @Test
    void everyBlockThenEveryComparisonIsReportedInOrder() {
        Recorder p = new Recorder();
        AuditReport r = auditor().auditDatabase(fixture.copy(dir, "a.db"), p, p.cancel::get);
        assertTrue(r.clean(), r::summary);
        assertEquals(fixture.blockCount, p.blocks.size());
        for (int i = 0; i < p.blocks.size(); i++) {
            assertEquals(i + 1, p.blocks.get(i)[0], "blocks are counted one by one");
            assertEquals(fixture.blockCount, p.blocks.get(i)[1], "the total stays the snapshot's block count");
        }
        int steps = DerivedTables.ALL.length * 2;
        assertEquals(steps + 1, p.comparisons.size(), "a start at 0, then one per table and direction");
        for (int i = 0; i < p.comparisons.size(); i++) {
            assertEquals(i, p.comparisons.get(i)[0]);
            assertEquals(steps, p.comparisons.get(i)[1]);
        }
        assertEquals(fixture.blockCount, p.order.indexOf("compare"), "the comparison starts after the last block");
    }

    @Test
    void cancellingDuringTheReplayStopsAtThatBlockAndSkipsTheComparison() {
        Recorder p = new Recorder();
        p.cancelAfterBlock = 3;
        AuditReport r = auditor().auditDatabase(fixture.copy(dir, "b.db"), p, p.cancel::get);
        assertTrue(r.cancelled());
        assertFalse(r.clean());
        assertEquals(3, r.blocks(), "no block is checked after the cancel");
        assertEquals(3, p.blocks.size());
        assertTrue(p.comparisons.isEmpty(), "a partial replay is not compared with the whole store");
        assertTrue(r.findings().isEmpty(), () -> "a cancel is no finding:\n" + r.summary());
        assertTrue(r.summary().startsWith("CANCELLED"), r.summary());
        assertFalse(readerAlive(), "the reader thread ends with the audit");
    }

    @Test
    void cancellingDuringTheComparisonStopsBeforeTheNextStep() {
        Recorder p = new Recorder();
        p.cancelAfterComparison = 1;
        AuditReport r = auditor().auditDatabase(fixture.copy(dir, "c.db"), p, p.cancel::get);
        assertTrue(r.cancelled());
        assertEquals(fixture.blockCount, r.blocks());
        assertEquals(1, p.comparisons.get(p.comparisons.size() - 1)[0], "no step after the cancel");
        assertTrue(r.findings().isEmpty(), r::summary);
    }

    /** The app's background task may be cancelled by interrupting its thread. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void interruptingTheAuditingThreadCancelsAndKeepsTheInterrupt() throws InterruptedException {
        Path db = fixture.copy(dir, "d.db");
        AtomicReference<AuditReport> report = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread t = new Thread(() -> {
            report.set(auditor().auditDatabase(db, (done, total) -> {
                if (done == 2) {
                    Thread.currentThread().interrupt();
                }
            }, () -> false));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        }, "auditing");
        t.start();
        t.join();
        AuditReport r = report.get();
        assertTrue(r.cancelled(), r::summary);
        assertEquals(2, r.blocks());
        assertTrue(stillInterrupted.get(), "the caller's interrupt is not swallowed");
        assertFalse(readerAlive(), "the reader thread ends with the audit");
    }

    @Test
    void aCancelledAuditLeavesTheLedgerAuditableAgain() {
        Path db = fixture.copy(dir, "e.db");
        Recorder p = new Recorder();
        p.cancelAfterBlock = 1;
        assertTrue(auditor().auditDatabase(db, p, p.cancel::get).cancelled());
        AuditReport again = AuditFixture.audit(db);
        assertTrue(again.clean(), again::summary);
    }

    @Test
    void cancellingABundleAuditStopsWithoutJudgingItsTips() {
        Path bundle = dir.resolve("f.bundle");
        try (LedgerQueries q = new LedgerQueries(fixture.copy(dir, "f.db"))) {
            AuditBundle.export(q, bundle);
        }
        Recorder p = new Recorder();
        p.cancelAfterBlock = 4;
        AuditReport r = auditor().auditBundle(bundle, p, p.cancel::get);
        assertTrue(r.cancelled());
        assertEquals(4, r.blocks());
        assertTrue(r.findings().isEmpty(), () -> "the tips of a cancelled replay prove nothing:\n" + r.summary());
        assertFalse(readerAlive());
    }
}
