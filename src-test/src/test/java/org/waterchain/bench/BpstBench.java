package org.waterchain.bench;

/*
 * Backward pollution source tracing at scale: one time point on a 100,000-station random DAG (river-like: each
 * station flows into one or two stations up to 50 places further on) with 1% of the stations polluted.
 *
 *   plan                    BpstPlanner.plan: station graph + polluted stations -> the ordered transfers (the target: < 50 ms)
 *   hashFloor               SHA-256 of every planned transfer body, i.e. the transaction ids any plan must compute:
 *                           the floor of the planning time, measured in the same run
 *   buildGraph              StationGraph from the 100,000 stations' links (the planner's input)
 *   buildGraphFromChannels  the same from registry channels, as a replica builds it once per registry change
 *   signPlan                Ed25519 signatures of the plan's transfers by the issuer
 *   validateAndApply        the signed trace as one value block through the node's own engine (decode and verify
 *                           on all cores, then PollutionRules against the data chain and one SQLite transaction),
 *                           on a ledger whose registry holds the 100,000 stations and their channels; ordering
 *                           (Ratis) left out
 *
 * Run only this benchmark, from the reactor root (ledger/target/classes first, as this worktree's ledger is newer
 * than the jar in ~/.m2):
 *   mvn -B -q -pl src-test dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 *   mvn -B -q -o -pl ledger,src-test test-compile
 *   java -cp "src-test/target/test-classes:ledger/target/classes:$(cat src-test/target/bench.cp)" org.waterchain.bench.BpstBench
 * or with the whole suite: -Dwaterchain.bench.include=Bpst with RunBenchmarks. About 4 minutes on 2 cores, most of
 * it registering the 100,000 stations once.
 *
 * Measured on the project's 2-core machine (OpenJDK 17.0.15, shared with other builds, so the error bars are wide):
 * 1,000 polluted of 100,000 stations (125,262 links) -> 1,990 transfers (990 mints, 10 passes, 990 collects);
 *   plan 7.5 ms (iterations 6.0-6.7 ms, target < 50 ms) beside a hashing floor of 1.1 ms; buildGraph 112 ms,
 *   buildGraphFromChannels 440 ms, signPlan 342 ms; validateAndApply 287 ms (144 us per transfer; registering the
 *   network took 35-45 s).
 */

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.chain.LedgerEntry;
import org.waterchain.ledger.chain.MerkleTree;
import org.waterchain.ledger.consensus.LedgerEngine;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.AddMember;
import org.waterchain.ledger.registry.RegistryAction.GrantLicence;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;
import org.waterchain.ledger.registry.Role;
import org.waterchain.ledger.registry.StationKind;
import org.waterchain.ledger.store.LedgerDatabase;
import org.waterchain.ledger.store.Tip;
import org.waterchain.ledger.trace.BpstPlanner;
import org.waterchain.ledger.trace.PollutionContract;
import org.waterchain.ledger.trace.PollutionStep;
import org.waterchain.ledger.trace.StationGraph;
import org.waterchain.ledger.trace.TracePlan;
import org.waterchain.ledger.validation.ApplyOutcome;
import org.waterchain.ledger.validation.BlockPreparer;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.ValueEntry;

