package org.waterchain.ledger.consensus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.store.LedgerDatabase;
import org.waterchain.ledger.validation.ApplyOutcome;
import org.waterchain.ledger.validation.BlockPreparer;

/** Genesis is applied per chain, so a crash between the two genesis commits cannot fork the data chain. */
class LedgerEngineGenesisTest {
    @TempDir
    Path dir;

    @Test
    void aCrashBetweenTheTwoGenesisCommitsIsCompletedOnRestart() {
        KeyPair validator = KeyPair.generate();
        DemoAlliance.Genesis g = DemoAlliance.create(validator, List.of(), 1_767_225_600_000L);
        Path file = dir.resolve("ledger.db");
        try (LedgerEngine engine = new LedgerEngine(LedgerDatabase.open(file), BlockPreparer.onAllCores())) {
            // the value genesis commits, then the process dies before the data genesis does
            assertInstanceOf(ApplyOutcome.Applied.class, engine.apply(engine.prepare(g.blocks().get(0)), null));
            assertTrue(engine.tip(ChainId.DATA).isEmpty());
        }
        try (LedgerEngine engine = new LedgerEngine(LedgerDatabase.open(file), BlockPreparer.onAllCores())) {
            engine.applyGenesis(g.blocks());
            assertEquals(0, engine.tip(ChainId.DATA).height());
            assertArrayEquals(g.blocks().get(1).header().hash(), engine.tip(ChainId.DATA).hash());
            assertArrayEquals(g.blocks().get(0).header().hash(), engine.tip(ChainId.VALUE).hash());
        }
    }

    @Test
    void aLedgerOfAnotherAllianceIsRefused() {
        KeyPair validator = KeyPair.generate();
        Path file = dir.resolve("ledger.db");
        try (LedgerEngine engine = new LedgerEngine(LedgerDatabase.open(file), BlockPreparer.onAllCores())) {
            engine.applyGenesis(DemoAlliance.create(validator, List.of(), 1L).blocks());
        }
        List<org.waterchain.ledger.chain.Block> other = DemoAlliance.create(validator, List.of(), 2L).blocks();
        try (LedgerEngine engine = new LedgerEngine(LedgerDatabase.open(file), BlockPreparer.onAllCores())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> engine.applyGenesis(other));
            assertTrue(e.getMessage().contains("does not start with this alliance's genesis block"), e.getMessage());
        }
    }
}
