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
    /** As in the demo, where only the heavy-metal station M02 measures copper. */
    static final StationStates ONLY_M02 = StationStates.polluted(Set.of("M02"))
            .withUnobserved(Set.of("R04", "R06", "R07", "R09", "R10", "R12"));

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

    @Test
    void withTheStartUnknownTheTrueOutfallFitsBestAndItsLoadIsRecovered() {
        // As in the demo: only M02 measures copper, and the trace runs when the hour of the first exceedance closes.
        // The discharge starts at some minute between two readings; the window knows only the last clean one.
        for (long minutes : new long[] {0, 4, 8, 12}) {
            List<Observation> obs = evidenceAtM02("F-PCB-01", T0 + HOUR + minutes * 60_000, new Random(minutes));
            List<Candidate> c = traceM02(obs, new DischargeWindow.ArrivingAfter(obs.get(0).timeMs()));
            assertEquals(List.of("F-PCB-01", "F-PLT-02"), ids(c), "start +" + minutes + " min");
            Candidate pcb = c.get(0);
            Candidate plating = c.get(1);
            // Both are plausible (about 60 and 270 mg/L of copper in their permitted flows): the fit decides, and
            // the plating works' water, 6.1 km up, would rise too slowly.
            assertTrue(pcb.plausibility().plausible() && plating.plausibility().plausible(), c.toString());
            assertTrue(pcb.fit().explained() >= plating.fit().explained(), "start +" + minutes + " min: "
                    + pcb.fit().explained() + " vs " + plating.fit().explained());
            assertTrue(pcb.fit().explained() > 0.9, "explained " + pcb.fit().explained());
            // 1.5 mg/L at R10's node flow of 1350 m³/h, within 15 %: the assumed start is up to one reading early.
            assertEquals(1.5 * 1350 / 3600, pcb.load(), 0.15 * 1.5 * 1350 / 3600, "start +" + minutes + " min");
            // each discharge's water arrives between the last clean reading and the next, its arrival time after it began
            double arrives = pcb.fit().blocks().get(0).startS() + pcb.arrivalS();
            assertTrue(arrives >= -1e-9 && arrives < (obs.get(1).timeMs() - obs.get(0).timeMs()) / 1000.0, "arrives at " + arrives);
            assertTrue(plating.arrivalS() > 2 * pcb.arrivalS(), pcb.arrivalS() + " s vs " + plating.arrivalS() + " s");
            c.forEach(SourceNarrowingTest::assertFinite);
        }
    }

    @Test
    void theTrueOutfallRanksFirstWhereverBetweenTwoReadingsItsWaterArrivedAndWithReadingsMissingBeforeTheRise() {
        // A near outfall's water arriving late between two readings looks like a far one's slow rise arriving early:
        // each candidate is fitted at the arrival moment that suits it. A station outage before the rise widens the
        // interval: the near outfall still wins. (With readings missing, a far source's rise is a tie at best, and
        // ties go to the weaker effluent: that is the near factory here.)
        for (long minutes = 0; minutes < 15; minutes += 2) {
            Random noise = new Random(minutes);
            for (int missing = 0; missing <= 3; missing++) {
                List<Observation> obs = evidenceAtM02("F-PCB-01", T0 + 3 * HOUR + minutes * 60_000, noise, missing);
                assertEquals("F-PCB-01", traceM02(obs, new DischargeWindow.ArrivingAfter(obs.get(1).timeMs())).get(0)
                        .factoryId(), "near source, start +" + minutes + " min, " + missing + " readings missing: " + obs);
            }
            List<Observation> obs = evidenceAtM02("F-PLT-02", T0 + 3 * HOUR + minutes * 60_000, noise, 0);
            List<Candidate> c = traceM02(obs, new DischargeWindow.ArrivingAfter(obs.get(1).timeMs()));
            assertEquals(List.of("F-PLT-02", "F-PCB-01"), ids(c), "far source, start +" + minutes + " min: " + obs);
            assertTrue(c.get(0).fit().explained() - c.get(1).fit().explained() > SourceNarrowing.DEFAULT_TIE_TOLERANCE,
                    "not by a tie: " + c.get(0).fit().explained() + " vs " + c.get(1).fit().explained());
        }
    }

    @Test
    void aLongSilenceBeforeTheLastCleanReadingWidensTheSearchWithoutRunningPastTheSimulation() {
        // the reading before the last clean one came four hours earlier (an outage): arrivals are tried from there,
        // so each step response must reach that much further back
        List<Observation> obs = new ArrayList<>(evidenceAtM02("F-PCB-01", T0 + 6 * HOUR, new Random(3), 0));
        obs.set(0, new Observation(obs.get(1).timeMs() - 4 * HOUR, BACKGROUND));
        List<Candidate> c = traceM02(obs, new DischargeWindow.ArrivingAfter(obs.get(1).timeMs()));
        assertEquals("F-PCB-01", c.get(0).factoryId(), c.toString());
        c.forEach(SourceNarrowingTest::assertFinite);
    }

    @Test
    void anOutfallWhoseWaterCannotHaveArrivedIsNotFittedRatherThanGivenAnAbsurdLoad() {
        // One start for every candidate, at the last clean reading: the plating works' water needs three hours to
        // reach M02 and the readings end one hour later. Its response there is ~1e-60: no load can be told from that.
        List<Observation> obs = evidenceAtM02("F-PCB-01", T0 + HOUR + 4 * 60_000, new Random(1));
        List<Candidate> c = traceM02(obs, new DischargeWindow.ConstantFrom(obs.get(0).timeMs()));
        assertEquals(List.of("F-PCB-01", "F-PLT-02"), ids(c));
        Candidate plating = c.get(1);
        assertFalse(plating.reachesStation());
        assertTrue(Double.isNaN(plating.load()), "unknown, not " + plating.load());
        assertEquals(0, plating.fit().explained());
        assertFalse(plating.plausibility().plausible());
        assertTrue(Double.isNaN(plating.arrivalS()), "not computed under a common start");
        c.forEach(SourceNarrowingTest::assertFinite);
        // the profile of no fitted load is the background
        plating.profile().points().forEach(p -> assertEquals(BACKGROUND, p.concentration(), 1e-12));
    }

    /** Every number a screen or report draws is finite. */
    static void assertFinite(Candidate c) {
        c.profile().points().forEach(p -> assertTrue(Double.isFinite(p.concentration()), c.factoryId() + " profile " + p));
        assertTrue(Double.isFinite(c.profile().station()), c.factoryId() + " station " + c.profile().station());
        c.stationSeries().forEach(p -> assertTrue(Double.isFinite(p.value()), c.factoryId() + " series " + p));
        c.fit().predicted().forEach(p -> assertTrue(Double.isFinite(p), c.factoryId() + " predicted " + p));
        assertTrue(Double.isNaN(c.load()) || Double.isFinite(c.load()) && c.load() < 1e3, c.factoryId() + " load " + c.load());
    }

    /**
     * What M02 reads every 15 minutes after a 3-hour, 1.5 mg/L Cu discharge at the factory's outfall from startMs,
     * with 3 % noise, as a trace sees it when the hour of the first exceedance closes: the last reading under the
     * 0.2 mg/L standard and the four after it.
     */
    static List<Observation> evidenceAtM02(String factory, long startMs, Random noise) {
        List<Observation> all = readingsAtM02(factory, startMs, noise);
        int first = firstOverTheLimit(all);
        return all.subList(first - 1, first + 4);
    }

    /**
     * What M02 reports as a trace sees it: the reading before the last clean one, the last clean one, and the
     * first four exceeding ones, with {@code missing} readings lost just before the rise (a station outage).
     */
    static List<Observation> evidenceAtM02(String factory, long startMs, Random noise, int missing) {
        List<Observation> all = readingsAtM02(factory, startMs, noise);
        int first = firstOverTheLimit(all);
        List<Observation> out = new ArrayList<>(all.subList(first - 2 - missing, first - missing));
        out.addAll(all.subList(first, first + 4));
        return out;
    }

    /** M02's copper every 15 minutes for 12 hours from T0, a 3-hour discharge of 1.5 mg/L at the factory's outfall. */
    private static List<Observation> readingsAtM02(String factory, long startMs, Random noise) {
        NetworkSimulator sim = new NetworkSimulator(StationNetwork.demo(),
                SimulationConfig.defaults(1, T0).withoutRandomIncidents(), sample -> { });
        sim.injectFromFactory(factory, Quantity.CU, startMs, 3 * HOUR, 1.5);
        List<Observation> all = new ArrayList<>();
        for (long t = T0; t <= T0 + 12 * HOUR; t += 15 * 60_000) {
            double c = BACKGROUND + sim.eventExcess("M02", Quantity.CU, t);
            all.add(new Observation(t, c * (1 + 0.03 * noise.nextGaussian())));
        }
        return all;
    }

    private static int firstOverTheLimit(List<Observation> all) {
        int first = 0;
        while (all.get(first).value() <= 0.2) {
            first++;
        }
        return first;
    }

    static List<Candidate> traceM02(List<Observation> obs, DischargeWindow window) {
        SourceNarrowing s = new SourceNarrowing(DemoDistrict.registry(), TransportAssumptions.demo());
        return s.candidates(new TraceRequest("M02", "CU", obs, BACKGROUND, ONLY_M02, window, 10_000));
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
