package org.waterchain.app.trace.narrowing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction.RegisterFactory;

/** GIS narrowing on the demo district (see {@link DemoDistrict} for its network). */
class FactoryNarrowingTest {
    static final Address OPERATOR = Address.fromHash(new byte[20]);
    static final double REACH = 5000;
    /** A Cu event at F-PCB-01's outfall: R10 and M02 polluted, every other station clean. */
    static final StationStates CU_AT_R10 = StationStates.polluted(Set.of("R10", "M02"));

    @Test
    void aCopperEventAtTheCulvertPointsToTheCircuitBoardFactory() {
        FactoryNarrowing n = new FactoryNarrowing(DemoDistrict.registry());
        List<CandidateFactory> c = n.candidates("R10", "CU", CU_AT_R10, REACH);
        assertEquals(List.of("F-PCB-01"), ids(c));
        assertEquals(0, c.get(0).distanceM());
        assertEquals(List.of(), c.get(0).path());
        assertEquals(new Outfall.AtNode("R10"), c.get(0).outfall());
        // F-PLT-02 (Cu, at R06) is out: clean R07 lies on the way, and clean R06 at its own outfall.
        UpstreamArea area = n.searchArea("R10", CU_AT_R10, REACH);
        assertEquals(Set.of("R10", "J1"), area.nodes());
        assertEquals(Set.of("R07"), area.stops());
        assertEquals(List.of("F-PCB-01"), ids(n.candidates("R10", "cu", CU_AT_R10, REACH)), "symbols ignore case");
    }

    @Test
    void stationsThatSawNothingDoNotBlockAPathway() {
        FactoryNarrowing n = new FactoryNarrowing(DemoDistrict.registry());
        StationStates blind = CU_AT_R10.withUnobserved(Set.of("R06", "R07"));
        List<CandidateFactory> c = n.candidates("R10", "CU", blind, REACH);
        assertEquals(List.of("F-PCB-01", "F-PLT-02"), ids(c));
        CandidateFactory plating = c.get(1);
        double expected = DemoDistrict.channelLength("R06", "R07") + DemoDistrict.channelLength("R07", "J1")
                + DemoDistrict.channelLength("J1", "R10");
        assertEquals(expected, plating.distanceM(), 1e-9);
        assertEquals(List.of("C2", "C3", "C8"), plating.path().stream().map(ChannelPiece::channelId).toList());
        // Only zinc: the circuit-board factory does not discharge it.
        assertEquals(List.of("F-PLT-02"), ids(n.candidates("R10", "ZN", blind, REACH)));
        // Beyond the reach.
        assertEquals(List.of("F-PCB-01"), ids(n.candidates("R10", "CU", blind, expected - 1)));
    }

    @Test
    void aCleanStationAtTheOutfallsOwnNodeWouldHaveSeenIt() {
        FactoryNarrowing n = new FactoryNarrowing(DemoDistrict.registry());
        StationStates r07Blind = CU_AT_R10.withUnobserved(Set.of("R07"));
        assertEquals(List.of("F-PCB-01"), ids(n.candidates("R10", "CU", r07Blind, REACH)));
        assertEquals(Set.of("R06"), n.searchArea("R10", r07Blind, REACH).stops());
    }

    @Test
    void otherBranchesAreNotUpstream() {
        FactoryNarrowing n = new FactoryNarrowing(DemoDistrict.registry());
        // The battery recycler sits on R12, which flows to M02 but not to R10.
        StationStates leadAtR12 = StationStates.polluted(Set.of("R12", "M02"));
        assertEquals(List.of("F-BAT-04"), ids(n.candidates("R12", "PB", leadAtR12, REACH)));
        assertEquals(List.of(), ids(n.candidates("R10", "PB", StationStates.polluted(Set.of("R10")), REACH)));
    }

    @Test
    void aFactoryWithoutADischargeNodeDrainsToTheNearestChannel() {
        // 50 m off the middle of C8 (J1 -> R10), 50 m off the middle of C9 (J1 -> R12), and 10 km from anything.
        RegisterFactory nearC8 = factory("F-X", new GeoPoint(121.200279, 24.935871), "", 300);
        RegisterFactory nearC9 = factory("F-Y", new GeoPoint(121.203050, 24.944500), "NOT-A-NODE", 300);
        RegisterFactory far = factory("F-Z", new GeoPoint(121.30, 24.85), "", 300);
        FactoryNarrowing n = new FactoryNarrowing(DemoDistrict.registry(nearC8, nearC9, far));
        Outfall.OnChannel on = assertInstanceOf(Outfall.OnChannel.class, n.locate(nearC8).orElseThrow());
        assertEquals("C8", on.channelId());
        double c8 = DemoDistrict.channelLength("J1", "R10");
        assertEquals(c8 / 2, on.offsetM(), 0.01 * c8);
        assertEquals(50, on.snapDistanceM(), 1);
        assertEquals("C9", ((Outfall.OnChannel) n.locate(nearC9).orElseThrow()).channelId());
        assertTrue(n.locate(far).isEmpty());

        List<CandidateFactory> c = n.candidates("R10", "CU", CU_AT_R10, REACH);
        assertEquals(List.of("F-PCB-01", "F-X"), ids(c));
        assertEquals(c8 - on.offsetM(), c.get(1).distanceM(), 1e-9);
        assertEquals(List.of(new ChannelPiece("C8", "J1", "R10", c8 - on.offsetM())), c.get(1).path());
    }

    @Test
    void atEqualDistanceTheLargerPermittedDischargeComesFirst() {
        RegisterFactory small = factory("F-A", new GeoPoint(121.196, 24.938), "R10", 100);
        RegisterFactory large = factory("F-B", new GeoPoint(121.196, 24.938), "R10", 2000);
        FactoryNarrowing n = new FactoryNarrowing(DemoDistrict.registry(small, large));
        assertEquals(List.of("F-B", "F-PCB-01", "F-A"), ids(n.candidates("R10", "CU", CU_AT_R10, REACH)));
    }

    @Test
    void aSourceOffTheNetworkIsNamed() {
        FactoryNarrowing n = new FactoryNarrowing(DemoDistrict.registry());
        assertEquals("no station 'R99' in the registry", assertThrows(IllegalArgumentException.class,
                () -> n.candidates("R99", "CU", CU_AT_R10, REACH)).getMessage());
    }

    static RegisterFactory factory(String id, GeoPoint at, String node, double permitted) {
        return new RegisterFactory(id, id + " works", "electroplating", at, List.of("CU"), permitted, node, OPERATOR);
    }

    static List<String> ids(List<CandidateFactory> c) {
        return c.stream().map(f -> f.factory().id()).toList();
    }
}
