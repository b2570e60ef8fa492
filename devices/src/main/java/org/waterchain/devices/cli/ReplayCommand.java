package org.waterchain.devices.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.waterchain.devices.enroll.DeviceEnrollment;
import org.waterchain.devices.ingest.SigningSink;
import org.waterchain.devices.replay.ColumnMapping;
import org.waterchain.devices.replay.CsvReplay;
import org.waterchain.devices.replay.LedgerImport;
import org.waterchain.devices.replay.ReplayFormat;
import org.waterchain.devices.replay.ReplayOptions;
import org.waterchain.devices.replay.ReplayReport;
import org.waterchain.devices.sim.PacedRunner;
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
            String source = "replay:" + csv.getFileName();
            ReplayReport report;
            if (speed == null) {
                report = LedgerImport.run(csv, m, options, s.ingest, s.dir.nodeKey(), source, stop::stopped, r -> {});
            } else {
                report = paced(s, m, options, source, stop);
            }
            System.out.println(report.summary());
            var stats = s.ingest.stats(source);
            System.out.printf("%d records submitted to the ledger, %d refused %s%n", stats.accepted(), stats.rejectedTotal(),
                    stats.rejected().isEmpty() ? "" : stats.rejected());
            return stats.rejectedTotal() == 0 ? 0 : 1;
        }
    }

    /** Paced against the recorded timestamps, so the series plays like live data. */
    private ReplayReport paced(NodeSession s, ColumnMapping m, ReplayOptions options, String source, Stoppable stop) throws Exception {
        SigningSink sink = SigningSink.gateway(s.ingest, source, s.dir.nodeKey());
        ReplayReport report;
        try (CsvReplay replay = CsvReplay.open(csv, m, options, sink); PacedRunner runner = new PacedRunner(replay, speed)) {
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
            report = replay.report();
        }
        sink.awaitCommitted(5, TimeUnit.MINUTES);
        return report;
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
        for (String suffix : m.deviceSuffixes()) {
            String id = device + suffix;
            if (enrollment.ensureGatewaySigned(id, station, s.dir.nodeKey(), "replay of " + m.name())) {
                System.out.println("enrolled " + id + " at " + station + " (gateway-signed)");
            }
        }
    }

}
