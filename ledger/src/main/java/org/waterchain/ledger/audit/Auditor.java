package org.waterchain.ledger.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.sqlite.ProgressHandler;
import org.waterchain.ledger.chain.BlockHeader;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.chain.EntryId;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.store.LedgerDatabase;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.validation.ApplyOutcome;
import org.waterchain.ledger.validation.BlockApplier;
import org.waterchain.ledger.validation.BlockPreparer;
import org.waterchain.ledger.validation.EntryResult;
import org.waterchain.ledger.validation.PreparedBlock;

/**
 * Re-verifies a ledger from its raw bytes: every header hash and link, Merkle root and signature, and every
 * validity verdict, by replaying all blocks through the same {@link BlockApplier} into a scratch database;
 * then compares every derived table (records index, UTXOs, history, registry, sequences) with the replay.
 * A hand edit anywhere is caught and located by chain and height.
 */
public final class Auditor {
    /**
     * Progress callback, called on the auditing thread: blocks replayed so far of the total, then the steps of
     * the comparison of the derived tables with the replay. Keep it quick; hand anything slow to another thread.
     */
    public interface Progress {
        void update(long done, long total);

        /** After the replay: derived-table comparisons done of the total (a table is compared both ways). */
        default void comparing(int done, int total) {}
    }

    /** SQLite virtual-machine steps between two looks at the cancel flag while a comparison query runs. */
    private static final int CANCEL_CHECK_STEPS = 50_000;

    private final BlockPreparer preparer;

    public Auditor(BlockPreparer preparer) {
        this.preparer = preparer;
    }

    /**
     * Audits one consistent snapshot of the ledger; the node may keep running and appending meanwhile.
     *
     * <p>Cancelling is cooperative: {@code cancelled} is asked before each block and while the derived tables
     * are compared (also inside a long comparison query), and interrupting the calling thread cancels too (its
     * interrupt flag stays set). A cancelled audit returns a report marked cancelled, never clean, holding what
     * was found up to then; no thread of the audit outlives the call.
     */
    public AuditReport auditDatabase(Path dbFile, Progress progress, BooleanSupplier cancelled) {
        Run run = new Run(dbFile.toString());
        try (LedgerQueries stored = LedgerQueries.snapshot(dbFile, java.util.Map.of("replay", run.scratchFile))) {
            DatabaseBlocks blocks = new DatabaseBlocks(stored);
            replay(run, blocks, blocks.count(), progress, cancelled);
            if (!run.cancelled) {
                compareDerived(stored, run, progress, cancelled);
            }
        }
        return run.report();
    }

    /** Audits an export written by {@link AuditBundle#export}; cancelling works as for {@link #auditDatabase}. */
    public AuditReport auditBundle(Path bundle, Progress progress, BooleanSupplier cancelled) {
        try (AuditBundle.Reader reader = AuditBundle.open(bundle)) {
            Run run = new Run(bundle.toString());
            replay(run, reader, reader.blockCount(), progress, cancelled);
            if (!run.cancelled) {
                // a cancelled replay may stop short of blocks already read: its tips prove nothing
                reader.checkTips(run.applier, run.findings);
            }
            return run.report();
        }
    }

