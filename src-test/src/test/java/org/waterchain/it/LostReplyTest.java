package org.waterchain.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.consensus.BlockProducer;
import org.waterchain.ledger.consensus.LedgerEngine;
import org.waterchain.ledger.consensus.Ordering;
import org.waterchain.ledger.consensus.RatisOrdering;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.demo.DemoReadings;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.NodeConfig;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.registry.StationKind;
import org.waterchain.ledger.store.LedgerDatabase;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.validation.BlockPreparer;

/**
 * A reply lost after the block was committed (a request timeout, a leader change) must not make the producer
 * propose the entries again: they would be stored twice, the second copies invalid, and the submitters told
 * "invalid" about records that are on the chain. A real Ratis group; the fault is injected at its boundary.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LostReplyTest {
    @TempDir
    Path tmp;

    /** Passes proposals to the real ordering, but turns the first replies into failures after the commit. */
    private static final class LosingReplies implements Ordering {
        private final Ordering real;
        private final AtomicInteger toLose;

        LosingReplies(Ordering real, int toLose) {
            this.real = real;
            this.toLose = new AtomicInteger(toLose);
        }

        @Override
        public CompletableFuture<byte[]> order(byte[] proposal) {
            return real.order(proposal).thenApply(reply -> {
                if (proposal.length > 0 && toLose.getAndDecrement() > 0) {
                    throw new IllegalStateException("simulated timeout after the commit");
                }
                return reply;
            });
        }

        @Override
        public void close() {
            real.close();
        }
    }

    @Test
    void entriesOfABlockCommittedDespiteAnErrorReplyAreReceiptedOnceAndValid() throws Exception {
        KeyPair key = KeyPair.generate();
        DemoAlliance.Genesis g = DemoAlliance.create(key, List.of(), System.currentTimeMillis());
        Path dir = tmp.resolve("node");
        DataDirectory.create(dir, NodeConfig.singleMember("n1", LedgerFiles.freePort(), g.blocks()), key, g.blocks());
        DataDirectory data = DataDirectory.open(dir);
        try (LedgerEngine engine = new LedgerEngine(LedgerDatabase.open(data.database()), BlockPreparer.onAllCores());
             LedgerQueries queries = new LedgerQueries(data.database())) {
            engine.applyGenesis(data.genesis());
            RatisOrdering ratis = RatisOrdering.start("n1", data.config().members(), data.groupId(), data.raftStorage(), engine);
            ratis.awaitCaughtUp(Duration.ofSeconds(60));
            try (LosingReplies ordering = new LosingReplies(ratis, 3);
                 BlockProducer producer = new BlockProducer(ChainId.DATA, key, ordering, () -> engine.tip(ChainId.DATA),
                         System::currentTimeMillis, queries::entriesOf)) {
                List<CompletableFuture<Receipt>> receipts = new ArrayList<>();
                SplittableRandom rnd = new SplittableRandom(3);
                for (long seq = 1; seq <= 60; seq++) {
                    for (var d : g.deviceKeys().entrySet()) {
                        long t = 1_767_225_600_000L + seq * 3_600_000L;
                        SensorRecord r = new SensorRecord(d.getKey(), seq, t, 0, DemoReadings.sample(StationKind.REGULAR, t, rnd));
                        receipts.add(producer.submit(new RecordEntry(r.sign(d.getValue()), t).encode()));
                    }
                }
                for (CompletableFuture<Receipt> f : receipts) {
                    Receipt r = f.get(60, TimeUnit.SECONDS);
                    assertTrue(r.valid(), "receipt says invalid: " + r.reason());
                }
                long stored = queries.count("entries") - g.blocks().get(0).entries().size();
                assertEquals(receipts.size(), stored, "every record stored exactly once, no second copies");
                assertEquals(receipts.size(), queries.count("records"));
            }
        }
    }
}
