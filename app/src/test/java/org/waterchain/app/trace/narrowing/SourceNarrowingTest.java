package org.waterchain.app.trace.narrowing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.waterchain.app.trace.transport.Sample;
import org.waterchain.devices.sim.NetworkSimulator;
import org.waterchain.devices.sim.SimulationConfig;
import org.waterchain.devices.sim.StationNetwork;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.registry.GeoPoint;

/**
 * The whole trace on the demo district, with the devices' station-network simulator as the independent truth:
 * it injects a Cu discharge at a factory's outfall and says what reaches R10 (its own transport: delay, dilution
 * at nodes, Gaussian spreading, decay); 3% noise is added; the trace uses the simulator's assumptions.
 */
class SourceNarrowingTest {
    static final long T0 = 1_700_000_000_000L;
    static final long HOUR = 3_600_000;
    static final double BACKGROUND = 0.02;
    static final StationStates BLIND_R06_R07 = StationStates.polluted(Set.of("R10", "M02"))
            .withUnobserved(Set.of("R06", "R07"));

    @Test
    void aDischargeAtTheCulvertRanksTheCircuitBoardFactoryFirst() {
        List<Observation> obs = observe("F-PCB-01", 0.5);
        List<Candidate> c = trace(obs, StationStates.polluted(Set.of("R10", "M02")));
        assertEquals(List.of("F-PCB-01"), ids(c));
        // With R06 and R07 blind the plating works comes back as a candidate, but its water would arrive too late.
        c = trace(obs, BLIND_R06_R07);
        assertEquals(List.of("F-PCB-01", "F-PLT-02"), ids(c));
        Candidate pcb = c.get(0);
        assertTrue(pcb.fit().explained() > 0.99, "explained " + pcb.fit().explained());
        assertTrue(c.get(1).fit().explained() < 0.7, "explained " + c.get(1).fit().explained());
        // 0.5 mg/L excess in R10's node flow of 1350 m³/h.
        assertEquals(0.5 * 1350 / 3600, pcb.load(), 0.02 * 0.5 * 1350 / 3600);
        assertEquals(1, pcb.profile().points().size(), "discharges at the station: nothing to draw along a channel");
    }

    @Test
    void aDischargeAtTheBridgeRanksThePlatingWorksFirstAndRecoversItsLoad() {
        List<Candidate> c = trace(observe("F-PLT-02", 1.0), BLIND_R06_R07);
        assertEquals(List.of("F-PLT-02", "F-PCB-01"), ids(c));
        Candidate plating = c.get(0);
        assertTrue(plating.fit().explained() > 0.98, "explained " + plating.fit().explained());
        // 1 mg/L excess in R06's node flow of 1980 m³/h.
        assertEquals(1980.0 / 3600, plating.load(), 0.03 * 1980 / 3600);
        assertTrue(plating.plausibility().plausible(), plating.plausibility().toString());
        // 0.55 g/s in 450 m³/day is 106 mg/L of copper: strong rinse water, within the 500 mg/L ceiling.
        assertEquals(plating.load() / (450 / 86_400.0), plating.plausibility().requiredEffluent(), 1e-9);
        assertEquals(32, plating.profile().points().size());
        assertEquals(3 * 3600.0 + 45 * 60, plating.profile().timeS(), 1e-9, "profile at the last observation");
        assertEquals(List.of("C2", "C3", "C8"), plating.path().stream().map(ChannelPiece::channelId).toList());
        // The predicted series for the chart: from the discharge's start to the last observation, through the fit.
        List<Sample> series = plating.stationSeries();
        assertEquals(0, series.get(0).timeS());
        assertEquals(BACKGROUND, series.get(0).value(), 1e-12);
        assertEquals(3 * 3600.0 + 45 * 60, series.get(series.size() - 1).timeS(), 1e-9);
        assertEquals(plating.fit().predicted().get(14), series.get(series.size() - 1).value(), 1e-9);
    }

    @Test
    void whenSamplesCannotTellCandidatesApartThePlausibleOneLeads() {
        // 15 mg/L excess taken as steady: every candidate explains it alike. F-PCB-01 would need 630 mg/L in its
        // 800 m³/day, F-PLT-02 even more; a large dischargers' outfall at J1 needs far less.
        var big = FactoryNarrowingTest.factory("F-BIG", new GeoPoint(121.2040, 24.9330), "J1", 20_000);
        SourceNarrowing s = new SourceNarrowing(DemoDistrict.registry(big), TransportAssumptions.demo());
        List<Observation> obs = List.of(new Observation(T0, BACKGROUND + 15), new Observation(T0 + 86_400_000L, BACKGROUND + 15));
        List<Candidate> c = s.candidates(new TraceRequest("R10", "CU", obs, BACKGROUND, BLIND_R06_R07,
                new DischargeWindow.Steady(), 5000));
        assertEquals(List.of("F-BIG", "F-PCB-01", "F-PLT-02"), ids(c));
        assertTrue(c.get(0).plausibility().plausible());
        assertFalse(c.get(1).plausibility().plausible(), c.get(1).plausibility().toString());
        assertFalse(c.get(2).plausibility().plausible());
        for (Candidate x : c) {
            assertEquals(1, x.fit().explained(), 1e-9);
        }
        // The steady profile of the fitted load ends at what the station measured.
        assertEquals(BACKGROUND + 15, c.get(0).profile().station(), 1e-6);
        assertTrue(Double.isNaN(c.get(0).profile().timeS()));
        assertEquals(List.of(), c.get(0).stationSeries(), "steady samples have no time axis");
    }

    /** What R10 reads every 15 minutes for 3.75 h after a 6-hour discharge began at T0 + 1 h. */
    static List<Observation> observe(String factory, double magnitude) {
        NetworkSimulator sim = new NetworkSimulator(StationNetwork.demo(),
                SimulationConfig.defaults(1, T0).withoutRandomIncidents(), sample -> { });
        sim.injectFromFactory(factory, Quantity.CU, T0 + HOUR, 6 * HOUR, magnitude);
        Random noise = new Random(5);
        List<Observation> out = new ArrayList<>();
        for (long t = T0 + HOUR + 15 * 60_000; t <= T0 + HOUR + 225 * 60_000; t += 15 * 60_000) {
            double c = BACKGROUND + sim.eventExcess("R10", Quantity.CU, t);
            out.add(new Observation(t, c * (1 + 0.03 * noise.nextGaussian())));
        }
        return out;
    }

    static List<Candidate> trace(List<Observation> obs, StationStates states) {
        SourceNarrowing s = new SourceNarrowing(DemoDistrict.registry(), TransportAssumptions.demo());
        return s.candidates(new TraceRequest("R10", "CU", obs, BACKGROUND, states,
                new DischargeWindow.ConstantFrom(T0 + HOUR), 5000));
    }

    static List<String> ids(List<Candidate> c) {
        return c.stream().map(Candidate::factoryId).toList();
    }
}
