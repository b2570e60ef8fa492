package org.waterchain.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.waterchain.ledger.audit.AuditReport;
import org.waterchain.ledger.audit.Auditor;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.validation.BlockPreparer;

/**
 * Full audit ({@link Auditor#auditDatabase}) of a prepared ledger of {@code records} signed records: every hash,
 * Merkle root and signature, a replay of every rule into a scratch database, and the comparison of every
 * derived table. One audit per measurement; RunBenchmarks turns the time into entries per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class AuditBench {
    /** Set with -Dwaterchain.bench.auditRecords=1000000 through RunBenchmarks, or -p records=... with JMH's own main. */
    @Param("200000")
    public int records;

    Path root;
    Path db;
    long entries;

    @Setup(Level.Trial)
    public void prepare() throws Exception {
        root = Files.createTempDirectory("wc-bench-audit");
        db = root.resolve("ledger.db");
        KeyPair validator = KeyPair.generate();
        DemoAlliance.Genesis g = DemoAlliance.create(validator, List.of(), BenchLedgers.YEAR_START - 24 * BenchLedgers.HOUR);
        entries = BenchLedgers.buildRecordLedger(db, g, validator, records);
    }

    @Benchmark
    public AuditReport audit() {
        AuditReport r = new Auditor(BlockPreparer.onAllCores()).auditDatabase(db, (done, total) -> { }, () -> false);
        if (!r.clean() || r.entries() != entries) {
            throw new IllegalStateException("audit of the benchmark ledger: " + r.summary());
        }
        return r;
    }

    @TearDown(Level.Trial)
    public void cleanUp() {
        BenchLedgers.deleteTree(root);
    }
}
