package org.waterchain.ledger.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.ledger.trace.TraceFixture.T;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.chain.LedgerEntry;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.OutPoint;
import org.waterchain.ledger.value.Output;
import org.waterchain.ledger.value.ValueEntry;

/** The pure planner: the paper's examples step by step, and the contract's invariants on random DAGs. */
class BpstPlannerTest {
    static final Quantity CU = Quantity.CU;

    private static List<String> steps(TracePlan plan) {
        return plan.steps().stream().map(s -> s.step() + " " + s.station()).toList();
    }

    @Test
    void figure5GivesFiveTransactionsForThreePollutedStations() {
        StationGraph g = StationGraph.fromChannels(TraceFixture.FIGURE5_STATIONS,
                StationGraphTest.channels(TraceFixture.FIGURE5_CHANNELS.toArray(String[]::new)));
        TracePlan plan = BpstPlanner.plan(g, CU, T, Map.of("B", 0.31, "C", 0.42, "F", 0.25));
        assertEquals(List.of("MINT C", "MINT F", "PASS C", "COLLECT B", "COLLECT F"), steps(plan));
        assertEquals(2, plan.mintCount());
        PlannedStep passC = plan.steps().get(2);
        assertEquals(List.of(new Output(Asset.pollution(CU), 1, PollutionAddresses.station(CU, T, "B"))), passC.transfer().outputs());
        assertEquals(new PollutionMemo(PollutionStep.PASS, CU, T, "C", 0.42), PollutionMemo.decode(passC.transfer().memo()));
        assertEquals(PollutionAddresses.collection(CU, T), plan.steps().get(3).transfer().outputs().get(0).owner());
        checkContract(g, plan, Map.of("B", 0.31, "C", 0.42, "F", 0.25));
    }

    @Test
    void taoyuanTypeIIPathwayHasOneMintAndNPlusOneTransactions() {
        StationGraph g = StationGraphTest.taoyuan();
        TracePlan plan = BpstPlanner.plan(g, CU, T, TraceFixture.TAOYUAN_CU);
        assertEquals(List.of("MINT M02", "PASS M02", "PASS R10", "PASS R12", "PASS R07", "PASS R06", "COLLECT R04"), steps(plan));
        List<Output> fromM02 = plan.steps().get(1).transfer().outputs();
        assertEquals(List.of(PollutionAddresses.station(CU, T, "R10"), PollutionAddresses.station(CU, T, "R12")),
                fromM02.stream().map(Output::owner).toList(), "M02's coins go to R10 and R12");
        assertEquals(2, plan.steps().get(4).transfer().inputs().size(), "R07 spends the coins of R10 and of R12 at once");
        assertEquals(List.of("M02", "R10", "R12", "R07", "R06", "R04"), plan.stationsDownstreamFirst());
        checkContract(g, plan, TraceFixture.TAOYUAN_CU);
    }

    @Test
    void mintsEnoughForEverySplitToGiveEachReceiverACoin() {
        // X receives nothing from downstream; three polluted upstream neighbours of X each have two of their own
        StationGraph.Builder b = StationGraph.builder();
        Map<String, Double> polluted = new TreeMap<>(Map.of("X", 1.0));
        for (String m : List.of("M1", "M2", "M3")) {
            b.flow(m, "X");
            polluted.put(m, 1.0);
            for (String u : List.of(m + "a", m + "b")) {
                b.flow(u, m);
                polluted.put(u, 1.0);
            }
        }
        TracePlan plan = BpstPlanner.plan(b.build(), CU, T, polluted);
        assertEquals(6, plan.steps().get(0).transfer().outputs().get(0).amount(), "need(X) = 3 x need(M) = 3 x 2");
        checkContract(b.build(), plan, polluted);
    }

