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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.store.StoredRecord;

/**
 * The app's chart query: one station's year of hourly records (8,760 rows, decoded) from a ledger holding a year
 * of every demo station (7 stations, 61,320 records), through {@link LedgerQueries#records}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class QueryBench {
    static final int HOURS = 8760;

    Path root;
    LedgerQueries queries;

    @Setup(Level.Trial)
    public void prepare() throws Exception {
        root = Files.createTempDirectory("wc-bench-query");
        Path db = root.resolve("ledger.db");
        KeyPair validator = KeyPair.generate();
        DemoAlliance.Genesis g = DemoAlliance.create(validator, List.of(), BenchLedgers.YEAR_START - 24 * BenchLedgers.HOUR);
        BenchLedgers.buildRecordLedger(db, g, validator, HOURS * DemoAlliance.STATIONS.size());
        queries = new LedgerQueries(db);
        int n = oneStationYear().size();
        if (n != HOURS) {
            throw new IllegalStateException("expected " + HOURS + " records of R04 in the year, got " + n);
        }
    }

    @Benchmark
    public List<StoredRecord> oneStationYear() {
        return queries.records("R04", BenchLedgers.YEAR_START, BenchLedgers.YEAR_END);
    }

    @TearDown(Level.Trial)
    public void cleanUp() {
        queries.close();
        BenchLedgers.deleteTree(root);
    }
}
