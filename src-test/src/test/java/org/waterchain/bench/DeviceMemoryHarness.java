package org.waterchain.bench;

import java.io.FileOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.waterchain.devices.enroll.DeviceEnrollment;
import org.waterchain.devices.ingest.RecordIngest;
import org.waterchain.devices.sensornode.SensorNodeDriver;
import org.waterchain.devices.serial.LinkState;
import org.waterchain.devices.serial.PortSettings;
import org.waterchain.devices.wire.Frames;
import org.waterchain.devices.wire.WireMessage;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.NodeConfig;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.SensorRecord;

/**
 * Memory per connected sensor node: N enrolled devices, each on its own real pseudo-terminal pair (socat), each
 * driver connected and having delivered records; heap after a full GC, thread count and the process's resident
 * memory, before and after. Run like RunBenchmarks (same classpath):
 *
 *   java -cp ... org.waterchain.bench.DeviceMemoryHarness [devices, default 100]
 */
public final class DeviceMemoryHarness {
    private DeviceMemoryHarness() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path root = Files.createTempDirectory("wc-devmem");
        KeyPair regulator = KeyPair.generate();
        DemoAlliance.Genesis g = DemoAlliance.create(regulator, List.of(), System.currentTimeMillis());
        DataDirectory.create(root.resolve("node"), NodeConfig.singleMember("n1", freePort(), g.blocks()), regulator, g.blocks());
        List<Process> socats = new ArrayList<>();
        try (LedgerNode node = LedgerNode.start(DataDirectory.open(root.resolve("node")));
             RecordIngest ingest = new RecordIngest(node, System::currentTimeMillis, a -> {})) {
            DeviceEnrollment enrollment = new DeviceEnrollment(node, regulator, ingest);
            List<KeyPair> keys = new ArrayList<>();
            List<CompletableFuture<Receipt>> regs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                KeyPair k = KeyPair.generate();
                keys.add(k);
                regs.add(enrollment.enroll("MEM-" + i, "R04", k.publicKey(), "harness"));
            }
            for (CompletableFuture<Receipt> r : regs) {
                if (!r.get(60, TimeUnit.SECONDS).valid()) {
                    throw new IllegalStateException("enrollment refused");
                }
            }
            ingest.reloadDirectory();
            for (int i = 0; i < n; i++) {
                socats.add(new ProcessBuilder("socat", "pty,raw,echo=0,link=" + root.resolve("dev" + i),
                        "pty,raw,echo=0,link=" + root.resolve("peer" + i)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start());
            }
            for (int i = 0; i < n; i++) {
                while (!Files.exists(root.resolve("dev" + i)) || !Files.exists(root.resolve("peer" + i))) {
                    Thread.sleep(10);
                }
            }
            Snapshot before = Snapshot.take();
            List<SensorNodeDriver> drivers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                drivers.add(new SensorNodeDriver(root.resolve("dev" + i).toString(), PortSettings.FIRMWARE, ingest,
                        System::currentTimeMillis).start());
            }
            for (SensorNodeDriver d : drivers) {
                while (d.status().link().state() != LinkState.OPEN) {
                    Thread.sleep(10);
                }
            }
            long t = System.currentTimeMillis();
            for (int round = 1; round <= 3; round++) {
                for (int i = 0; i < n; i++) {
                    SensorRecord r = new SensorRecord("MEM-" + i, round, t + round * 60_000L, 0,
                            List.of(new Reading(Quantity.EC, 400 + i), new Reading(Quantity.PH, 7.0)));
                    try (FileOutputStream out = new FileOutputStream(root.resolve("peer" + i).toFile())) {
                        out.write(Frames.encode(new WireMessage.RecordMessage(r.sign(keys.get(i))).encode()));
                    }
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (ingest.stats().values().stream().mapToLong(s -> s.accepted()).sum() < 3L * n && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            long accepted = ingest.stats().values().stream().mapToLong(s -> s.accepted()).sum();
            Snapshot after = Snapshot.take();
            System.out.printf(Locale.ROOT, "%d sensor nodes connected over real ptys, %d records accepted%n", n, accepted);
            System.out.printf(Locale.ROOT, "heap after GC: %.1f MB -> %.1f MB = %.1f KB per connected device%n",
                    before.heap / 1e6, after.heap / 1e6, (after.heap - before.heap) / 1024.0 / n);
            System.out.printf(Locale.ROOT, "threads: %d -> %d (one reader thread per port)%n", before.threads, after.threads);
            System.out.printf(Locale.ROOT, "process RSS: %.1f MB -> %.1f MB = %.1f KB per connected device (thread stacks, native port state)%n",
                    before.rss / 1e6, after.rss / 1e6, (after.rss - before.rss) / 1024.0 / n);
            drivers.forEach(SensorNodeDriver::close);
        } finally {
            socats.forEach(Process::destroyForcibly);
        }
    }

    private record Snapshot(long heap, int threads, long rss) {
        static Snapshot take() throws Exception {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            return new Snapshot(heap, Thread.activeCount(), rss);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
