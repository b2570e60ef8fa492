package org.waterchain.devices.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.waterchain.devices.enroll.DeviceEnrollment;
import org.waterchain.devices.ingest.DeviceDirectory;
import org.waterchain.devices.ingest.RecordIngest;
import org.waterchain.devices.ingest.SigningSink;
import org.waterchain.devices.replay.ColumnMapping;
import org.waterchain.devices.replay.CsvReplay;
import org.waterchain.devices.replay.ReplayFormat;
import org.waterchain.devices.replay.ReplayOptions;
import org.waterchain.devices.replay.ReplayReport;
import org.waterchain.devices.signing.GatewayKeys;
import org.waterchain.devices.sim.PacedRunner;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "replay", description = {"Replay a recorded CSV series into the ledger as one station's device, signed by this"
        + " node's gateway. Built-in formats: USGS NWIS 5-minute, GECCO 2018, CANARY Station B; others with a --mapping file.",
        "  e.g. replay --data D --csv USGS_01581752.csv --station R04 --device R04-USGS --enroll"})
final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "the node's data directory")
    Path data;

    @Option(names = "--csv", required = true, description = "the recorded series")
    Path csv;

    @Option(names = "--format", description = "usgs, gecco or canary (default: recognised from the header)")
    String format;

    @Option(names = "--mapping", description = "a column-mapping JSON file, for formats not built in")
    Path mapping;

    @Option(names = "--station", required = true, description = "station the readings belong to")
    String station;

    @Option(names = "--device", required = true, description = "device id the readings are recorded under")
    String device;

    @Option(names = "--enroll", description = "register the device (and companion devices of the mapping) as gateway-signed first")
    boolean enroll;

    @Option(names = "--speed", description = "replay paced at this many recorded seconds per wall second (default: as fast as possible)")
    Double speed;

    @Option(names = "--shift-to-now", description = "move the recorded times so the series starts now")
    boolean shiftToNow;

    @Option(names = "--strict", description = "stop at the first bad row (default: count bad rows, report them, go on)")
    boolean strict;

    private static final long DAY_MS = 86_400_000L;

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(csv)) {
            throw new DevicesCli.UserError("cannot read " + csv);
        }
        ColumnMapping m = mapping();
        ReplayOptions options = ReplayOptions.forDevice(device);
        options = strict ? options.strictly() : options;
        options = shiftToNow ? options.shiftedToNow() : options;
        try (Stoppable stop = Stoppable.onCtrlC();
             NodeSession s = new NodeSession(data, System.err)) {
            if (enroll) {
                enrollAll(s, m);
            }
            SigningSink sink = SigningSink.gateway(s.ingest, "replay:" + csv.getFileName(), s.dir.nodeKey());
            ReplayReport report;
            java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Receipt>> last =
                    new java.util.concurrent.atomic.AtomicReference<>();
            try (CsvReplay replay = CsvReplay.open(csv, m, options, sample -> {
                if (sink.offer(sample) instanceof RecordIngest.Outcome.Submitted sub) {
                    last.set(sub.receipt());
                }
            })) {
                if (speed == null) {
                    // a day of recorded time at a time, so Ctrl-C is heard between steps
                    while (!replay.finished() && !stop.stopped()) {
                        replay.advanceTo(replay.currentTimeMs() + DAY_MS);
                    }
                } else {
                    try (PacedRunner runner = new PacedRunner(replay, speed)) {
                        runner.start();
                        while (!runner.completion().isDone() && !stop.await(5)) {
                            System.out.println(replay.report().summary());
                        }
                        if (runner.completion().isDone()) {
                            try {
                                runner.completion().join();
                            } catch (java.util.concurrent.CompletionException e) {
                                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                            }
                        }
                    }
                }
                report = replay.report();
            }
            if (last.get() != null) {
                // blocks commit in order: once the last receipt is in, everything before it is committed too
                last.get().get(5, TimeUnit.MINUTES);
            }
            System.out.println(report.summary());
            var stats = s.ingest.stats("replay:" + csv.getFileName());
            System.out.printf("%d records submitted to the ledger, %d refused %s%n", stats.accepted(), stats.rejectedTotal(),
                    stats.rejected().isEmpty() ? "" : stats.rejected());
            return stats.rejectedTotal() == 0 ? 0 : 1;
        }
    }

    private ColumnMapping mapping() throws Exception {
        if (mapping != null) {
            if (format != null) {
                throw new DevicesCli.UserError("give --format or --mapping, not both");
            }
            return ColumnMapping.fromJson(mapping);
        }
        if (format == null) {
            return ReplayFormat.detect(csv).orElseThrow(() -> new DevicesCli.UserError(csv
                    + ": the header matches no built-in format; give --format or a --mapping file")).mapping();
        }
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "usgs" -> ReplayFormat.USGS_NWIS_5MIN.mapping();
            case "gecco" -> ReplayFormat.GECCO_2018.mapping();
            case "canary" -> ReplayFormat.CANARY_STATION_B.mapping();
            default -> throw new DevicesCli.UserError("--format " + format + ": one of usgs, gecco, canary (or give --mapping)");
        };
    }

    private void enrollAll(NodeSession s, ColumnMapping m) throws Exception {
        DeviceEnrollment enrollment = new DeviceEnrollment(s.node, s.dir.nodeKey(), s.ingest);
        DeviceDirectory dir = s.ingest.directory();
        for (String suffix : m.deviceSuffixes()) {
            String id = device + suffix;
            RegisterDevice existing = dir.device(id).orElse(null);
            if (existing != null && !dir.isRetired(id) && existing.gateway()
                    && Arrays.equals(existing.publicKey(), GatewayKeys.deviceKey(s.dir.nodeKey(), id).publicKey())) {
                continue; // enrolled by this node's gateway already
            }
            if (existing != null && !existing.stationId().equals(station)) {
                throw new DevicesCli.UserError(id + " is registered at station " + existing.stationId() + ", not " + station
                        + "; choose another --device");
            }
            Receipt r = enrollment.enrollGatewaySigned(id, station, s.dir.nodeKey(), "replay of " + m.name()).get(30, TimeUnit.SECONDS);
            if (!r.valid()) {
                throw new DevicesCli.UserError("enrolling " + id + " was refused: " + r.reason());
            }
            System.out.println("enrolled " + id + " at " + station + " (gateway-signed)");
        }
    }
}