    private void replay(Run run, Iterator<AuditedBlock> blocks, long total, Progress progress,
                        BooleanSupplier cancelled) {
        BlockingQueue<Object> ahead = new ArrayBlockingQueue<>(2);
        Object end = new Object();
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                while (blocks.hasNext() && !stop.get() && !cancelled.getAsBoolean()) {
                    AuditedBlock b = blocks.next();
                    ahead.put(new Object[] {b, preparer.prepare(b.block())});
                }
                ahead.put(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                if (stop.get()) {
                    return; // stopped while reading: nobody waits for this block any more
                }
                // an Error too (e.g. out of memory on a damaged length): the auditor must never wait forever
                try {
                    ahead.put(e instanceof RuntimeException re ? re : new IllegalStateException(e.toString(), e));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "audit-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            long done = 0;
            while (!cancelled.getAsBoolean()) {
                Object next = ahead.take();
                if (next == end) {
                    break;
                }
                if (next instanceof RuntimeException e) {
                    run.findings.add(new Finding(ChainId.DATA, -1, "cannot read the ledger: " + e.getMessage()));
                    break;
                }
                Object[] pair = (Object[]) next;
                run.check((AuditedBlock) pair[0], (PreparedBlock) pair[1]);
                progress.update(++done, total);
            }
            run.cancelled = cancelled.getAsBoolean();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.cancelled = true;
        } finally {
            stopReader(reader, stop);
        }
        run.finishReplay();
    }

    /**
     * The reader reads through the caller's snapshot connection, which is closed when the audit returns: it must
     * be gone before that, also when the audit ends early (cancelled, interrupted, or a failure).
     */
    private static void stopReader(Thread reader, AtomicBoolean stop) {
        stop.set(true);
        reader.interrupt();
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    reader.join();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // cancelling again: the reader is stopping already
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** In the same snapshot the blocks were read from, against the replay attached as "replay". */
    private void compareDerived(LedgerQueries stored, Run run, Progress progress, BooleanSupplier cancelled) {
        BooleanSupplier stopNow = () -> cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
        int steps = DerivedTables.ALL.length * 2;
        progress.comparing(0, steps);
        stored.query("derived tables", c -> {
            // a comparison of a large table runs for seconds: let SQLite ask too, and abort the query when cancelled
            ProgressHandler.setHandler(c, CANCEL_CHECK_STEPS, new ProgressHandler() {
                @Override
                protected int progress() {
                    return stopNow.getAsBoolean() ? 1 : 0;
                }
            });
            int done = 0;
            try (Statement s = c.createStatement()) {
                for (String[] t : DerivedTables.ALL) {
                    if (run.broken.contains(ChainId.valueOf(t[3]))) {
                        done += 2; // replay of that chain stopped at the finding above; the rest would only echo it
                        progress.comparing(done, steps);
                        continue;
                    }
                    for (boolean storedSide : new boolean[] {true, false}) {
                        if (stopNow.getAsBoolean()) {
                            run.cancelled = true;
                            return null;
                        }
                        if (storedSide) {
                            diff(s, t, "main", "replay", "is stored but replaying the chains does not produce it", run);
                        } else {
                            diff(s, t, "replay", "main", "is produced by replaying the chains but missing from the store", run);
                        }
                        progress.comparing(++done, steps);
                    }
                }
            } catch (java.sql.SQLException e) {
                if (stopNow.getAsBoolean()) {
                    run.cancelled = true; // the progress handler aborted the query
                    return null;
                }
                throw e;
            } finally {
                ProgressHandler.clearHandler(c);
            }
            return null;
        });
    }

    private static void diff(Statement s, String[] table, String a, String b, String what, Run run) throws java.sql.SQLException {
        String sql = "SELECT " + table[1] + ", " + table[2] + " FROM " + a + "." + table[0] + " EXCEPT SELECT "
                + table[1] + ", " + table[2] + " FROM " + b + "." + table[0] + " LIMIT 5";
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i < n; i++) {
                    Object v = rs.getObject(i);
                    row.append(i > 1 ? ", " : "").append(rs.getMetaData().getColumnName(i)).append('=').append(v instanceof byte[] bytes ? Hex.of(bytes).substring(0, Math.min(16, bytes.length * 2)) : v);
                }
                Object h = rs.getObject(n);
                run.findings.add(new Finding(ChainId.valueOf(table[3]), h == null ? -1 : ((Number) h).longValue(),
                        table[0] + " row (" + row + ") " + what));
            }
        }
    }

    /** State of one audit run: the scratch replay and the findings so far. */
    private final class Run {
        final String source;
        final List<Finding> findings = new ArrayList<>();
        final Path scratchDir;
        final Path scratchFile;
        final LedgerDatabase scratch;
        final BlockApplier applier;
        final Set<ChainId> broken = EnumSet.noneOf(ChainId.class);
        final long started = System.nanoTime();
        long blocks;
        long entries;
        long signatures;
        boolean cancelled;
        String allianceId = "(none)";
        long millis;

        Run(String source) {
            this.source = source;
            try {
                scratchDir = Files.createTempDirectory("waterchain-audit");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the audit's scratch directory", e);
            }
            scratchFile = scratchDir.resolve("replay.db");
            scratch = LedgerDatabase.open(scratchFile);
            applier = new BlockApplier(scratch);
        }

        void check(AuditedBlock ab, PreparedBlock p) {
            BlockHeader h = ab.block().header();
            blocks++;
            entries += h.entryCount();
            signatures += 1 + p.entries().size();
            if (h.chain() == ChainId.VALUE && h.height() == 0) {
                allianceId = Hex.of(p.hash());
            }
            if (ab.storedHash() != null && !Arrays.equals(ab.storedHash(), p.hash())) {
                findings.add(new Finding(h.chain(), h.height(), "stored block hash " + Hex.of(ab.storedHash()).substring(0, 16)
                        + "... is not the hash of its header " + Hex.of(p.hash()).substring(0, 16) + "..."));
            }
            if (ab.storedTimeMs() != null && ab.storedTimeMs() != h.timeMs()) {
                findings.add(new Finding(h.chain(), h.height(), "stored block time " + ab.storedTimeMs()
                        + " is not the header's time " + h.timeMs()));
            }
            for (int i = 0; i < ab.storedIds().size() && i < p.entries().size(); i++) {
                if (!Arrays.equals(ab.storedIds().get(i), EntryId.of(ab.block().entries().get(i)))) {
                    findings.add(new Finding(h.chain(), h.height(), "entry " + i + ": stored id does not match its content"));
                }
            }
            if (broken.contains(h.chain())) {
                return; // the chain already failed earlier: later blocks cannot link, say it once
            }
            ApplyOutcome o = applier.apply(p, null);
            if (o instanceof ApplyOutcome.Rejected r) {
                findings.add(new Finding(h.chain(), h.height(), r.violation().reason()
                        + " (replay of this chain stops here)"));
                broken.add(h.chain());
                return;
            }
            List<EntryResult> results = ((ApplyOutcome.Applied) o).results();
            for (int i = 0; i < results.size() && i < ab.claimedValid().size(); i++) {
                EntryResult r = results.get(i);
                if (r.valid() != ab.claimedValid().get(i) || !Objects.equals(r.reason(), ab.claimedReasons().get(i))) {
                    findings.add(new Finding(h.chain(), h.height(), "entry " + i + " is stored as "
                            + (ab.claimedValid().get(i) ? "valid" : "invalid (" + ab.claimedReasons().get(i) + ")")
                            + " but replay finds it " + (r.valid() ? "valid" : "invalid (" + r.reason() + ")")));
                }
            }
        }

        void finishReplay() {
            millis = (System.nanoTime() - started) / 1_000_000;
            scratch.close();
        }

        void deleteScratch() {
            try (var files = Files.list(scratchDir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(scratchDir);
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }

        AuditReport report() {
            deleteScratch();
            return new AuditReport(source, allianceId, blocks, entries, signatures,
                    (System.nanoTime() - started) / 1_000_000, cancelled, findings);
        }
    }

    /** Blocks of a stored ledger in global apply order, with their stored hashes, ids and verdicts. */
    private static final class DatabaseBlocks implements Iterator<AuditedBlock> {
        private final LedgerQueries q;
        private long nextSeq;
        private final long lastSeq;

        DatabaseBlocks(LedgerQueries q) {
            this.q = q;
            this.lastSeq = q.query("last block", c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), -1) FROM blocks")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }

        long count() {
            return lastSeq + 1;
        }

        @Override
        public boolean hasNext() {
            return nextSeq <= lastSeq;
        }

        @Override
        public AuditedBlock next() {
            long seq = nextSeq++;
            return q.query("block " + seq, c -> {
                try (PreparedStatement b = c.prepareStatement("SELECT chain, height, hash, header, signature, time_ms FROM blocks WHERE seq = ?");
                     PreparedStatement e = c.prepareStatement("SELECT id, raw, valid, reason FROM entries WHERE chain = ? AND height = ? ORDER BY idx")) {
                    b.setLong(1, seq);
                    try (ResultSet rs = b.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("block number " + seq + " of the global order is missing");
                        }
                        int chain = rs.getInt(1);
                        long height = rs.getLong(2);
                        BlockHeader h = BlockHeader.decode(rs.getBytes(4));
                        if (h.chain().code() != chain || h.height() != height) {
                            throw new IllegalStateException(ChainId.of(chain).label() + " block at height " + height
                                    + " holds the header of " + h.chain().label() + " #" + h.height());
                        }
                        e.setInt(1, chain);
                        e.setLong(2, height);
                        List<byte[]> raws = new ArrayList<>();
                        List<byte[]> ids = new ArrayList<>();
                        List<Boolean> valid = new ArrayList<>();
                        List<String> reasons = new ArrayList<>();
                        try (ResultSet er = e.executeQuery()) {
                            while (er.next()) {
                                ids.add(er.getBytes(1));
                                raws.add(er.getBytes(2));
                                valid.add(er.getInt(3) == 1);
                                reasons.add(er.getString(4));
                            }
                        }
                        return new AuditedBlock(new org.waterchain.ledger.chain.Block(h, rs.getBytes(5), raws), rs.getBytes(3),
                                rs.getLong(6), valid, reasons, ids);
                    }
                }
            });
        }
    }
}
