package org.waterchain.devices.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.registry.StationKind;

/**
 * Builds large synthetic networks for load tests and benchmarks: stations joined into a random downstream tree
 * (each new station drains into one of the few stations added just before it, which gives long, river-like main
 * stems rather than a bushy star), optionally braided into a DAG by second outlets, with a sprinkling of factories.
 * Deterministic for a given spec.
 */
public final class NetworkGenerator {

    /** The ten quantities a synthetic regular station measures, in reading order. */
    public static final List<Quantity> TEN_QUANTITIES = List.of(Quantity.PH, Quantity.TEMPERATURE, Quantity.EC,
            Quantity.ORP, Quantity.DO, Quantity.TURBIDITY, Quantity.SS, Quantity.FLOW, Quantity.LEVEL, Quantity.UV254);

    /**
     * @param stations              how many stations
     * @param quantitiesPerStation  how many of {@link #TEN_QUANTITIES} each regular station measures (1..10)
     * @param heavyMetalShare       fraction of stations that are heavy-metal analysers instead
     * @param braidProbability      chance that a station also drains into a second station (a split)
     * @param factoryShare          factories per station
     * @param intervalMs            sampling interval of every station (heavy-metal ones too, for simple counts)
     * @param minLengthM            shortest channel
     * @param maxLengthM            longest channel
     * @param minVelocityMps        slowest channel
     * @param maxVelocityMps        fastest channel
     * @param seed                  the layout's seed (independent of the simulation's)
     */
    public record Spec(int stations, int quantitiesPerStation, double heavyMetalShare, double braidProbability,
                       double factoryShare, long intervalMs, double minLengthM, double maxLengthM,
                       double minVelocityMps, double maxVelocityMps, long seed) {
        public Spec {
            if (stations < 1) {
                throw new IllegalArgumentException("a network needs at least one station, got " + stations);
            }
            if (quantitiesPerStation < 1 || quantitiesPerStation > TEN_QUANTITIES.size()) {
                throw new IllegalArgumentException("quantities per station must be 1.." + TEN_QUANTITIES.size()
                        + ", got " + quantitiesPerStation);
            }
            if (!(minLengthM > 0 && maxLengthM >= minLengthM && minVelocityMps > 0 && maxVelocityMps >= minVelocityMps)) {
                throw new IllegalArgumentException("channel lengths and velocities must be positive ranges");
            }
        }

        /** A tree of regular stations on 1-minute schedules, 0.5-5 km reaches at 0.3-1.2 m/s, one factory per 20. */
        public static Spec tree(int stations, int quantitiesPerStation, long seed) {
            return new Spec(stations, quantitiesPerStation, 0, 0, 0.05, 60_000, 500, 5_000, 0.3, 1.2, seed);
        }

        public Spec withBraids(double probability) {
            return new Spec(stations, quantitiesPerStation, heavyMetalShare, probability, factoryShare, intervalMs,
                    minLengthM, maxLengthM, minVelocityMps, maxVelocityMps, seed);
        }

        public Spec withHeavyMetalShare(double share) {
            return new Spec(stations, quantitiesPerStation, share, braidProbability, factoryShare, intervalMs,
                    minLengthM, maxLengthM, minVelocityMps, maxVelocityMps, seed);
        }

        public Spec withInterval(long ms) {
            return new Spec(stations, quantitiesPerStation, heavyMetalShare, braidProbability, factoryShare, ms,
                    minLengthM, maxLengthM, minVelocityMps, maxVelocityMps, seed);
        }
    }

    /** How far back a new station may attach: small windows give long main stems. */
    private static final int ATTACH_WINDOW = 20;

    private NetworkGenerator() {}

    /**
     * Station 0 drains to the outlet OUT; station i drains into one of the stations before it, so water always flows
     * towards lower indexes and the graph cannot have a cycle.
     */
    public static StationNetwork generate(Spec spec) {
        SplittableRandom r = new SplittableRandom(spec.seed());
        int width = String.valueOf(spec.stations() - 1).length();
        List<String> ids = new ArrayList<>(spec.stations());
        List<StationSpec> stations = new ArrayList<>(spec.stations());
        List<Quantity> regular = TEN_QUANTITIES.subList(0, spec.quantitiesPerStation());
        for (int i = 0; i < spec.stations(); i++) {
            boolean metal = r.nextDouble() < spec.heavyMetalShare();
            String id = (metal ? "M" : "S") + String.format(Locale.ROOT, "%0" + width + "d", i);
            ids.add(id);
            stations.add(new StationSpec(id, metal ? StationKind.HEAVY_METAL : StationKind.REGULAR, id + "-A",
                    metal ? StationSpec.HEAVY_METAL_QUANTITIES : regular, spec.intervalMs(), 0));
        }
        List<ChannelEdge> channels = new ArrayList<>();
        channels.add(edge(r, spec, "C0", ids.get(0), "OUT"));
        for (int i = 1; i < spec.stations(); i++) {
            int lo = Math.max(0, i - ATTACH_WINDOW);
            int down = lo + r.nextInt(i - lo);
            channels.add(edge(r, spec, "C" + i, ids.get(i), ids.get(down)));
            if (i - lo >= 2 && r.nextDouble() < spec.braidProbability()) {
                int other = lo + r.nextInt(i - lo);
                if (other != down) {
                    channels.add(edge(r, spec, "C" + i + "b", ids.get(i), ids.get(other)));
                }
            }
        }
        List<FactoryOutlet> factories = new ArrayList<>();
        int factoryCount = (int) Math.round(spec.stations() * spec.factoryShare());
        List<List<String>> industries = List.of(List.of("CU", "NI"), List.of("CU", "NI", "ZN"),
                List.of("EC", "SS", "UV254"), List.of("PB", "CD"));
        List<String> industryNames = List.of("PCB manufacturing", "electroplating", "textile dyeing", "battery recycling");
        for (int f = 0; f < factoryCount; f++) {
            int k = r.nextInt(industries.size());
            factories.add(new FactoryOutlet("F" + f, industryNames.get(k), ids.get(r.nextInt(ids.size())),
                    industries.get(k)));
        }
        return new StationNetwork(stations, channels, factories);
    }

    private static ChannelEdge edge(SplittableRandom r, Spec spec, String id, String from, String to) {
        double length = spec.minLengthM() + r.nextDouble() * (spec.maxLengthM() - spec.minLengthM());
        double velocity = spec.minVelocityMps() + r.nextDouble() * (spec.maxVelocityMps() - spec.minVelocityMps());
        return new ChannelEdge(id, from, to, Math.round(length), Math.round(velocity * 100) / 100.0);
    }
}
