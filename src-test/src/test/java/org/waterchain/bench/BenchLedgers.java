package org.waterchain.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.consensus.LedgerEngine;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.demo.DemoReadings;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.NodeConfig;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.registry.StationKind;
import org.waterchain.ledger.store.LedgerDatabase;
import org.waterchain.ledger.store.Tip;
import org.waterchain.ledger.validation.ApplyOutcome;
import org.waterchain.ledger.validation.BlockPreparer;

/** Builds real ledgers for the benchmarks: demo alliances, signed records, SQLite files. */
final class BenchLedgers {
    static final long HOUR = 3_600_000L;
    /** 2025-01-01T00:00:00Z: the benchmark year of hourly records. */
    static final long YEAR_START = 1_735_689_600_000L;
    static final long YEAR_END = YEAR_START + 365 * 24 * HOUR;
    static final int BLOCK_RECORDS = 4000;

    private BenchLedgers() {}

    /** A demo device: id, station kind, key, and the next sequence number to sign. */
    static final class Device {
        final String id;
        final StationKind kind;
        final KeyPair key;
        long seq;

        Device(String id, StationKind kind, KeyPair key) {
            this.id = id;
            this.kind = kind;
            this.key = key;
        }
    }

    static List<Device> devices(DemoAlliance.Genesis g) {
        List<Device> out = new ArrayList<>();
        for (DemoAlliance.DemoStation s : DemoAlliance.STATIONS) {
            String id = s.id() + "-A";
            out.add(new Device(id, s.kind(), g.deviceKeys().get(id)));
        }
        return out;
    }

    /**
     * The next {@code n} records round-robin over the devices, hourly sample times from {@code startMs}, signed
     * on all cores (signing is the devices' work, not the node's).
     */
    static List<byte[]> signNext(List<Device> devices, int n, long startMs) {
        long[] seqs = new long[n];
        Device[] who = new Device[n];
        for (int i = 0; i < n; i++) {
            Device d = devices.get(i % devices.size());
            who[i] = d;
            seqs[i] = ++d.seq;
        }
        byte[][] out = new byte[n][];
        long receipt = System.currentTimeMillis();
        IntStream.range(0, n).parallel().forEach(i -> {
            long time = startMs + (seqs[i] - 1) * HOUR;
            SensorRecord r = new SensorRecord(who[i].id, seqs[i], time, 0,
                    DemoReadings.sample(who[i].kind, time, new SplittableRandom(seqs[i] * 31 + i)));
            out[i] = new RecordEntry(r.sign(who[i].key), receipt).encode();
        });
        return List.of(out);
    }

    /** Entries in the demo genesis blocks (the registry: members, stations, devices, channels, standards...). */
    static int genesisEntries(DemoAlliance.Genesis g) {
        return g.blocks().stream().mapToInt(b -> b.entries().size()).sum();
    }

    /**
     * A ledger database holding the demo genesis and {@code perDevice} hourly records from each demo device
     * starting at {@link #YEAR_START}, applied block by block through the node's own engine (prepare: decode and
     * verify on all cores; apply: rules and one SQLite transaction per block), without the ordering layer.
     *
     * @return the number of entries stored
     */
    static long buildRecordLedger(Path dbFile, DemoAlliance.Genesis g, KeyPair validator, int totalRecords) {
        List<Device> devices = devices(g);
        long t0 = System.nanoTime();
        try (LedgerEngine engine = new LedgerEngine(LedgerDatabase.open(dbFile), BlockPreparer.onAllCores())) {
            engine.applyGenesis(g.blocks());
            long blockTime = g.blocks().get(0).header().timeMs();
            for (int done = 0; done < totalRecords; done += BLOCK_RECORDS) {
                List<byte[]> entries = signNext(devices, Math.min(BLOCK_RECORDS, totalRecords - done), YEAR_START);
                Tip tip = engine.tip(ChainId.DATA);
                Block b = Block.seal(ChainId.DATA, tip.height() + 1, tip.hash(), ++blockTime, entries, validator);
                ApplyOutcome o = engine.apply(engine.prepare(b), null);
                if (!(o instanceof ApplyOutcome.Applied a) || a.invalidCount() != 0) {
                    throw new IllegalStateException("benchmark ledger block refused or with invalid entries: " + o);
                }
            }
        }
        long entries = (long) totalRecords + genesisEntries(g);
        System.out.printf("# built %s: %d records in %.1f s%n", dbFile, totalRecords, (System.nanoTime() - t0) / 1e9);
        return entries;
    }

    /** A fresh single-member node directory for a demo alliance whose only validator is {@code key}. */
    static DataDirectory newNodeDirectory(Path root, DemoAlliance.Genesis g, KeyPair key) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        NodeConfig cfg = NodeConfig.singleMember("n1", port, g.blocks());
        DataDirectory.create(root, cfg, key, g.blocks());
        return DataDirectory.open(root);
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
