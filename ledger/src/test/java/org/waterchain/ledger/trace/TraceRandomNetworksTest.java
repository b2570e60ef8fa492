package org.waterchain.ledger.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.ledger.chain.ChainId.DATA;
import static org.waterchain.ledger.chain.ChainId.VALUE;
import static org.waterchain.ledger.trace.TraceFixture.T;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance.Genesis;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.testkit.TestLedger;
import org.waterchain.ledger.validation.BlockPreparer;
import org.waterchain.ledger.value.ValueEntry;

/**
 * Random station networks (seeded) traced on real ledgers: every replica accepts the planned transfers, spread over
 * blocks at random, and what the extraction reads back from the transactions alone is the planner's intent: every
 * polluted station on exactly one pathway, the coins having flowed along every polluted link against the flow.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TraceRandomNetworksTest {
    static final Quantity CU = Quantity.CU;

    @TempDir
    Path tmp;

    static List<String> channelSpecs(List<AddChannel> channels) {
        return channels.stream().map(c -> c.id() + " " + c.fromNode() + ">" + c.toNode()).toList();
    }

    @Test
    void extractionFromTheLedgerEqualsThePlannersIntent() {
        SplittableRandom rnd = new SplittableRandom(3634);
        BlockPreparer preparer = BlockPreparer.onAllCores();
        for (int c = 0; c < 24; c++) {
            BpstPlannerTest.RandomCase rc = BpstPlannerTest.RandomCase.make(rnd, c % 2 == 1);
            KeyPair validator = KeyPair.generate();
            Genesis g = TraceFixture.network(validator, rc.stations(), channelSpecs(rc.channels()));
            try (TestLedger l = TestLedger.create(tmp.resolve("case" + c + ".db"), validator, g, preparer)) {
                TraceFixture.Records records = new TraceFixture.Records(g);
                l.appendValid(DATA, TraceFixture.encoded(records.hour(rc.stations(), T + 1_000, rc.polluted())));
                TracePlan plan = PollutionTraceService.planFrom(l.queries(), CU, T);
                List<byte[]> entries = plan.signed(validator).stream().map(ValueEntry::encode).toList();
                for (int from = 0; from < entries.size(); ) {
                    int to = Math.min(entries.size(), from + 1 + rnd.nextInt(4));
                    l.appendValid(VALUE, entries.subList(from, to).toArray(byte[][]::new));
                    from = to;
                }
                TraceResult r = new Traces(l.queries()).extract(CU, T);
                assertEquals(entries.size(), r.transactionCount(), "case " + c);
                assertIntent(rc, r, "case " + c);
            }
        }
    }

    @Test
    void randomNetworksTracedByTheServiceOnARealNode() throws Exception {
        SplittableRandom rnd = new SplittableRandom(2020);
        for (int c = 0; c < 2; c++) {
            BpstPlannerTest.RandomCase rc = BpstPlannerTest.RandomCase.make(rnd, true);
            KeyPair validator = KeyPair.generate();
            Genesis g = TraceFixture.network(validator, rc.stations(), channelSpecs(rc.channels()));
            try (LedgerNode node = TraceFixture.startNode(tmp.resolve("node" + c), validator, g);
                 PollutionTraceService service = PollutionTraceService.start(node, validator, null)) {
                List<CompletableFuture<Receipt>> fs = new ArrayList<>();
                for (RecordEntry e : new TraceFixture.Records(g).hour(rc.stations(), T + 1_000, rc.polluted())) {
                    fs.add(node.submit(e));
                }
                for (CompletableFuture<Receipt> f : fs) {
                    assertTrue(f.get(60, TimeUnit.SECONDS).valid());
                }
                List<Receipt> receipts = service.trace(CU, T).get(60, TimeUnit.SECONDS);
                int n = rc.polluted().size();
                assertTrue(receipts.size() >= n + 1 && receipts.size() <= 2 * n, receipts.size() + " for n = " + n);
                receipts.forEach(r -> assertTrue(r.valid(), r.reason()));
                assertIntent(rc, service.traces().extract(CU, T), "node case " + c);
            }
        }
    }

    /** The pathways a correct trace must give, worked out from the station graph and the polluted set alone. */
    static void assertIntent(BpstPlannerTest.RandomCase rc, TraceResult r, String what) {
        StationGraph g = rc.graph();
        Map<String, Double> polluted = rc.polluted();
        Map<String, String> component = new HashMap<>();
        for (String s : polluted.keySet()) {
            component.put(s, s);
        }
        TreeSet<Pathway.Edge> edges = new TreeSet<>();
        for (String s : polluted.keySet()) {
            for (String u : g.upstreamOf(s)) {
                if (polluted.containsKey(u)) {
                    edges.add(new Pathway.Edge(s, u));
                    String a = find(component, s);
                    String b = find(component, u);
                    component.put(a, b);
                }
            }
        }
        Map<String, TreeSet<String>> expected = new TreeMap<>();
        for (String s : polluted.keySet()) {
            expected.computeIfAbsent(find(component, s), k -> new TreeSet<>()).add(s);
        }
        Set<Set<String>> got = new java.util.HashSet<>();
        List<String> seen = new ArrayList<>();
        for (Pathway p : r.pathways()) {
            got.add(new TreeSet<>(p.stations()));
            seen.addAll(p.stations());
            for (String s : p.stations()) {
                boolean source = g.upstreamOf(s).stream().noneMatch(polluted::containsKey);
                boolean minted = g.downstreamOf(s).stream().noneMatch(polluted::containsKey);
                assertEquals(source, p.sources().contains(s), what + ": " + s + " is a source");
                assertEquals(minted, p.mints().contains(s), what + ": " + s + " was minted");
                assertEquals(polluted.get(s), p.observed().get(s), what + ": observed at " + s);
            }
            for (Pathway.Edge e : p.edges()) {
                assertTrue(p.stations().indexOf(e.upstream()) < p.stations().indexOf(e.downstream()),
                        what + ": stations run with the flow, but " + e + " does not");
            }
        }
        assertEquals(polluted.size(), seen.size(), what + ": every polluted station on exactly one pathway");
        assertEquals(new java.util.HashSet<>(expected.values()), got, what + ": pathways are the linked polluted stations");
        TreeSet<Pathway.Edge> extracted = new TreeSet<>();
        r.pathways().forEach(p -> extracted.addAll(p.edges()));
        assertEquals(edges, extracted,
                what + ": coins flowed along every polluted link");
    }

    private static String find(Map<String, String> parent, String s) {
        while (!parent.get(s).equals(s)) {
            s = parent.get(s);
        }
        return s;
    }
}
