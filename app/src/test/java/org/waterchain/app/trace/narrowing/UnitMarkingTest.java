package org.waterchain.app.trace.narrowing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Irrigation units on the demo district, by the node their turnout takes water from. */
class UnitMarkingTest {
    static final List<SupplyPoint> UNITS = List.of(new SupplyPoint("U-R04", "R04"), new SupplyPoint("U-R07", "R07"),
            new SupplyPoint("U-J1", "J1"), new SupplyPoint("U-R10", "R10"), new SupplyPoint("U-M02", "M02"),
            new SupplyPoint("U-OUT", "OUT"), new SupplyPoint("U-R12", "R12"), new SupplyPoint("U-R09", "R09"),
            new SupplyPoint("U-DRY", "NOWHERE"));

    final FactoryNarrowing narrowing = new FactoryNarrowing(DemoDistrict.registry());

    @Test
    void pollutionRunsDownFromTheSourceAndTheSearchAreaUpToTheFirstCleanStation() {
        UnitMarking m = UnitMarking.mark(narrowing, UNITS, StationStates.polluted(Set.of("R10", "M02")), Set.of("R10"), 5000);
        Map<String, UnitStatus> expected = new LinkedHashMap<>();
        expected.put("U-R04", UnitStatus.OUTSIDE);
        expected.put("U-R07", UnitStatus.OUTSIDE); // clean R07 stops the search
        expected.put("U-J1", UnitStatus.UPSTREAM);
        expected.put("U-R10", UnitStatus.POLLUTED);
        expected.put("U-M02", UnitStatus.POLLUTED);
        expected.put("U-OUT", UnitStatus.POLLUTED);
        expected.put("U-R12", UnitStatus.OUTSIDE); // a clean station on the other branch
        expected.put("U-R09", UnitStatus.OUTSIDE);
        expected.put("U-DRY", UnitStatus.OFF_NETWORK);
        assertEquals(expected, m.byUnit());
        assertEquals(List.of("U-R10", "U-M02", "U-OUT"), m.polluted());
        assertEquals(List.of("U-J1"), m.upstream());
    }

    @Test
    void unobservedStationsWidenTheSearchAreaAndTheReachLimitsIt() {
        StationStates states = StationStates.polluted(Set.of("R10", "M02")).withUnobserved(Set.of("R07"));
        UnitMarking wide = UnitMarking.mark(narrowing, UNITS, states, Set.of("R10"), 5000);
        assertEquals(List.of("U-R07", "U-J1"), wide.upstream());
        assertEquals(UnitStatus.OUTSIDE, wide.byUnit().get("U-R04"), "clean R06 stops it before R04");
        double j1ToR10 = DemoDistrict.channelLength("J1", "R10");
        UnitMarking near = UnitMarking.mark(narrowing, UNITS, states, Set.of("R10"), j1ToR10);
        assertEquals(List.of("U-J1"), near.upstream());
    }

    @Test
    void aCleanStationDownstreamEndsThePollutedStretch() {
        // Pollution seen at R06 only: R07 below it is clean, so nothing below R06 is polluted.
        UnitMarking m = UnitMarking.mark(narrowing, List.of(new SupplyPoint("U-R06", "R06"),
                new SupplyPoint("U-R07", "R07"), new SupplyPoint("U-J1", "J1"), new SupplyPoint("U-R04", "R04")),
                StationStates.polluted(Set.of()), Set.of("R06"), 5000);
        assertEquals(List.of("U-R06"), m.polluted(), "the source counts as polluted even when the states omit it");
        assertEquals(UnitStatus.OUTSIDE, m.byUnit().get("U-R07"));
        assertEquals(UnitStatus.OUTSIDE, m.byUnit().get("U-J1"));
        assertEquals(UnitStatus.OUTSIDE, m.byUnit().get("U-R04"), "R04 is a clean station");
    }
}
