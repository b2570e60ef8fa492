package org.waterchain.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.waterchain.devices.ingest.RecordIngest;
import org.waterchain.devices.ingest.SigningSink;
import org.waterchain.devices.sim.NetworkGenerator;
import org.waterchain.devices.sim.NetworkSimulator;
import org.waterchain.devices.sim.PacedRunner;
import org.waterchain.devices.sim.SimulationConfig;
import org.waterchain.devices.sim.StationNetwork;
import org.waterchain.devices.sim.StationSpec;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.NodeConfig;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.value.ValueEntry;

/**
 * 500 simulated stations x 10 quantities at a 1-minute interval for one simulated hour, signed per device and
 * ingested into a real node: first paced at a speed factor (default 60, so the hour takes a minute of wall time
 * where the requirement is real time), reporting whether the run ever fell behind; then a second hour as fast as
 * the machine goes, giving the largest speed factor it sustains. Run like RunBenchmarks (same classpath):
 *
 *   java -cp ... org.waterchain.bench.SimulatedNetworkHarness [speed, default 60]
 */
public final class SimulatedNetworkHarness {
    private static final long HOUR = 3_600_000L;

    private SimulatedNetworkHarness() {}

    public static void main(String[] args) throws Exception {
        double speed = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        Path root = Files.createTempDirectory("wc-sim500");
        KeyPair regulator = KeyPair.generate();
        long start = System.currentTimeMillis() / HOUR * HOUR;
        DemoAlliance.Genesis g = DemoAlliance.create(regulator, List.of(), start);
        DataDirectory.create(root.resolve("node"), NodeConfig.singleMember("n1", freePort(), g.blocks()), regulator, g.blocks());
        StationNetwork network = NetworkGenerator.generate(NetworkGenerator.Spec.tree(500, 10, 42).withInterval(60_000));
        try (LedgerNode node = LedgerNode.start(DataDirectory.open(root.resolve("node")));
             RecordIngest ingest = new RecordIngest(node, System::currentTimeMillis, a -> {})) {
            Map<String, KeyPair> keys = register(node, regulator, network);
            ingest.reloadDirectory();
            SigningSink signer = SigningSink.selfSigned(ingest, "sim500", keys);
            NetworkSimulator sim = new NetworkSimulator(network, SimulationConfig.defaults(7, start), signer);

            long t0 = System.nanoTime();
            long maxLag = 0;
            boolean everBehind = false;
            try (PacedRunner runner = new PacedRunner(sim, speed)) {
                runner.start();
                while (sim.currentTimeMs() < start + HOUR) {
                    Thread.sleep(100);
                    PacedRunner.Status st = runner.status();
                    maxLag = Math.max(maxLag, st.lagMs());
                    everBehind |= st.fallingBehind();
                    if (st.failure() != null) {
                        throw new IllegalStateException(st.failure());
                    }
                }
            }
            signer.awaitCommitted(5, TimeUnit.MINUTES);
            double pacedWall = (System.nanoTime() - t0) / 1e9;
            long pacedSamples = sim.samplesEmitted();
            System.out.printf(Locale.ROOT, "paced at %.0fx: one simulated hour, %,d records of 10 readings from 500 stations (a few lost to simulated outages) in %.1f s wall;"
                    + " fell behind: %s; largest lag %.1f simulated s = %.0f ms of wall time (the runner ticks every 100 ms)%n", speed, pacedSamples,
                    pacedWall, everBehind ? "YES" : "no", maxLag / 1000.0, maxLag / speed);

            long t1 = System.nanoTime();
            sim.advanceTo(start + 2 * HOUR);
            double generated = (System.nanoTime() - t1) / 1e9;
            signer.awaitCommitted(5, TimeUnit.MINUTES);
            double flatOut = (System.nanoTime() - t1) / 1e9;
            long n = sim.samplesEmitted() - pacedSamples;
            System.out.printf(Locale.ROOT, "flat out: the next simulated hour (%,d records) generated+signed+checked in %.2f s and"
                    + " committed in %.2f s = %,.0f records/s, i.e. %.0fx real time%n", n, generated, flatOut, n / flatOut, 3600 / flatOut);
            System.out.printf(Locale.ROOT, "ingest refusals: %d (every record signed by its own registered device key)%n",
                    ingest.stats("sim500").rejectedTotal());
        }
    }

    /** Stations and self-signing devices of the generated network, registered on the value chain. */
    private static Map<String, KeyPair> register(LedgerNode node, KeyPair regulator, StationNetwork network) throws Exception {
        Map<String, KeyPair> keys = new HashMap<>();
        List<CompletableFuture<Receipt>> stations = new ArrayList<>();
        long nonce = 1;
        for (StationSpec s : network.stations()) {
            stations.add(node.submit(ValueEntry.signed(new RegistryAction.RegisterStation(s.id(), "Simulated " + s.id(), s.kind(),
                    new GeoPoint(121.2, 24.9), regulator.address()), nonce++, regulator)));
        }
        await(stations);
        List<CompletableFuture<Receipt>> devices = new ArrayList<>();
        for (StationSpec s : network.stations()) {
            KeyPair k = KeyPair.generate();
            keys.put(s.deviceId(), k);
            devices.add(node.submit(ValueEntry.signed(new RegistryAction.RegisterDevice(s.deviceId(), s.id(), k.publicKey(), false,
                    "simulated"), nonce++, regulator)));
        }
        await(devices);
        return keys;
    }

    private static void await(List<CompletableFuture<Receipt>> fs) throws Exception {
        for (CompletableFuture<Receipt> f : fs) {
            Receipt r = f.get(2, TimeUnit.MINUTES);
            if (!r.valid()) {
                throw new IllegalStateException("registration refused: " + r.reason());
            }
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
