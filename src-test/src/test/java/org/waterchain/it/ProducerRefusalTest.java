package org.waterchain.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
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
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.registry.StationKind;
import org.waterchain.ledger.value.Output;
import org.waterchain.ledger.value.Transfer;
import org.waterchain.ledger.value.ValueEntry;

/** Submissions that can never be ordered are answered with the reason instead of being retried for ever. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ProducerRefusalTest {
    @TempDir
    Path tmp;

    @Test
    void aNodeWhoseKeyIsNoValidatorTellsItsSubmittersWhy() throws Exception {
        KeyPair founder = KeyPair.generate();
        KeyPair outsider = KeyPair.generate();
        DemoAlliance.Genesis g = DemoAlliance.create(founder, List.of(), System.currentTimeMillis());
        Path dir = tmp.resolve("node");
        DataDirectory.create(dir, NodeConfig.singleMember("n1", LedgerFiles.freePort(), g.blocks()), outsider, g.blocks());
        try (LedgerNode node = LedgerNode.start(DataDirectory.open(dir))) {
            long t = 1_767_225_600_000L;
            SensorRecord r = new SensorRecord("R04-A", 1, t, 0, DemoReadings.sample(StationKind.REGULAR, t,
                    new java.util.SplittableRandom(1)));
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> node.submit(new RecordEntry(r.sign(g.deviceKeys().get("R04-A")), t)).get(60, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("BLOCK_NOT_VALIDATOR"), e.getCause().getMessage());
            assertEquals(0, node.tip(ChainId.DATA).height(), "nothing was appended");
        }
    }

    @Test
    void anEntryLargerThanAnyValidOneIsRefusedAtOnce() throws Exception {
        KeyPair key = KeyPair.generate();
        DemoAlliance.Genesis g = DemoAlliance.create(key, List.of(), System.currentTimeMillis());
        Path dir = tmp.resolve("node");
        DataDirectory.create(dir, NodeConfig.singleMember("n1", LedgerFiles.freePort(), g.blocks()), key, g.blocks());
        try (LedgerNode node = LedgerNode.start(DataDirectory.open(dir))) {
            ValueEntry huge = ValueEntry.signed(new Transfer(List.of(), List.of(new Output("DROP", 1, key.address())),
                    new byte[65_400], 1), key); // encodable, and over the 64 KiB cap
            ExecutionException e = assertThrows(ExecutionException.class, () -> node.submit(huge).get(10, TimeUnit.SECONDS));
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
            // the node goes on working
            ValueEntry mint = ValueEntry.signed(new Transfer(List.of(), List.of(new Output("DROP", 5, key.address())),
                    new byte[0], 2), key);
            assertTrue(node.submit(mint).get(60, TimeUnit.SECONDS).valid());
        }
    }
}
