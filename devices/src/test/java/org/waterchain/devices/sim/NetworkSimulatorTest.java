package org.waterchain.devices.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.waterchain.devices.sample.Sample;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.registry.StationKind;

class NetworkSimulatorTest {
    static final long MINUTE = 60_000;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    /** A midnight in UTC; 08:00 in the demo district. */
    static final long START = Instant.parse("2024-07-01T00:00:00Z").toEpochMilli();

    @Test
    void theSameSeedGivesTheSameSamplesAndAnotherSeedOthers() {
        List<Sample> a = runDemo(SimulationConfig.defaults(7, START), 12 * HOUR);
        List<Sample> b = runDemo(SimulationConfig.defaults(7, START), 12 * HOUR);
        List<Sample> c = runDemo(SimulationConfig.defaults(8, START), 12 * HOUR);
        assertFalse(a.isEmpty());
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void howTheClockIsAdvancedDoesNotChangeTheSamples() {
        SimulationConfig cfg = SimulationConfig.defaults(11, START).withBackgroundEventsPerDay(12).withStormsPerDay(2)
                .withBadReadingProbability(0.01).withOutagesPerStationDay(3);
        List<Sample> once = runDemo(cfg, 18 * HOUR);
        List<Sample> chunked = new ArrayList<>();
        NetworkSimulator sim = new NetworkSimulator(StationNetwork.demo(), cfg, chunked::add);
        long t = START;
        long step = 1;
        while (t < START + 18 * HOUR) {
            t = Math.min(START + 18 * HOUR, t + step);
            sim.advanceTo(t);
            step = step * 3 % (47 * MINUTE) + 1;
        }
        assertEquals(once, chunked);
    }

    private static List<Sample> runDemo(SimulationConfig cfg, long span) {
        List<Sample> out = new ArrayList<>();
        NetworkSimulator sim = new NetworkSimulator(StationNetwork.demo(), cfg, out::add);
        sim.advanceTo(cfg.startMs() + span);
        return out;
    }

    @Test
    void fiveHundredStationsWithTenQuantitiesEmitExactlyOneSampleEachPerMinute() {
        StationNetwork net = NetworkGenerator.generate(NetworkGenerator.Spec.tree(500, 10, 3));
        long[] count = new long[1];
        long[] readings = new long[1];
        Map<String, Integer> perDevice = new HashMap<>();
        NetworkSimulator sim = new NetworkSimulator(net, SimulationConfig.defaults(5, START).withoutRandomIncidents(), s -> {
            count[0]++;
            readings[0] += s.readings().size();
            perDevice.merge(s.deviceId(), 1, Integer::sum);
        });
        long began = System.nanoTime();
        int emitted = sim.advanceTo(START + HOUR);
        long tookMs = (System.nanoTime() - began) / 1_000_000;
        // For the record only (no timing assertion: machines are shared); the benchmark figure is in the report.
        System.out.println("500 stations x 10 quantities, 1 simulated hour at 1 min: " + count[0] + " samples in " + tookMs + " ms");
        assertEquals(500 * 60, count[0]);
        assertEquals(500 * 60, emitted);
        assertEquals(500 * 60 * 10, readings[0]);
        assertEquals(500, perDevice.size());
        assertTrue(perDevice.values().stream().allMatch(n -> n == 60));

        // Silencing one station for ten minutes removes exactly its ten samples.
        long[] after = new long[1];
        NetworkSimulator sim2 = new NetworkSimulator(net, SimulationConfig.defaults(5, START).withoutRandomIncidents(),
                s -> after[0]++);
        sim2.scheduleOutage(net.stations().get(17).id(), START + 20 * MINUTE, START + 30 * MINUTE);
        sim2.advanceTo(START + HOUR);
        assertEquals(500 * 60 - 10, after[0]);
    }

    @Test
    void samplesComeInDueOrderOnEachStationsScheduleAndBatchResultsAfterTheirAnalysis() {
        List<Sample> out = new ArrayList<>();
        NetworkSimulator sim = new NetworkSimulator(StationNetwork.demo(),
                SimulationConfig.defaults(1, START).withoutRandomIncidents(), out::add);
        sim.advanceTo(START + 20 * MINUTE);
        assertTrue(out.stream().noneMatch(s -> s.deviceId().equals("M02-A")),
                "the 15-minute batch taken at :15 is analysed for 10 minutes, so not reported by :20");
        sim.advanceTo(START + 25 * MINUTE);
        Sample m02 = out.stream().filter(s -> s.deviceId().equals("M02-A")).findFirst().orElseThrow();
        assertEquals(START + 15 * MINUTE, m02.sampleTimeMs());
        sim.advanceTo(START + 3 * HOUR);
        long previousDue = Long.MIN_VALUE;
        for (Sample s : out) {
            long due = s.sampleTimeMs() + (s.deviceId().equals("M02-A") ? 10 * MINUTE : 0);
            assertTrue(due >= previousDue, "samples leave in due order");
            previousDue = due;
            long interval = s.deviceId().equals("M02-A") ? 15 * MINUTE : MINUTE;
            assertEquals(0, s.sampleTimeMs() % interval);
        }
        assertEquals(6 * 180 + 11, out.size(), "six 1-minute stations for 3 h, M02 batches :15 .. 2:45");
        assertEquals(START + 3 * HOUR, sim.currentTimeMs());
        assertEquals(0, sim.advanceTo(START + HOUR), "the clock does not go back");
    }

    @Test
    void aPollutionEventArrivesDownstreamAfterTheTravelTimeWithALowerPeak() {
        StationNetwork net = StationNetwork.demo();
        List<Sample> out = new ArrayList<>();
        NetworkSimulator sim = new NetworkSimulator(net, SimulationConfig.defaults(3, START).withoutRandomIncidents(), out::add);
        long start = START + HOUR;
        PollutionEvent e = sim.injectAt("R04", Quantity.EC, start, 30 * MINUTE, 800);
        sim.advanceTo(START + 6 * HOUR);

        ChannelEdge c1 = net.downstreamChannels("R04").get(0);
        long expectedDelay = Math.round(c1.lengthM() / c1.velocityMps() * 1000);
        EventArrival atR06 = sim.arrivals(e.id()).stream().filter(a -> a.nodeId().equals("R06")).findFirst().orElseThrow();
        assertEquals(expectedDelay, atR06.delayMs());
        assertEquals(sim.baseFlowM3h("R04") / sim.baseFlowM3h("R06"), atR06.factor(), 1e-12,
                "diluted by R06's own inflow");
        assertTrue(atR06.sigmaMs() > 0);

        // The true signal: full excess at the origin, lower and later downstream.
        double peakR04 = maxExcess(sim, "R04", start, start + 4 * HOUR);
        double peakR06 = maxExcess(sim, "R06", start, start + 4 * HOUR);
        double peakR07 = maxExcess(sim, "R07", start, start + 5 * HOUR);
        assertEquals(800, peakR04, 1e-9);
        assertTrue(peakR06 < peakR04 && peakR06 > 0.5 * peakR04, "R06 peak " + peakR06);
        assertTrue(peakR07 < peakR06, "R07 peak " + peakR07);
        assertEquals(atR06.peakExcess(), peakR06, 1.0);

        // What the sensors saw: R06's EC rises through half its peak excess within a sample or two of the arrival.
        long half = firstTimeAbove(sim, out, "R06-A", Quantity.EC, 0.5 * peakR06);
        assertTrue(Math.abs(half - atR06.arrivalMs()) <= 2 * MINUTE,
                "half rise at R06 " + (half - start) / MINUTE + " min after the start, expected "
                        + (atR06.arrivalMs() - start) / MINUTE);
        long halfR04 = firstTimeAbove(sim, out, "R04-A", Quantity.EC, 0.5 * peakR04);
        assertEquals(start, halfR04, "the origin sees it from its first sample on");
        double seenR04 = maxReading(out, "R04-A", Quantity.EC) - sim.trueValue("R04", Quantity.EC, start - MINUTE);
        double seenR06 = maxReading(out, "R06-A", Quantity.EC) - sim.trueValue("R06", Quantity.EC, start - MINUTE);
        assertTrue(seenR06 < seenR04, "measured peaks: R04 +" + seenR04 + ", R06 +" + seenR06);
    }

    private static double maxExcess(NetworkSimulator sim, String node, long from, long to) {
        double max = 0;
        for (long t = from; t <= to; t += 30_000) {
            max = Math.max(max, sim.eventExcess(node, Quantity.EC, t));
        }
        return max;
    }

    /** When a device's reading first exceeds the station's unpolluted truth by {@code excess}. */
    private static long firstTimeAbove(NetworkSimulator sim, List<Sample> out, String device, Quantity q, double excess) {
        String station = device.substring(0, device.indexOf('-'));
        for (Sample s : out) {
            if (s.deviceId().equals(device)) {
                long t = s.sampleTimeMs();
                double unpolluted = sim.trueValue(station, q, t) - sim.eventExcess(station, q, t);
                if (value(s, q) - unpolluted > excess) {
                    return t;
                }
            }
        }
        throw new AssertionError(device + " never rose " + excess + " above its unpolluted value");
    }

    private static double maxReading(List<Sample> out, String device, Quantity q) {
        return out.stream().filter(s -> s.deviceId().equals(device)).mapToDouble(s -> value(s, q)).max().orElseThrow();
    }

    @Test
    void aFactorysCopperReachesTheHeavyMetalStationAlongItsPathOnly() {
        NetworkSimulator sim = new NetworkSimulator(StationNetwork.demo(),
                SimulationConfig.defaults(3, START).withoutRandomIncidents(), s -> { });
        PollutionEvent e = sim.injectFromFactory("F-PCB-01", Quantity.CU, START + HOUR, HOUR, 1.5);
        assertEquals("F-PCB-01", e.sourceId());
        List<EventArrival> arrivals = sim.arrivals(e.id());
        assertEquals(List.of("R10", "M02", "OUT"), arrivals.stream().map(EventArrival::nodeId).toList());
        EventArrival m02 = arrivals.get(1);
        assertEquals(List.of("R10", "M02"), m02.path());
        assertTrue(m02.peakExcess() > 0.2 && m02.peakExcess() < 1.5,
                "diluted below the discharge but over the 0.2 mg/L standard: " + m02.peakExcess());
        assertEquals(0, sim.eventExcess("R12", Quantity.CU, m02.peakTimeMs()), "R12 is not downstream of R10");
        sim.advanceTo(START + 6 * HOUR);
        assertEquals(List.of(), sim.activeEvents(), "gone by then");
    }

    @Test
    void aSplitThatRejoinsBringsTwoArrivals() {
        NetworkSimulator sim = new NetworkSimulator(StationNetwork.demo(),
                SimulationConfig.defaults(3, START).withoutRandomIncidents(), s -> { });
        PollutionEvent e = sim.injectAt("R07", Quantity.SS, START, 30 * MINUTE, 300);
        List<EventArrival> atM02 = sim.arrivals(e.id()).stream().filter(a -> a.nodeId().equals("M02")).toList();
        assertEquals(2, atM02.size());
        assertEquals(Set.of(List.of("R07", "J1", "R10", "M02"), List.of("R07", "J1", "R12", "M02")),
                new HashSet<>(atM02.stream().map(EventArrival::path).toList()));
        assertEquals(sim.arrivalsAt("M02").size(), 2);
    }

    @Test
    void anEventOnAChannelArrivesAfterTheRemainingReach() {
        StationNetwork net = StationNetwork.demo();
        NetworkSimulator sim = new NetworkSimulator(net, SimulationConfig.defaults(3, START).withoutRandomIncidents(), s -> { });
        ChannelEdge c = net.downstreamChannels("R06").get(0);
        PollutionEvent e = sim.inject(EventSite.onChannel(c.id(), 400), Quantity.TURBIDITY, START, 20 * MINUTE, 100);
        EventArrival first = sim.arrivals(e.id()).get(0);
        assertEquals(c.toNode(), first.nodeId());
        assertEquals(Math.round((c.lengthM() - 400) / c.velocityMps() * 1000), first.delayMs());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> sim.inject(EventSite.onChannel(c.id(), c.lengthM() + 1), Quantity.EC, START, MINUTE, 1))
                .getMessage().contains("beyond the end"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sim.injectAt("R99", Quantity.EC, START, MINUTE, 1))
                .getMessage().contains("R99"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> sim.injectFromFactory("F-NONE", Quantity.EC, START, MINUTE, 1)).getMessage().contains("F-PCB-01"));
        assertEquals(1, sim.events().size(), "rejected events leave no trace");
        assertEquals("EV2", sim.injectAt("R04", Quantity.EC, START, MINUTE, 1).id());
    }

    @Test
    void backgroundEventsAppearAtTheConfiguredRateFromFactoriesAndStations() {
        NetworkSimulator sim = new NetworkSimulator(StationNetwork.demo(),
                SimulationConfig.defaults(21, START).withBackgroundEventsPerDay(24), s -> { });
        sim.advanceTo(START + 4 * DAY);
        List<PollutionEvent> events = sim.events();
        assertTrue(events.size() > 60 && events.size() < 140, "about 96 events: " + events.size());
        StationNetwork net = sim.network();
        long previous = Long.MIN_VALUE;
        boolean sawFactory = false;
        for (PollutionEvent e : events) {
            assertTrue(e.background());
            assertTrue(e.startMs() >= previous && e.startMs() <= START + 4 * DAY);
            previous = e.startMs();
            var factory = net.factory(e.sourceId());
            if (factory.isPresent()) {
                sawFactory = true;
                assertTrue(factory.get().pollutants().contains(e.quantity().symbol()), e.toString());
            } else {
                assertTrue(net.station(e.sourceId()).orElseThrow().measures(e.quantity()), e.toString());
            }
        }
        assertTrue(sawFactory);
        assertEquals(events.size(), events.stream().map(PollutionEvent::id).distinct().count());
    }

    // ---- one station, for statistics ------------------------------------------------------------------------------

    static StationNetwork single(long intervalMs) {
        return new StationNetwork(List.of(new StationSpec("X", StationKind.REGULAR, "X-A",
                NetworkGenerator.TEN_QUANTITIES, intervalMs, 0)), List.of(), List.of());
    }

    static double value(Sample s, Quantity q) {
        for (Reading r : s.readings()) {
            if (r.quantityCode() == q.code()) {
                return r.value();
            }
        }
        throw new AssertionError("no " + q + " in " + s);
    }

    @Test
    void temperatureDissolvedOxygenAndPhFollowTheDayInLocalTime() {
        List<Sample> out = new ArrayList<>();
        NetworkSimulator sim = new NetworkSimulator(single(10 * MINUTE),
                SimulationConfig.defaults(9, START).withoutRandomIncidents(), out::add);
        sim.advanceTo(START + 30 * DAY);
        assertEquals(30 * 144, out.size());
        for (Quantity q : List.of(Quantity.TEMPERATURE, Quantity.DO, Quantity.PH)) {
            double[] sum = new double[24];
            int[] n = new int[24];
            for (Sample s : out) {
                int hour = (int) Math.floorMod((s.sampleTimeMs() + 8 * HOUR) / HOUR, 24L);
                sum[hour] += value(s, q);
                n[hour]++;
            }
            int max = 0;
            int min = 0;
            for (int h = 0; h < 24; h++) {
                if (sum[h] / n[h] > sum[max] / n[max]) {
                    max = h;
                }
                if (sum[h] / n[h] < sum[min] / n[min]) {
                    min = h;
                }
            }
            assertTrue(max >= 13 && max <= 17, q + " peaks mid-afternoon, not at " + max + ":00");
            assertTrue(min >= 1 && min <= 6, q + " bottoms out before dawn, not at " + min + ":00");
            if (q == Quantity.TEMPERATURE) {
                double range = sum[max] / n[max] - sum[min] / n[min];
                assertEquals(2 * QuantityModel.TEMPERATURE_DIURNAL, range, 0.4, "diurnal swing of water temperature");
            }
        }
        for (Sample s : out) {
            assertTrue(value(s, Quantity.PH) > 6 && value(s, Quantity.PH) < 9);
            assertTrue(value(s, Quantity.DO) > 3 && value(s, Quantity.DO) < 12);
            assertTrue(value(s, Quantity.TEMPERATURE) > 15 && value(s, Quantity.TEMPERATURE) < 36);
            assertTrue(value(s, Quantity.EC) > 100 && value(s, Quantity.EC) < 1500);
            assertTrue(value(s, Quantity.TURBIDITY) >= 0 && value(s, Quantity.SS) >= 0);
        }
    }

    @Test
    void dissolvedOxygenFallsAsWaterWarmsOverTheYear() {
        List<Sample> out = new ArrayList<>();
        long jan = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        NetworkSimulator sim = new NetworkSimulator(single(HOUR),
                SimulationConfig.defaults(4, jan).withoutRandomIncidents(), out::add);
        sim.advanceTo(jan + 365 * DAY);
        double[] t = new double[365];
        double[] o = new double[365];
        for (Sample s : out) {
            int day = (int) ((s.sampleTimeMs() - jan - 1) / DAY);
            t[day] += value(s, Quantity.TEMPERATURE) / 24;
            o[day] += value(s, Quantity.DO) / 24;
        }
        double r = Stats.correlation(t, o);
        assertTrue(r < -0.8, "daily mean DO against temperature: r = " + r);
        assertTrue(QuantityModel.oxygenSaturation(10) > QuantityModel.oxygenSaturation(30));
        assertEquals(9.09, QuantityModel.oxygenSaturation(20), 0.02, "Standard Methods: 9.09 mg/L at 20 degC");
    }

    @Test
    void sensorNoiseHasTheModelsSpreadAndAutocorrelation() {
        List<Sample> out = new ArrayList<>();
        NetworkSimulator sim = new NetworkSimulator(single(MINUTE),
                SimulationConfig.defaults(17, START).withoutRandomIncidents().withDriftScale(0), out::add);
        sim.advanceTo(START + 4 * DAY);
        for (Quantity q : List.of(Quantity.EC, Quantity.DO, Quantity.ORP)) {
            QuantityModel m = QuantityModel.of(q);
            double[] z = new double[out.size()];
            for (int i = 0; i < z.length; i++) {
                Sample s = out.get(i);
                double truth = sim.trueValue("X", q, s.sampleTimeMs());
                z[i] = (value(s, q) - truth) / m.noiseSd(truth);
            }
            double phi = m.arCoefficient(MINUTE);
            assertEquals(0, Stats.mean(z), 0.25, q + " noise is centred");
            assertEquals(1, Stats.sd(z), 0.15, q + " noise has the model's standard deviation");
            assertEquals(phi, Stats.lag1(z), 0.05, q + " noise is AR(1) with the model's coefficient");
        }
    }

    @Test
    void sensorsDriftUntilCalibrated() {
        List<Sample> out = new ArrayList<>();
        NetworkSimulator sim = new NetworkSimulator(single(10 * MINUTE),
                SimulationConfig.defaults(23, START).withoutRandomIncidents().withNoiseScale(0).withDriftScale(100), out::add);
        sim.advanceTo(START + 4 * DAY);
        long calibration = START + 4 * DAY;
        sim.calibrate("X", Quantity.EC, calibration);
        sim.advanceTo(START + 6 * DAY);
        double drift2 = sim.driftOffset("X", Quantity.EC, START + 2 * DAY);
        double drift3 = sim.driftOffset("X", Quantity.EC, START + 3 * DAY);
        assertTrue(Math.abs(drift3) > 1, "a visible drift after three days at 100x: " + drift3);
        assertEquals(1.5 * drift2, drift3, 1e-6, "drift grows linearly");
        assertEquals(0, sim.driftOffset("X", Quantity.EC, calibration + 1), 1e-3, "calibration zeroes it");
        assertEquals(drift2 / 2, sim.driftOffset("X", Quantity.EC, calibration + DAY), 1e-6, "and it grows again");
        for (Sample s : out) {
            long t = s.sampleTimeMs();
            double residual = value(s, Quantity.EC) - sim.trueValue("X", Quantity.EC, t);
            assertEquals(sim.driftOffset("X", Quantity.EC, t), residual, 0.051, "noise-free reading = truth + drift");
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sim.calibrate("X", Quantity.CU, START))
                .getMessage().contains("does not measure CU"));
    }

    @Test
    void badReadingsRepeatTheLastGoodValueAtTheConfiguredRate() {
        List<Sample> out = new ArrayList<>();
        NetworkSimulator sim = new NetworkSimulator(single(MINUTE),
                SimulationConfig.defaults(29, START).withoutRandomIncidents().withBadReadingProbability(0.05), out::add);
        sim.advanceTo(START + 2 * DAY);
        int bad = 0;
        int total = 0;
        Map<Integer, Double> lastGood = new HashMap<>();
        for (Sample s : out) {
            for (Reading r : s.readings()) {
                total++;
                if (r.quality() == Reading.Quality.BAD) {
                    bad++;
                    if (lastGood.containsKey(r.quantityCode())) {
                        assertEquals(lastGood.get(r.quantityCode()), r.value());
                    }
                } else {
                    lastGood.put(r.quantityCode(), r.value());
                }
            }
        }
        assertEquals(2 * 1440 * 10, total);
        assertEquals(0.05 * total, bad, 250, "5% of readings flagged BAD");
    }

    @Test
    void randomOutagesSilenceTheDeviceForWholePeriods() {
        List<Sample> out = new ArrayList<>();
        NetworkSimulator sim = new NetworkSimulator(single(MINUTE), SimulationConfig.defaults(31, START)
                .withoutRandomIncidents().withOutagesPerStationDay(4).withMeanOutage(java.time.Duration.ofMinutes(30)), out::add);
        sim.advanceTo(START + 5 * DAY);
        List<Outage> outages = sim.outages();
        assertTrue(outages.size() >= 8 && outages.size() <= 35, "about 20 outages: " + outages.size());
        Set<Long> seen = new HashSet<>();
        out.forEach(s -> seen.add(s.sampleTimeMs()));
        for (long t = START + MINUTE; t <= START + 5 * DAY; t += MINUTE) {
            long time = t;
            boolean silent = outages.stream().anyMatch(o -> o.covers(time));
            assertEquals(!silent, seen.contains(t), "a sample at " + Instant.ofEpochMilli(t) + " iff no outage");
        }
        assertTrue(out.size() < 5 * 1440 - 100, "whole periods missing, not single samples");
    }

    @Test
    void stormsRaiseFlowTurbidityAndSolidsAndDiluteConductivity() {
        List<Sample> out = new ArrayList<>();
        NetworkSimulator sim = new NetworkSimulator(single(10 * MINUTE),
                SimulationConfig.defaults(37, START).withoutRandomIncidents().withStormsPerDay(1), out::add);
        sim.advanceTo(START + 20 * DAY);
        assertTrue(sim.storms().size() >= 8, "about 20 storms: " + sim.storms().size());
        double[] flow = out.stream().mapToDouble(s -> value(s, Quantity.FLOW)).toArray();
        double[] turb = out.stream().mapToDouble(s -> value(s, Quantity.TURBIDITY)).toArray();
        double[] ss = out.stream().mapToDouble(s -> value(s, Quantity.SS)).toArray();
        double[] ec = out.stream().mapToDouble(s -> value(s, Quantity.EC)).toArray();
        double[] level = out.stream().mapToDouble(s -> value(s, Quantity.LEVEL)).toArray();
        assertTrue(Stats.max(flow) > 1.5 * sim.baseFlowM3h("X"), "a storm at least half again the dry-weather flow");
        assertTrue(Stats.correlation(flow, turb) > 0.6);
        assertTrue(Stats.correlation(flow, ss) > 0.6);
        assertTrue(Stats.correlation(flow, level) > 0.8);
        assertTrue(Stats.correlation(flow, ec) < -0.5);
    }
}
