package org.waterchain.bench;

/*
 * Runs the WaterChain JMH benchmarks and prints each figure beside the raw Ed25519 verification ceiling.
 * They never run during `mvn verify` (surefire runs *Test classes only). From the reactor root:
 *
 *   mvn -B -q install -DskipTests
 *   mvn -B -q -pl src-test dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 *   java -cp "src-test/target/test-classes:$(cat src-test/target/bench.cp)" org.waterchain.bench.RunBenchmarks
 *
 * Options (system properties, before the class name):
 *   -Dwaterchain.bench.auditRecords=1000000   records in the audited ledger (default 200000; the target is 1,000,000)
 *   -Dwaterchain.bench.include=Audit          regex of benchmarks to run (default: all of org.waterchain.bench)
 * The whole suite takes about 5 minutes on 2 cores with the default audit size.
 *
 * The device harnesses print their own figures (same classpath, need socat for the first):
 *   java -cp ... org.waterchain.bench.DeviceMemoryHarness 100       memory per connected sensor node over real ptys
 *   java -cp ... org.waterchain.bench.SimulatedNetworkHarness 60    500 stations x 10 quantities, one simulated hour
 */

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;

public final class RunBenchmarks {
    private RunBenchmarks() {}

    public static void main(String[] args) throws RunnerException {
        String records = System.getProperty("waterchain.bench.auditRecords", "200000");
        String include = System.getProperty("waterchain.bench.include", "");
        Options opts = new OptionsBuilder()
                .include("org\\.waterchain\\.bench\\..*" + include + ".*")
                .param("records", records)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(opts).run();
        print(results);
    }

    private static void print(Collection<RunResult> results) {
        double ceiling = Double.NaN;
        double oneCore = Double.NaN;
        List<String> lines = new ArrayList<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double score = r.getPrimaryResult().getScore();
            double err = r.getPrimaryResult().getScoreError();
            if (name.endsWith("verifyAllCores")) {
                ceiling = score;
            } else if (name.endsWith("verifyOneCore")) {
                oneCore = score;
            }
            lines.add(String.format(Locale.ROOT, "%-48s %14.1f ± %-10.1f %s", name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
                    score, Double.isNaN(err) ? 0.0 : err, r.getPrimaryResult().getScoreUnit()));
        }
        System.out.println();
        System.out.println("WaterChain benchmarks (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ")");
        lines.forEach(System.out::println);
        System.out.println();
        if (!Double.isNaN(ceiling)) {
            System.out.printf(Locale.ROOT, "Ed25519 verify ceiling: %,.0f verifications/s on all cores (%,.0f on one core)%n",
                    ceiling, oneCore);
        }
        int genesis = BenchLedgers.genesisEntries(DemoAlliance.create(KeyPair.generate(), List.of(), 0));
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double score = r.getPrimaryResult().getScore();
            if (name.endsWith("IngestBench.ingest")) {
                System.out.printf(Locale.ROOT, "ingest (submit -> ordered -> validated -> stored): %,.0f records/s = %.2f x the verify ceiling%n",
                        score, score / ceiling);
            } else if (name.endsWith("AuditBench.audit")) {
                long entries = Long.parseLong(r.getParams().getParam("records")) + genesis;
                double perSecond = entries / score;
                System.out.printf(Locale.ROOT, "full audit of %,d entries: %.2f s per audit, %,.0f entries/s = %.2f x the verify ceiling;"
                        + " 1,000,000 records would take about %.0f s%n", entries, score, perSecond, perSecond / ceiling,
                        1_000_000 / perSecond);
            } else if (name.endsWith("FrameVerifyBench.decodeVerifyAllCores")) {
                System.out.printf(Locale.ROOT, "serial frames decoded + parsed + verified: %,.0f frames/s on all cores = %.2f x the verify ceiling%n",
                        score, score / ceiling);
            } else if (name.endsWith("FrameVerifyBench.decodeVerifyOneCore")) {
                System.out.printf(Locale.ROOT, "serial frames decoded + parsed + verified: %,.0f frames/s on one core = %.2f x one core's verify rate%n",
                        score, score / oneCore);
            } else if (name.endsWith("QueryBench.oneStationYear")) {
                System.out.printf(Locale.ROOT, "one station's year (8,760 hourly records of 61,320): %.1f ms per query%n", score);
            }
        }
    }
}
