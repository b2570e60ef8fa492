package org.waterchain.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.audit.AuditBundle;
import org.waterchain.ledger.audit.AuditReport;
import org.waterchain.ledger.audit.Auditor;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.demo.DemoReadings;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.NodeConfig;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.registry.StationKind;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.validation.BlockPreparer;

/**
 * Regulators audit and export a node that keeps running: each must see one consistent state of the ledger.
 * (Reading blocks and derived tables at different moments once reported a live, untouched ledger as ALTERED.)
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LiveAuditTest {
    @TempDir
    Path tmp;

    @Test
    void auditAndExportOfAnIngestingNodeAreClean() throws Exception {
        KeyPair key = KeyPair.generate();
        DemoAlliance.Genesis g = DemoAlliance.create(key, List.of(), System.currentTimeMillis());
        Path dir = tmp.resolve("node");
        DataDirectory.create(dir, NodeConfig.singleMember("n1", LedgerFiles.freePort(), g.blocks()), key, g.blocks());
        AtomicBoolean running = new AtomicBoolean(true);
        Auditor auditor = new Auditor(BlockPreparer.onAllCores());
        try (LedgerNode node = LedgerNode.start(DataDirectory.open(dir))) {
            Thread load = new Thread(() -> ingest(node, g, running), "load");
            load.start();
            try {
                awaitRecords(node, 500);
                for (int i = 0; i < 3; i++) {
                    AuditReport r = auditor.auditDatabase(dir.resolve("ledger.db"), (d, t) -> { }, () -> false);
                    assertTrue(r.clean(), r.summary());
                    assertTrue(r.entries() > 0);
                }
                Path bundle = tmp.resolve("live.wcb");
                long exported;
                try (LedgerQueries snapshot = LedgerQueries.snapshot(dir.resolve("ledger.db"), Map.of())) {
                    exported = AuditBundle.export(snapshot, bundle);
                }
                AuditReport b = auditor.auditBundle(bundle, (d, t) -> { }, () -> false);
                assertTrue(b.clean(), b.summary());
                assertEquals(exported, b.blocks());
            } finally {
                running.set(false);
                load.join();
            }
        }
    }

    private static void ingest(LedgerNode node, DemoAlliance.Genesis g, AtomicBoolean running) {
        SplittableRandom rnd = new SplittableRandom(7);
        long seq = 0;
        while (running.get()) {
            List<CompletableFuture<Receipt>> fs = new ArrayList<>();
            seq++;
            for (var d : g.deviceKeys().entrySet()) {
                long t = 1_767_225_600_000L + seq * 3_600_000L;
                SensorRecord r = new SensorRecord(d.getKey(), seq, t, 0, DemoReadings.sample(StationKind.REGULAR, t, rnd));
                fs.add(node.submit(new RecordEntry(r.sign(d.getValue()), System.currentTimeMillis())));
            }
            CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).join();
        }
    }

    private static void awaitRecords(LedgerNode node, long n) throws InterruptedException {
        while (node.queries().count("records") < n) {
            Thread.sleep(20);
        }
    }
}
