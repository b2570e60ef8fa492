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
import java.util.function.BooleanSupplier;
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
    /** Progress callback: blocks done so far of the total. */
    public interface Progress {
        void update(long done, long total);
    }

    private final BlockPreparer preparer;

    public Auditor(BlockPreparer preparer) {
        this.preparer = preparer;
    }

    /** Audits one consistent snapshot of the ledger; the node may keep running and appending meanwhile. */
    public AuditReport auditDatabase(Path dbFile, Progress progress, BooleanSupplier cancelled) {
        Run run = new Run(dbFile.toString());
        try (LedgerQueries stored = LedgerQueries.snapshot(dbFile, java.util.Map.of("replay", run.scratchFile))) {
            DatabaseBlocks blocks = new DatabaseBlocks(stored);
            replay(run, blocks, blocks.count(), progress, cancelled);
            if (!run.cancelled) {
                compareDerived(stored, run);
            }
        }
        return run.report();
    }

    public AuditReport auditBundle(Path bundle, Progress progress, BooleanSupplier cancelled) {
        try (AuditBundle.Reader reader = AuditBundle.open(bundle)) {
            Run run = new Run(bundle.toString());
            replay(run, reader, reader.blockCount(), progress, cancelled);
            reader.checkTips(run.applier, run.findings);
            return run.report();
        }
    }

    private void replay(Run run, Iterator<AuditedBlock> blocks, long total, Progress progress,
                        BooleanSupplier cancelled) {
        BlockingQueue<Object> ahead = new ArrayBlockingQueue<>(2);
        Object end = new Object();
        Thread reader = new Thread(() -> {
            try {
                while (blocks.hasNext() && !cancelled.getAsBoolean()) {
                    AuditedBlock b = blocks.next();
                    ahead.put(new Object[] {b, preparer.prepare(b.block())});
                }
                ahead.put(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
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
            while (true) {
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
        }
        run.finishReplay();
    }

    /** In the same snapshot the blocks were read from, against the replay attached as "replay". */
    private void compareDerived(LedgerQueries stored, Run run) {
        stored.query("derived tables", c -> {
            try (Statement s = c.createStatement()) {
                for (String[] t : DerivedTables.ALL) {
                    if (run.broken.contains(ChainId.valueOf(t[3]))) {
                        continue; // replay of that chain stopped at the finding above; the rest would only echo it
                    }
                    diff(s, t, "main", "replay", "is stored but replaying the chains does not produce it", run);
                    diff(s, t, "replay", "main", "is produced by replaying the chains but missing from the store", run);
                }
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
