package org.waterchain.ledger.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.ledger.trace.TraceFixture.HOUR;
import static org.waterchain.ledger.trace.TraceFixture.T;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.demo.DemoAlliance.Genesis;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.store.StoredEntry;
import org.waterchain.ledger.testkit.TestLedger;

/**
 * Tracing on real nodes (single-member Ratis group, SQLite file): the seed paper's two examples traced on request and
 * by the trigger, and two independent replicas that write byte-identical value chains.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TraceNodeTest {
    static final Quantity CU = Quantity.CU;
    static final List<String> DEMO_STATIONS = DemoAlliance.STATIONS.stream().map(DemoAlliance.DemoStation::id).toList();

    @TempDir
    Path tmp;

    private static void submitAll(LedgerNode node, List<RecordEntry> records) throws Exception {
        List<CompletableFuture<Receipt>> fs = new ArrayList<>();
        for (RecordEntry r : records) {
            fs.add(node.submit(r));
        }
        for (CompletableFuture<Receipt> f : fs) {
            Receipt r = f.get(60, TimeUnit.SECONDS);
            assertTrue(r.valid(), r.reason());
        }
    }

    private static void assertAllValid(List<Receipt> receipts) {
        for (Receipt r : receipts) {
            assertTrue(r.valid(), r.reason());
        }
    }

    @Test
    void figure5ReadsBackSourcesAtBAndFWithCDownstreamOfB() throws Exception {
        KeyPair regulator = KeyPair.generate();
        Genesis g = TraceFixture.network(regulator, TraceFixture.FIGURE5_STATIONS, TraceFixture.FIGURE5_CHANNELS);
        TraceFixture.Records records = new TraceFixture.Records(g);
        Map<String, Double> polluted = Map.of("B", 0.31, "C", 0.42, "F", 0.25);
        try (LedgerNode node = TraceFixture.startNode(tmp.resolve("n"), regulator, g);
             PollutionTraceService service = PollutionTraceService.start(node, regulator, null)) {
            submitAll(node, records.hour(TraceFixture.FIGURE5_STATIONS, T + 20 * 60_000, polluted));
            List<Receipt> receipts = service.trace(CU, T + 59 * 60_000).get(60, TimeUnit.SECONDS);
            assertEquals(5, receipts.size(), "issuer -> C -> B -> collection and issuer -> F -> collection");
            assertAllValid(receipts);

            TraceResult r = service.traces().extract(CU, T);
            assertEquals(5, r.transactionCount());
            assertEquals(List.of("B", "F"), r.sources());
            assertEquals(2, r.pathways().size());
            Pathway bc = r.pathways().get(0);
            assertEquals(List.of("B", "C"), bc.stations(), "C is downstream of B");
            assertEquals(List.of(new Pathway.Edge("C", "B")), bc.edges());
            assertEquals(List.of("C"), bc.mints());
            assertEquals(Map.of("B", 0.31, "C", 0.42), bc.observed());
            Pathway f = r.pathways().get(1);
            assertEquals(List.of("F"), f.stations());
            assertEquals(List.of(), f.edges());
            assertEquals(List.of("F"), f.mints());
        }
    }

    @Test
    void theTriggerTracesATaoyuanEventOnceItsHourIsClosed() throws Exception {
        KeyPair regulator = KeyPair.generate();
        Genesis g = DemoAlliance.create(regulator, List.of(), TestLedger.T0);
        TraceFixture.Records records = new TraceFixture.Records(g);
        CompletableFuture<TraceOutcome> heard = new CompletableFuture<>();
        try (LedgerNode node = TraceFixture.startNode(tmp.resolve("n"), regulator, g);
             PollutionTraceService service = PollutionTraceService.startIfLicensed(node, regulator, heard::complete).orElseThrow()) {
            submitAll(node, records.hour(DEMO_STATIONS, T + 10 * 60_000, TraceFixture.TAOYUAN_CU));
            submitAll(node, records.hour(DEMO_STATIONS, T + HOUR, Map.of())); // the first reading of the next hour closes T

            TraceOutcome o = heard.get(60, TimeUnit.SECONDS);
            assertEquals("CU", o.quantity());
            assertEquals(T, o.timePointMs());
            assertTrue(o.succeeded(), () -> o.failure() + " " + o.receipts());
            assertEquals(7, o.receipts().size(), "n + 1 for the six polluted stations");
            assertAllValid(o.receipts());
            Pathway p = service.traces().extract(CU, T).pathways().get(0);
            assertEquals(List.of("R04", "R06", "R07", "R10", "R12", "M02"), p.stations(), "the Type II pathway order");
            assertEquals(List.of("R04"), p.sources());
            assertEquals(List.of(new TracedEvent("CU", T, PollutionAddresses.collection(CU, T), List.of("R04"), 6, 7, true)),
                    service.traces().tracedEvents(T, T + HOUR));

            var again = service.trace(CU, T);
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> {
                try {
                    again.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException ex) {
                    throw ex.getCause();
                }
            });
            assertEquals("CU at 2024-01-01T05:00:00Z is already traced", e.getMessage());
        }
    }

    @Test
    void anEventThatClosedWhileNoServiceRanIsTracedAtStart() throws Exception {
        KeyPair regulator = KeyPair.generate();
        Genesis g = DemoAlliance.create(regulator, List.of(), TestLedger.T0);
        TraceFixture.Records records = new TraceFixture.Records(g);
        try (LedgerNode node = TraceFixture.startNode(tmp.resolve("n"), regulator, g)) {
            submitAll(node, records.hour(DEMO_STATIONS, T + 10 * 60_000, Map.of("M02", 0.393, "R12", 0.316)));
            submitAll(node, records.hour(DEMO_STATIONS, T + HOUR + 10 * 60_000, Map.of()));
            CompletableFuture<TraceOutcome> heard = new CompletableFuture<>();
            try (PollutionTraceService service = PollutionTraceService.start(node, regulator, heard::complete)) {
                TraceOutcome o = heard.get(60, TimeUnit.SECONDS);
                assertTrue(o.succeeded(), () -> o.failure() + " " + o.receipts());
                assertEquals(3, o.receipts().size(), "mint M02, M02 passes to R12, R12 collects");
                TraceResult r = service.traces().extract(CU, T);
                assertEquals(List.of("R12"), r.sources());
                assertEquals(List.of("R12", "M02"), r.pathways().get(0).stations());
            }
        }
    }

    @Test
    void twoReplicasGivenTheSameRecordsWriteByteIdenticalValueChains() throws Exception {
        KeyPair regulator = KeyPair.generate();
        Genesis g = DemoAlliance.create(regulator, List.of(), TestLedger.T0);
        TraceFixture.Records records = new TraceFixture.Records(g);
        List<RecordEntry> first = records.hour(DEMO_STATIONS, T + 5 * 60_000, TraceFixture.TAOYUAN_CU);
        List<RecordEntry> second = records.hour(DEMO_STATIONS, T + HOUR + 5 * 60_000, Map.of("R10", 0.226, "R07", 0.209));
        List<List<byte[]>> chains = new ArrayList<>();
        for (String replica : List.of("a", "b")) {
            try (LedgerNode node = TraceFixture.startNode(tmp.resolve(replica), regulator, g);
                 PollutionTraceService service = PollutionTraceService.start(node, regulator, null)) {
                submitAll(node, first);
                assertAllValid(service.trace(CU, T).get(60, TimeUnit.SECONDS));
                submitAll(node, second); // closes T, which the trigger finds traced already
                assertAllValid(service.trace(CU, T + HOUR).get(60, TimeUnit.SECONDS));
                List<byte[]> entries = new ArrayList<>();
                for (long h = 1; h <= node.tip(ChainId.VALUE).height(); h++) {
                    node.queries().block(ChainId.VALUE, h).orElseThrow();
                    for (int i = 0; ; i++) {
                        var e = node.queries().entryAt(ChainId.VALUE, h, i);
                        if (e.isEmpty()) {
                            break;
                        }
                        entries.add(e.map(StoredEntry::raw).get());
                    }
                }
                chains.add(entries);
            }
        }
        assertEquals(7 + 3, chains.get(0).size(), "7 transfers at T; R10 passes to R07 which collects: 3 at T + 1 h");
        assertEquals(chains.get(0).size(), chains.get(1).size());
        for (int i = 0; i < chains.get(0).size(); i++) {
            assertArrayEquals(chains.get(0).get(i), chains.get(1).get(i), "value entry " + i);
        }
    }
}