    @Test
    void planningIsDeterministicDownToTheSignedBytes() {
        StationGraph g = StationGraphTest.taoyuan();
        KeyPair issuer = KeyPair.generate();
        List<ValueEntry> a = BpstPlanner.plan(g, CU, T, TraceFixture.TAOYUAN_CU).signed(issuer);
        List<ValueEntry> b = BpstPlanner.plan(StationGraphTest.taoyuan(), CU, T, new HashMap<>(TraceFixture.TAOYUAN_CU)).signed(issuer);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).encode(), b.get(i).encode(), "entry " + i);
        }
    }

    @Test
    void refusesWhatItCannotPlan() {
        StationGraph g = StationGraphTest.taoyuan();
        assertThrows(IllegalArgumentException.class, () -> BpstPlanner.plan(g, CU, T, Map.of()));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> BpstPlanner.plan(g, CU, T, Map.of("X99", 0.3)));
        assertEquals("polluted station 'X99' is not in the station graph", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BpstPlanner.plan(g, CU, T + 1, Map.of("R04", 0.3)));
    }

    /** A few hundred random DAGs, half of them with junctions between the stations. */
    @Test
    void randomDagsKeepTheContractsInvariants() {
        SplittableRandom rnd = new SplittableRandom(20200703);
        for (int c = 0; c < 300; c++) {
            RandomCase rc = RandomCase.make(rnd, c % 2 == 0);
            TracePlan plan;
            try {
                plan = BpstPlanner.plan(rc.graph(), CU, T, rc.polluted());
            } catch (RuntimeException e) {
                throw new AssertionError("case " + c + ": " + e.getMessage(), e);
            }
            int n = rc.polluted().size();
            assertTrue(plan.steps().size() >= n + 1 && plan.steps().size() <= 2 * n,
                    "case " + c + ": " + plan.steps().size() + " transactions for " + n + " polluted stations");
            checkContract(rc.graph(), plan, rc.polluted());
        }
    }

    /** A random station network and polluted subset (seeded). */
    record RandomCase(StationGraph graph, List<String> stations, List<AddChannel> channels, Map<String, Double> polluted) {
        static RandomCase make(SplittableRandom rnd, boolean junctions) {
            int n = 2 + rnd.nextInt(40);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(String.format("S%02d", i));
            }
            List<AddChannel> chs = new ArrayList<>();
            int channel = 0;
            // water flows from lower to higher index: a DAG whatever is drawn
            for (int i = 0; i < n; i++) {
                int links = rnd.nextInt(3);
                for (int l = 0; l < links && i + 1 < n; l++) {
                    int j = i + 1 + rnd.nextInt(Math.min(6, n - i - 1));
                    String to = ids.get(j);
                    if (junctions && rnd.nextInt(3) == 0) {
                        String junction = "J" + channel;
                        chs.add(StationGraphTest.channel("C" + channel++ + " " + ids.get(i) + ">" + junction));
                        chs.add(StationGraphTest.channel("C" + channel++ + " " + junction + ">" + to));
                    } else {
                        chs.add(StationGraphTest.channel("C" + channel++ + " " + ids.get(i) + ">" + to));
                    }
                }
            }
            Map<String, Double> polluted = new TreeMap<>();
            double share = 0.1 + 0.8 * rnd.nextDouble();
            for (String id : ids) {
                if (rnd.nextDouble() < share) {
                    polluted.put(id, 0.2 + Math.round(rnd.nextDouble() * 1000) / 1000.0 + 0.001);
                }
            }
            if (polluted.isEmpty()) {
                polluted.put(ids.get(rnd.nextInt(n)), 0.5);
            }
            return new RandomCase(StationGraph.fromChannels(ids, chs), ids, chs, polluted);
        }
    }

    /**
     * Replays a plan on an in-memory UTXO set and checks every step against the contract as PollutionRules states
     * it, independently of the planner: each polluted station acts once, after all its polluted downstream
     * neighbours; mints only where no polluted station is downstream; passes pay exactly the polluted upstream
     * neighbours their split; sources collect everything; in the end every coin sits at the collection address, and
     * the coins flowed exactly along the polluted part of the station graph.
     */
    static void checkContract(StationGraph g, TracePlan plan, Map<String, Double> polluted) {
        String asset = Asset.pollution(CU);
        Map<Address, String> stationAt = new HashMap<>();
        for (String s : polluted.keySet()) {
            stationAt.put(PollutionAddresses.station(CU, T, s), s);
        }
        Address collection = PollutionAddresses.collection(CU, T);
        Map<OutPoint, Output> utxo = new HashMap<>();
        Set<String> acted = new HashSet<>();
        Set<String> coinEdges = new TreeSet<>();
        long minted = 0;
        for (PlannedStep step : plan.steps()) {
            String s = step.station();
            var t = step.transfer();
            assertArrayEquals(ValueEntry.txid(LedgerEntry.TYPE_TRANSFER, t.encode()), step.txid(), "txid of " + step);
            assertEquals(new PollutionMemo(step.step(), CU, T, s, polluted.get(s)), PollutionMemo.decode(t.memo()), "memo of " + step);
            List<String> up = g.upstreamOf(s).stream().filter(polluted::containsKey).toList();
            List<String> down = g.downstreamOf(s).stream().filter(polluted::containsKey).toList();
            Address own = PollutionAddresses.station(CU, T, s);
            if (step.step() == PollutionStep.MINT) {
                assertTrue(down.isEmpty(), step + ": minted although polluted downstream " + down);
                assertTrue(t.inputs().isEmpty());
                assertEquals(1, t.outputs().size());
                assertEquals(own, t.outputs().get(0).owner());
                assertTrue(utxo.values().stream().noneMatch(o -> o.owner().equals(own)), step + ": minted twice");
                minted += t.outputs().get(0).amount();
            } else {
                assertTrue(acted.add(s), s + " acts twice");
                assertTrue(acted.containsAll(down), s + " acts before its polluted downstream " + down);
                Set<OutPoint> held = new HashSet<>();
                utxo.forEach((p, o) -> {
                    if (o.owner().equals(own)) {
                        held.add(p);
                    }
                });
                assertEquals(held, new HashSet<>(t.inputs()), step + " must spend all its coins");
                long total = 0;
                for (OutPoint p : t.inputs()) {
                    total += utxo.remove(p).amount();
                }
                if (step.step() == PollutionStep.COLLECT) {
                    assertTrue(up.isEmpty(), step + ": collects although polluted upstream " + up);
                    assertEquals(List.of(new Output(asset, total, collection)), t.outputs());
                } else {
                    assertEquals(up, t.outputs().stream().map(o -> stationAt.get(o.owner())).toList(), step + " receivers");
                    long[] split = PollutionContract.split(total, up.size());
                    for (int i = 0; i < split.length; i++) {
                        assertEquals(split[i], t.outputs().get(i).amount(), step + " share " + i);
                        coinEdges.add(s + "->" + up.get(i));
                    }
                }
            }
            for (int i = 0; i < t.outputs().size(); i++) {
                utxo.put(new OutPoint(step.txid(), i), t.outputs().get(i));
            }
        }
        assertEquals(polluted.keySet(), acted, "every polluted station passes or collects exactly once");
        assertTrue(utxo.values().stream().allMatch(o -> o.owner().equals(collection)), "every coin ends at the collection");
        assertEquals(minted, utxo.values().stream().mapToLong(Output::amount).sum(), "coins are conserved");
        Set<String> expected = new TreeSet<>();
        for (String s : polluted.keySet()) {
            g.upstreamOf(s).stream().filter(polluted::containsKey).forEach(u -> expected.add(s + "->" + u));
        }
        assertEquals(expected, coinEdges, "coins flow along every polluted link against the flow, and only there");
    }
}
