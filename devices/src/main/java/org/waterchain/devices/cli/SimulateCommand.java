package org.waterchain.devices.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.waterchain.devices.ingest.SigningSink;
import org.waterchain.devices.sim.LedgerNetwork;
import org.waterchain.devices.sim.NetworkDefaults;
import org.waterchain.devices.sim.NetworkSimulator;
import org.waterchain.devices.sim.PacedRunner;
import org.waterchain.devices.sim.PollutionEvent;
import org.waterchain.devices.sim.SimulationConfig;
import org.waterchain.devices.sim.StationNetwork;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.record.Quantity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulate", description = {"Run the simulated station network of a demo node (its registry's stations,"
        + " channels and factories; the demo device keys) into the ledger until Ctrl-C.",
        "  e.g. simulate --data ~/.waterchain/demo --speed 720 --event F-PCB-01:CU:1.5:30m:2h"})
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "a data directory made by `init` or `demo` (it holds keys/demo-keys.json)")
    Path data;

    @Option(names = "--speed", defaultValue = "720", description = "simulated seconds per wall second (default: ${DEFAULT-VALUE}: an hour every 5 s)")
    double speed;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--event", description = "inject a pollution event (repeatable): SITE:QUANTITY:MAGNITUDE:START:DURATION,"
            + " SITE a station or factory id, QUANTITY a symbol (EC, CU...), START and DURATION like 30m or 2h after the start")
    List<String> events = new ArrayList<>();

    @Option(names = "--stats-every", defaultValue = "5", description = "seconds between status lines (default: ${DEFAULT-VALUE})")
    int statsEvery;

    @Override
    public Integer call() throws Exception {
        Path keysFile = data.resolve("keys").resolve("demo-keys.json");
        if (!Files.exists(keysFile)) {
            throw new DevicesCli.UserError(keysFile + " not found: the simulator signs as the demo devices, so it needs a node made by"
                    + " `waterchain-node init` or `demo`");
        }
        Map<String, KeyPair> keys = DemoAlliance.readDeviceKeys(keysFile);
        try (Stoppable stop = Stoppable.onCtrlC();
             NodeSession s = new NodeSession(data, System.err)) {
            StationNetwork network = LedgerNetwork.fromLedger(s.node.queries(), keys::containsKey, NetworkDefaults.DEMO);
            SigningSink sink = SigningSink.selfSigned(s.ingest, "simulator", keys);
            long start = LedgerNetwork.resumeTime(s.node.queries(), System.currentTimeMillis());
            NetworkSimulator sim = new NetworkSimulator(network, SimulationConfig.defaults(seed, start), sink::accept);
            for (String e : events) {
                PollutionEvent ev = inject(sim, network, e, start);
                System.out.printf("injected pollution event %s: %s +%s from %s for %d min, starting %s%n", ev.id(), ev.quantity().symbol(),
                        ev.magnitude(), ev.sourceId(), ev.durationMs() / 60_000, Instant.ofEpochMilli(ev.startMs()));
            }
            try (PacedRunner runner = new PacedRunner(sim, speed)) {
                runner.start();
                System.out.printf("simulating %d stations at %.0fx; Ctrl-C stops%n", network.stations().size(), speed);
                while (!stop.await(Math.max(1, statsEvery))) {
                    PacedRunner.Status st = runner.status();
                    if (st.failure() != null) {
                        throw new IllegalStateException("the simulator stopped: " + st.failure(), st.failure());
                    }
                    System.out.printf("simulated time %s: %d samples, %d records accepted, %d refused%s%s%n",
                            Instant.ofEpochMilli(st.sourceTimeMs()), sim.samplesEmitted(), s.ingest.stats("simulator").accepted(),
                            s.ingest.stats("simulator").rejectedTotal(), st.fallingBehind() ? " (falling behind by " + st.lagMs() + " ms)" : "",
                            describe(sim.activeEvents()));
                }
            }
        }
        return 0;
    }

    private static String describe(List<PollutionEvent> active) {
        if (active.isEmpty()) {
            return "";
        }
        return active.stream().map(e -> e.quantity().symbol() + " from " + e.sourceId())
                .collect(java.util.stream.Collectors.joining(", ", "; pollution under way: ", ""));
    }

    static PollutionEvent inject(NetworkSimulator sim, StationNetwork network, String spec, long start) {
        String[] p = spec.split(":");
        if (p.length != 5) {
            throw new DevicesCli.UserError("--event " + spec + ": expected SITE:QUANTITY:MAGNITUDE:START:DURATION, e.g. R04:EC:900:10m:1h");
        }
        Quantity q = Quantity.bySymbol(p[1]).orElseThrow(() -> new DevicesCli.UserError("--event " + spec + ": unknown quantity '" + p[1]
                + "' (one of " + java.util.Arrays.stream(Quantity.values()).map(Quantity::symbol).toList() + ")"));
        double magnitude;
        try {
            magnitude = Double.parseDouble(p[2]);
        } catch (NumberFormatException e) {
            throw new DevicesCli.UserError("--event " + spec + ": magnitude '" + p[2] + "' is not a number");
        }
        long at = start + duration(spec, p[3]).toMillis();
        long length = duration(spec, p[4]).toMillis();
        if (network.factory(p[0]).isPresent()) {
            return sim.injectFromFactory(p[0], q, at, length, magnitude);
        }
        if (network.station(p[0]).isPresent()) {
            return sim.injectAt(p[0], q, at, length, magnitude);
        }
        throw new DevicesCli.UserError("--event " + spec + ": no station or factory '" + p[0] + "' in the registry");
    }

    private static Duration duration(String spec, String text) {
        try {
            return Duration.parse("PT" + text.toUpperCase(java.util.Locale.ROOT));
        } catch (java.time.format.DateTimeParseException e) {
            throw new DevicesCli.UserError("--event " + spec + ": '" + text + "' is not a duration like 30m, 2h or 45s");
        }
    }
}
