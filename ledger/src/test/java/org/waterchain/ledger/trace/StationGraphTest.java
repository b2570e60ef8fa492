package org.waterchain.ledger.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;

/** The station DAG built from the channel network, Kahn's order, and cycles named. */
class StationGraphTest {
    static AddChannel channel(String spec) {
        String[] f = spec.split("[ >]");
        return new AddChannel(f[0], f[0], f[1], f[2], 10, List.of(new GeoPoint(0, 0), new GeoPoint(1, 1)));
    }

    static List<AddChannel> channels(String... specs) {
        return java.util.Arrays.stream(specs).map(StationGraphTest::channel).toList();
    }

    /** The demo alliance's network: R04 -> R06 -> R07 -> J1 -> {R10, R12} -> M02 -> OUT, R09 -> R12. */
    static StationGraph taoyuan() {
        List<AddChannel> chs = new ArrayList<>();
        int c = 1;
        for (DemoAlliance.DemoStation s : DemoAlliance.STATIONS) {
            chs.add(channel("C" + c++ + " " + s.id() + ">" + s.downstream()));
        }
        chs.add(channel("C" + c++ + " J1>R10"));
        chs.add(channel("C" + c + " J1>R12"));
        return StationGraph.fromChannels(DemoAlliance.STATIONS.stream().map(DemoAlliance.DemoStation::id).toList(), chs);
    }

    @Test
    void upstreamNeighboursAreTheNearestStationsAgainstTheFlowThroughJunctions() {
        StationGraph g = taoyuan();
        assertEquals(List.of("M02", "R04", "R06", "R07", "R09", "R10", "R12"), g.stations(), "junctions J1 and OUT are not stations");
        assertEquals(List.of(), g.upstreamOf("R04"));
        assertEquals(List.of("R04"), g.upstreamOf("R06"));
        assertEquals(List.of("R07"), g.upstreamOf("R10"), "through J1");
        assertEquals(List.of("R07", "R09"), g.upstreamOf("R12"));
        assertEquals(List.of("R10", "R12"), g.upstreamOf("M02"));
        assertEquals(List.of("R10", "R12"), g.downstreamOf("R07"));
        assertEquals(List.of(), g.downstreamOf("M02"), "OUT is no station");
    }

    @Test
    void kahnOrderRunsWithTheFlowTakingTheSmallestIdWhenTied() {
        assertEquals(List.of("R04", "R06", "R07", "R09", "R10", "R12", "M02"), taoyuan().flowOrder());
        StationGraph isolated = StationGraph.fromChannels(List.of("Z", "A", "M"), List.of());
        assertEquals(List.of("A", "M", "Z"), isolated.flowOrder());
    }

    @Test
    void aBraidThatSplitsAndRejoinsGivesOneNeighbour() {
        StationGraph g = StationGraph.fromChannels(List.of("A", "B"), channels("C1 A>J1", "C2 A>J2", "C3 J1>B", "C4 J2>B",
                "C5 A>B"));
        assertEquals(List.of("A"), g.upstreamOf("B"));
        assertEquals(List.of("B"), g.downstreamOf("A"));
    }

    @Test
    void aCycleIsRejectedAndNamedWithItsChannels() {
        NetworkCycleException e = assertThrows(NetworkCycleException.class, () -> StationGraph.fromChannels(
                List.of("R04", "R06", "R07"), channels("C1 R04>R06", "C2 R06>R07", "C7 R06>R04")));
        assertEquals("channel network has a cycle: R04 -> R06 -> R04 (channels C1, C7)", e.getMessage());
        assertEquals(List.of("R04", "R06"), e.nodes());
        assertEquals(List.of("C1", "C7"), e.channels());
    }

    @Test
    void aCycleThroughAJunctionIsNamedFromItsSmallestNode() {
        NetworkCycleException e = assertThrows(NetworkCycleException.class, () -> StationGraph.fromChannels(
                List.of("B", "A", "Z"), channels("C9 Z>A", "C3 A>J", "C4 J>B", "C5 B>A", "C6 B>OUT")));
        assertEquals("channel network has a cycle: A -> J -> B -> A (channels C3, C4, C5)", e.getMessage());
    }

    @Test
    void aCycleBetweenStationLinksIsNamed() {
        NetworkCycleException e = assertThrows(NetworkCycleException.class, () -> StationGraph.builder()
                .flow("C", "A").flow("A", "B").flow("B", "C").flow("C", "D").build());
        assertEquals("station graph has a cycle: A -> B -> C -> A", e.getMessage());
    }
}
