package org.waterchain.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.demo.DemoReadings;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.NodeConfig;
import org.waterchain.ledger.node.NodeException;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.registry.StationKind;
import org.waterchain.ledger.store.StoredRecord;
import org.waterchain.ledger.validation.ApplyOutcome;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.Output;
import org.waterchain.ledger.value.Transfer;
import org.waterchain.ledger.value.ValueEntry;

/**
 * The in-process node API the app builds on (start, submit, queries, subscribe, close) on a real single-member
 * Ratis group and a real SQLite file: what a receipt acknowledges must be readable at once through
 * {@link LedgerNode#queries()}, and stay readable after a restart.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LedgerNodeApiTest {
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path tmp;

    @Test
    void whatAReceiptAcknowledgesIsReadableAtOnce() throws Exception {
        KeyPair key = KeyPair.generate();
        DemoAlliance.Genesis g = DemoAlliance.create(key, List.of(), System.currentTimeMillis());
        Path dir = tmp.resolve("node");
        DataDirectory.create(dir, NodeConfig.singleMember("n1", LedgerFiles.freePort(), g.blocks()), key, g.blocks());
        KeyPair device = g.deviceKeys().get("R04-A");
        long epoch = g.blocks().get(0).header().timeMs() / HOUR * HOUR;
        SplittableRandom rnd = new SplittableRandom(1);
        List<ApplyOutcome.Applied> heard = new CopyOnWriteArrayList<>();

        try (LedgerNode node = LedgerNode.start(DataDirectory.open(dir))) {
            node.subscribe(heard::add);
            assertEquals(0, node.tip(ChainId.DATA).height(), "a new node holds the genesis blocks");
            // read before anything is submitted: the app shows an empty chart first
            assertEquals(List.of(), node.queries().records("R04", Long.MIN_VALUE, Long.MAX_VALUE));
            assertEquals(0, node.queries().tip(ChainId.DATA).height());

            for (int round = 1; round <= 3; round++) {
                List<CompletableFuture<Receipt>> fs = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    long seq = (round - 1) * 10L + i + 1;
                    SensorRecord r = new SensorRecord("R04-A", seq, epoch + seq * HOUR, 0,
                            DemoReadings.sample(StationKind.REGULAR, epoch + seq * HOUR, rnd));
                    fs.add(node.submit(new RecordEntry(r.sign(device), System.currentTimeMillis())));
                }
                Receipt last = null;
                for (CompletableFuture<Receipt> f : fs) {
                    last = f.get(30, TimeUnit.SECONDS);
                    assertTrue(last.valid(), last.reason());
                    assertTrue(node.queries().entry(last.entryId()).isPresent(),
                            "round " + round + ": an acknowledged record is readable through node.queries()");
                }
                assertEquals(node.tip(ChainId.DATA).height(), node.queries().tip(ChainId.DATA).height(),
                        "round " + round + ": queries().tip() is the node's tip");
                assertArrayEquals(node.tip(ChainId.DATA).hash(), node.queries().tip(ChainId.DATA).hash());
                List<StoredRecord> rows = node.queries().records("R04", Long.MIN_VALUE, Long.MAX_VALUE);
                assertEquals(round * 10, rows.size(), "round " + round + ": queries().records() sees every committed record");
                assertEquals(round * 10L, rows.get(rows.size() - 1).record().seq());
                assertEquals(round * 10L, node.queries().lastSequence(device.publicKey()));
            }

            Receipt mint = node.submit(ValueEntry.signed(new Transfer(List.of(), List.of(new Output(Asset.DROP, 42, key.address())),
                    new byte[0], 1), key)).get(30, TimeUnit.SECONDS);
            assertTrue(mint.valid(), mint.reason());
            assertEquals(Map.of(Asset.DROP, 42L), node.queries().balances(key.address()), "a minted output is readable at once");
            assertEquals(1, node.queries().history(key.address(), 10).size());

            long dataBlocks = heard.stream().filter(b -> b.header().chain() == ChainId.DATA).count();
            assertTrue(dataBlocks >= 3, "subscribers hear every committed block: " + heard.size());
            assertEquals(node.tip(ChainId.DATA).height(), heard.stream().filter(b -> b.header().chain() == ChainId.DATA)
                    .mapToLong(b -> b.header().height()).max().orElse(-1));

            NodeException inUse = assertThrows(NodeException.class, () -> LedgerNode.start(DataDirectory.open(dir)),
                    "a second node on the same directory is refused");
            assertTrue(inUse.getMessage().contains("in use"), inUse.getMessage());
        }

        try (LedgerNode again = LedgerNode.start(DataDirectory.open(dir))) {
            assertEquals(30, again.queries().records("R04", Long.MIN_VALUE, Long.MAX_VALUE).size(), "records survive a restart");
            assertEquals(Map.of(Asset.DROP, 42L), again.queries().balances(key.address()));
            CompletableFuture<Receipt> after = again.submit(new RecordEntry(new SensorRecord("R04-A", 31, epoch + 31 * HOUR, 0,
                    DemoReadings.sample(StationKind.REGULAR, epoch, rnd)).sign(device), System.currentTimeMillis()));
            assertTrue(after.get(30, TimeUnit.SECONDS).valid(), "sequence numbers continue after a restart");
            Receipt replay = again.submit(new RecordEntry(new SensorRecord("R04-A", 5, epoch + 5 * HOUR, 0,
                    DemoReadings.sample(StationKind.REGULAR, epoch, rnd)).sign(device), System.currentTimeMillis())).get(30, TimeUnit.SECONDS);
            assertFalse(replay.valid(), "an old sequence number is refused");
            assertTrue(replay.reason().startsWith("STALE_SEQUENCE"), replay.reason());
        }
    }
}