@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class BpstBench {
    static final int STATIONS = 100_000;
    static final double POLLUTED_SHARE = 0.01;
    static final long SEED = 36_342_020L;
    static final long HOUR = PollutionContract.TIME_POINT_MS;
    /** 2025-01-01T00:00:00Z; the traced time points follow hour by hour. */
    static final long START = 1_735_689_600_000L;
    static final Quantity CU = Quantity.CU;

    /** The random network: station ids, flow links (index pairs), polluted stations with their Cu values. */
    record Network(String[] ids, int[] from, int[] to, Map<String, Double> polluted) {
        static Network make() {
            SplittableRandom rnd = new SplittableRandom(SEED);
            String[] ids = new String[STATIONS];
            for (int i = 0; i < STATIONS; i++) {
                ids[i] = String.format(Locale.ROOT, "S%06d", i);
            }
            List<int[]> links = new ArrayList<>();
            for (int i = 0; i < STATIONS - 1; i++) {
                int n = rnd.nextInt(4) == 0 ? 2 : 1;
                for (int k = 0; k < n; k++) {
                    links.add(new int[] {i, i + 1 + rnd.nextInt(Math.min(50, STATIONS - 1 - i))});
                }
            }
            Map<String, Double> polluted = new TreeMap<>();
            while (polluted.size() < STATIONS * POLLUTED_SHARE) {
                polluted.put(ids[rnd.nextInt(STATIONS)], 0.201 + Math.round(rnd.nextDouble() * 500) / 1000.0);
            }
            return new Network(ids, links.stream().mapToInt(l -> l[0]).toArray(), links.stream().mapToInt(l -> l[1]).toArray(),
                    polluted);
        }

        StationGraph graph() {
            StationGraph.Builder b = StationGraph.builder();
            for (String id : ids) {
                b.station(id);
            }
            for (int l = 0; l < from.length; l++) {
                b.flow(ids[from[l]], ids[to[l]]);
            }
            return b.build();
        }

        List<AddChannel> channels() {
            List<AddChannel> out = new ArrayList<>(from.length);
            List<GeoPoint> line = List.of(new GeoPoint(121.2, 24.9), new GeoPoint(121.21, 24.91));
            for (int l = 0; l < from.length; l++) {
                out.add(new AddChannel("C" + l, "reach " + l, ids[from[l]], ids[to[l]], 100, line));
            }
            return out;
        }
    }

    @State(Scope.Benchmark)
    public static class Planning {
        Network net;
        StationGraph graph;
        List<AddChannel> channels;
        List<byte[]> bodies;
        TracePlan plan;
        KeyPair issuer;

        @Setup(Level.Trial)
        public void prepare() {
            net = Network.make();
            graph = net.graph();
            channels = net.channels();
            plan = BpstPlanner.plan(graph, CU, START, net.polluted());
            bodies = plan.steps().stream().map(s -> s.transfer().encode()).toList();
            issuer = KeyPair.generate();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public TracePlan plan(Planning s) {
        return BpstPlanner.plan(s.graph, CU, START, s.net.polluted());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public int hashFloor(Planning s) {
        int x = 0;
        for (byte[] b : s.bodies) {
            x ^= ValueEntry.txid(LedgerEntry.TYPE_TRANSFER, b)[0];
        }
        return x;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 2)
    public StationGraph buildGraph(Planning s) {
        return s.net.graph();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 2)
    public StationGraph buildGraphFromChannels(Planning s) {
        return StationGraph.fromChannels(List.of(s.net.ids()), s.channels);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 2)
    public List<ValueEntry> signPlan(Planning s) {
        return s.plan.signed(s.issuer);
    }

    /**
     * A ledger whose registry holds the network; each iteration commits one hour of Cu records (polluted stations and
     * their neighbours) and prepares that hour's signed trace as the next value block.
     */
    @State(Scope.Benchmark)
    public static class Node {
        Path root;
        LedgerEngine engine;
        KeyPair validator;
        Network net;
        StationGraph graph;
        final Map<String, KeyPair> deviceKeys = new HashMap<>();
        final Map<String, Long> seq = new HashMap<>();
        long blockTime = START;
        long hour = START;
        Block trace;

        @Setup(Level.Trial)
        public void build() throws Exception {
            long t0 = System.nanoTime();
            root = Files.createTempDirectory("wc-bench-bpst");
            net = Network.make();
            graph = net.graph();
            validator = KeyPair.generate();
            KeyPair plant = KeyPair.generate();
            engine = new LedgerEngine(LedgerDatabase.open(root.resolve("ledger.db")), BlockPreparer.onAllCores());
            List<RegistryAction> genesis = List.of(
                    new AddMember(validator.publicKey(), "Regulator", Role.bits(EnumSet.of(Role.REGULATOR, Role.VALIDATOR))),
                    new AddMember(plant.publicKey(), "Plant", Role.bits(EnumSet.of(Role.PLANT))),
                    new SetStandard("CU", Double.NaN, 0.2, 0.75),
                    new GrantLicence(Asset.POLLUTION_ANY, validator.address()));
            engine.applyGenesis(List.of(
                    Block.seal(ChainId.VALUE, 0, new byte[32], blockTime, sign(genesis, 0), validator),
                    Block.seal(ChainId.DATA, 0, MerkleTree.EMPTY_ROOT, blockTime, List.of(), validator)));
            List<RegistryAction> registry = new ArrayList<>();
            for (String id : net.ids()) {
                registry.add(new RegisterStation(id, id, StationKind.HEAVY_METAL, new GeoPoint(121.2, 24.9), plant.address()));
            }
            registry.addAll(net.channels());
            for (String id : reporting()) {
                KeyPair k = KeyPair.generate();
                deviceKeys.put(id, k);
                registry.add(new RegisterDevice(id + "-A", id, k.publicKey(), false, "bench analyser"));
            }
            for (int i = 0; i < registry.size(); i += 10_000) {
                append(ChainId.VALUE, sign(registry.subList(i, Math.min(registry.size(), i + 10_000)), 1 + i));
            }
            System.out.printf("# registered %,d stations, %,d channels, %,d devices in %.1f s%n", STATIONS, net.from().length,
                    deviceKeys.size(), (System.nanoTime() - t0) / 1e9);
        }

        /** Polluted stations and their neighbours: the stations whose records the rules read. */
        Set<String> reporting() {
            Set<String> out = new LinkedHashSet<>();
            for (String p : net.polluted().keySet()) {
                out.add(p);
                out.addAll(graph.upstreamOf(p));
                out.addAll(graph.downstreamOf(p));
            }
            return out;
        }

        private List<byte[]> sign(List<RegistryAction> actions, long firstNonce) {
            byte[][] out = new byte[actions.size()][];
            IntStream.range(0, actions.size()).parallel()
                    .forEach(i -> out[i] = ValueEntry.signed(actions.get(i), firstNonce + i, validator).encode());
            return List.of(out);
        }

        private void append(ChainId chain, List<byte[]> entries) {
            Tip tip = engine.tip(chain);
            Block b = Block.seal(chain, tip.height() + 1, tip.hash(), ++blockTime, entries, validator);
            if (!(engine.apply(engine.prepare(b), null) instanceof ApplyOutcome.Applied a) || a.invalidCount() != 0) {
                throw new IllegalStateException("benchmark setup block refused or with invalid entries");
            }
        }

        @Setup(Level.Iteration)
        public void nextHour() {
            hour += HOUR;
            List<String> stations = new ArrayList<>(deviceKeys.keySet());
            byte[][] records = new byte[stations.size()][];
            long[] seqs = new long[stations.size()];
            for (int i = 0; i < seqs.length; i++) {
                seqs[i] = seq.merge(stations.get(i), 1L, Long::sum);
            }
            IntStream.range(0, records.length).parallel().forEach(i -> {
                String s = stations.get(i);
                double cu = net.polluted().getOrDefault(s, 0.05);
                SensorRecord r = new SensorRecord(s + "-A", seqs[i], hour + 600_000, 0, List.of(new Reading(CU, cu)));
                records[i] = new RecordEntry(r.sign(deviceKeys.get(s)), hour + 601_000).encode();
            });
            append(ChainId.DATA, List.of(records));
            List<byte[]> entries = BpstPlanner.plan(graph, CU, hour, net.polluted()).signed(validator).stream()
                    .map(ValueEntry::encode).toList();
            Tip tip = engine.tip(ChainId.VALUE);
            trace = Block.seal(ChainId.VALUE, tip.height() + 1, tip.hash(), ++blockTime, entries, validator);
        }

        @TearDown(Level.Trial)
        public void cleanUp() {
            engine.close();
            BenchLedgers.deleteTree(root);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 4)
    public ApplyOutcome validateAndApply(Node n) {
        ApplyOutcome o = n.engine.apply(n.engine.prepare(n.trace), null);
        if (!(o instanceof ApplyOutcome.Applied a)) {
            throw new IllegalStateException("the trace block was refused: " + o);
        }
        a.results().stream().filter(r -> !r.valid()).findFirst().ifPresent(r -> {
            throw new IllegalStateException("a transfer of the trace is invalid: " + r.reason());
        });
        return o;
    }

    /** Runs this benchmark alone and prints the figures beside the target and the hashing floor. */
    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(BpstBench.class.getName() + "\\.").build()).run();
        Network net = Network.make();
        TracePlan plan = BpstPlanner.plan(net.graph(), CU, START, net.polluted());
        Map<String, Double> score = new HashMap<>();
        Map<String, Double> error = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            score.put(name, r.getPrimaryResult().getScore());
            error.put(name, r.getPrimaryResult().getScoreError());
        }
        long passes = plan.steps().stream().filter(s -> s.step() == PollutionStep.PASS).count();
        System.out.println();
        System.out.printf(Locale.ROOT, "BPST, one time point: %,d stations, %,d links, %,d polluted -> %,d transfers (%d mints, %d passes)"
                + " (%d cores, %s %s)%n", STATIONS, net.from().length, net.polluted().size(), plan.steps().size(), plan.mintCount(),
                passes, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        line("plan", score, error, "ms   (target < 50 ms)");
        line("hashFloor", score, error, "ms   (floor: hashing the planned transfers' txids)");
        line("buildGraph", score, error, "ms");
        line("buildGraphFromChannels", score, error, "ms");
        line("signPlan", score, error, "ms");
        line("validateAndApply", score, error, "ms");
        if (score.containsKey("plan") && score.containsKey("hashFloor")) {
            System.out.printf(Locale.ROOT, "  planning takes %.1f x the hashing floor%n", score.get("plan") / score.get("hashFloor"));
        }
        if (score.containsKey("validateAndApply")) {
            System.out.printf(Locale.ROOT, "  validate + apply: %.0f us per transfer%n",
                    1000 * score.get("validateAndApply") / plan.steps().size());
        }
    }

    private static void line(String name, Map<String, Double> score, Map<String, Double> error, String unit) {
        if (score.containsKey(name)) {
            double e = error.get(name);
            System.out.printf(Locale.ROOT, "  %-24s %10.2f ± %-8.2f %s%n", name, score.get(name), Double.isNaN(e) ? 0 : e, unit);
        }
    }
}
