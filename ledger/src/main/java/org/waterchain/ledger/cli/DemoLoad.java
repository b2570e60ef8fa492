package org.waterchain.ledger.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.demo.DemoReadings;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;

/**
 * Signs demo records as the registered demo devices: each device continues from its last accepted sequence
 * number, one record per demo hour, sample times following on from genesis.
 */
final class DemoLoad implements AutoCloseable {
    private static final long HOUR = 3_600_000L;

    private final LedgerNode node;
    private final List<DemoDevice> devices = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom();
    private final long epoch;
    private ScheduledExecutorService timer;

    private static final class DemoDevice {
        final String id;
        final KeyPair key;
        final RegisterStation station;
        long seq;

        DemoDevice(String id, KeyPair key, RegisterStation station, long seq) {
            this.id = id;
            this.key = key;
            this.station = station;
            this.seq = seq;
        }
    }

    DemoLoad(LedgerNode node) {
        this.node = node;
        Path keys = node.directory().root().resolve("keys").resolve("demo-keys.json");
        Map<String, KeyPair> secrets = DemoAlliance.readDeviceKeys(keys);
        Map<String, RegisterStation> stations = new java.util.HashMap<>();
        node.queries().registry("station", true).forEach(a -> stations.put(((RegisterStation) a).id(), (RegisterStation) a));
        for (var a : node.queries().registry("device", true)) {
            RegisterDevice d = (RegisterDevice) a;
            KeyPair k = secrets.get(d.deviceId());
            if (k != null && java.util.Arrays.equals(k.publicKey(), d.publicKey())) {
                devices.add(new DemoDevice(d.deviceId(), k, stations.get(d.stationId()), node.queries().lastSequence(d.publicKey())));
            }
        }
        if (devices.isEmpty()) {
            throw new org.waterchain.ledger.node.NodeException("no demo device keys match the registry of " + node.directory().root());
        }
        long genesisTime = node.queries().block(org.waterchain.ledger.chain.ChainId.VALUE, 0).orElseThrow().header().timeMs();
        epoch = genesisTime - genesisTime % HOUR;
    }

    int deviceCount() {
        return devices.size();
    }

    static DemoLoad start(LedgerNode node, long intervalMs) {
        DemoLoad load = new DemoLoad(node);
        load.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-load");
            t.setDaemon(true);
            return t;
        });
        load.timer.scheduleAtFixedRate(load::oneHour, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        return load;
    }

    /** One record from every demo device. */
    List<CompletableFuture<Receipt>> oneHour() {
        List<CompletableFuture<Receipt>> out = new ArrayList<>(devices.size());
        for (DemoDevice d : devices) {
            out.add(submitNext(d));
        }
        return out;
    }

    /** The next {@code n} records, round-robin over the devices. */
    List<CompletableFuture<Receipt>> next(int n) {
        List<CompletableFuture<Receipt>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(submitNext(devices.get(i % devices.size())));
        }
        return out;
    }

    private CompletableFuture<Receipt> submitNext(DemoDevice d) {
        long seq = ++d.seq;
        long time = epoch + seq * HOUR;
        SensorRecord r = new SensorRecord(d.id, seq, time, 0, DemoReadings.sample(d.station.stationKind(), time, random));
        return node.submit(new RecordEntry(r.sign(d.key), System.currentTimeMillis()));
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
