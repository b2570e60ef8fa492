package org.waterchain.app.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.waterchain.devices.ingest.RecordIngest;
import org.waterchain.devices.ingest.SigningSink;
import org.waterchain.devices.ingest.SystemAlarm;
import org.waterchain.devices.sim.LedgerNetwork;
import org.waterchain.devices.sim.NetworkDefaults;
import org.waterchain.devices.sim.NetworkSimulator;
import org.waterchain.devices.sim.PacedRunner;
import org.waterchain.devices.sim.SimulationConfig;
import org.waterchain.devices.sim.StationNetwork;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.cli.NodeCli;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.NodeException;

/**
 * The services one window works with, wired by hand: the embedded ledger node, the ingest every device
 * goes through, the live feed of committed records, the registry as last read, and in the demo the simulated
 * district with its demo clock. No FX types: screens adapt it on their side.
 */
public final class Session implements AutoCloseable {
    /** Demo hours per wall second: an hour every 5 s. */
    public static final double DEMO_SPEED = 720;

    private final DataDirectory dir;
    private final LedgerNode node;
    private final RecordIngest ingest;
    private final LiveFeed feed;
    private final NetworkSimulator simulator;
    private final PacedRunner runner;
    private final List<Consumer<SystemAlarm>> alarmListeners = new CopyOnWriteArrayList<>();
    private final Runnable registryWatch;
    private volatile RegistryView registry;

    private Session(DataDirectory dir, LedgerNode node, boolean demo, double speed,
                    UnaryOperator<SimulationConfig> conditions) {
        this.dir = dir;
        this.node = node;
        this.registry = RegistryView.load(node.queries());
        this.registryWatch = node.subscribe(applied -> {
            if (applied.header().chain() == ChainId.VALUE) {
                registry = RegistryView.load(node.queries());
            }
        });
        if (demo) {
            Map<String, KeyPair> keys = DemoAlliance.readDeviceKeys(dir.root().resolve("keys").resolve("demo-keys.json"));
            StationNetwork network = LedgerNetwork.fromLedger(node.queries(), keys::containsKey, NetworkDefaults.DEMO);
            long start = LedgerNetwork.resumeTime(node.queries(), System.currentTimeMillis());
            NetworkSimulator[] sim = new NetworkSimulator[1];
            // the demo clock is the simulator's: receipt times, freshness and alarms all run on it
            LongSupplier demoClock = () -> sim[0] == null ? start : sim[0].currentTimeMs();
            this.ingest = new RecordIngest(node, demoClock, this::raise);
            SigningSink sink = SigningSink.selfSigned(ingest, "simulator", keys);
            sim[0] = new NetworkSimulator(network, conditions.apply(SimulationConfig.defaults(start, start)), sink::accept);
            this.simulator = sim[0];
            this.runner = new PacedRunner(simulator, speed);
        } else {
            this.ingest = new RecordIngest(node, System::currentTimeMillis, this::raise);
            this.simulator = null;
            this.runner = null;
        }
        this.feed = new LiveFeed(node, id -> registry.stationOf(id).orElse("?"));
        if (runner != null) {
            runner.start();
        }
    }

    /** The demo: a demo alliance made in {@code dir} on first use, fed by the simulated district. */
    public static Session demo(Path dir, double speed) {
        return demo(dir, speed, UnaryOperator.identity());
    }

    /**
     * The demo with the simulator's conditions changed, e.g. without its own background pollution events, so a
     * test can tell what one injected discharge did.
     */
    public static Session demo(Path dir, double speed, UnaryOperator<SimulationConfig> conditions) {
        try {
            if (!DataDirectory.isInitialized(dir)) {
                Files.createDirectories(dir);
                int exit = NodeCli.run("init", "--data", dir.toString());
                if (exit != 0) {
                    throw new NodeException("could not create the demo alliance in " + dir + " (exit " + exit + ")");
                }
            }
        } catch (java.io.IOException e) {
            throw new NodeException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        DataDirectory d = DataDirectory.open(dir);
        return new Session(d, LedgerNode.start(d), true, speed, conditions);
    }

    /** The operator's own node: real devices only. */
    public static Session open(Path dir) {
        DataDirectory d = DataDirectory.open(dir);
        return new Session(d, LedgerNode.start(d), false, 1, UnaryOperator.identity());
    }

    private void raise(SystemAlarm a) {
        for (Consumer<SystemAlarm> l : alarmListeners) {
            l.accept(a);
        }
    }

    /** System alarms (device silent, signature failure, unknown device...), on the thread that found them. */
    public Runnable onSystemAlarm(Consumer<SystemAlarm> listener) {
        alarmListeners.add(listener);
        return () -> alarmListeners.remove(listener);
    }

    public boolean isDemo() {
        return simulator != null;
    }

    /** Now, on the session's clock: the demo clock in the demo, the wall clock otherwise. */
    public long now() {
        return simulator != null ? simulator.currentTimeMs() : System.currentTimeMillis();
    }

    public DataDirectory directory() {
        return dir;
    }

    public LedgerNode node() {
        return node;
    }

    public RecordIngest ingest() {
        return ingest;
    }

    public LiveFeed feed() {
        return feed;
    }

    public RegistryView registry() {
        return registry;
    }

    public Optional<NetworkSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    public Optional<PacedRunner> demoClock() {
        return Optional.ofNullable(runner);
    }

    /** This node's key: it signs alarm journal entries and enrollments in the operator's name. */
    public KeyPair nodeKey() {
        return dir.nodeKey();
    }

    @Override
    public void close() {
        if (runner != null) {
            runner.close();
        }
        feed.close();
        registryWatch.run();
        ingest.close();
        node.close();
    }
}
