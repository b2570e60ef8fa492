package org.waterchain.devices.sim;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Everything that shapes a simulation run apart from the network. Immutable; the {@code with...} methods return
 * changed copies.
 *
 * @param seed                     one seed for everything random: the same seed, network and calls give the same
 *                                 samples
 * @param startMs                  the simulated clock's start; the first samples are those due after it
 * @param zone                     local time of the district, for the day's cycles (the demo district: UTC+8)
 * @param noiseScale               multiplies every sensor's noise (0 = noise-free readings, for checks)
 * @param driftScale               multiplies every sensor's drift rate (0 = no drift)
 * @param badReadingProbability    chance that one reading of a sample comes out flagged BAD (a stuck value)
 * @param outagesPerStationDay     rate of silent periods per station, in which the device sends nothing
 * @param meanOutageMs             mean length of a silent period (exponentially distributed)
 * @param backgroundEventsPerDay   rate of random pollution events over the whole network
 * @param stormsPerDay             rate of rain storms (raising flow, turbidity and SS, diluting EC) over the district
 * @param dispersionM2s            longitudinal dispersion coefficient that spreads a travelling pulse
 * @param headwaterFlowM3h         dry-weather flow entering at each node no channel flows into
 * @param lateralFlowM3h           dry-weather flow each other node gains from its own catchment
 */
public record SimulationConfig(long seed, long startMs, ZoneOffset zone, double noiseScale, double driftScale,
                               double badReadingProbability, double outagesPerStationDay, long meanOutageMs,
                               double backgroundEventsPerDay, double stormsPerDay, double dispersionM2s,
                               double headwaterFlowM3h, double lateralFlowM3h) {

    /** The demo district's local time (Taiwan keeps no daylight saving). */
    public static final ZoneOffset TAIWAN = ZoneOffset.ofHours(8);

    public SimulationConfig {
        Objects.requireNonNull(zone, "zone");
        requireNonNegative("noise scale", noiseScale);
        requireNonNegative("drift scale", driftScale);
        if (!(badReadingProbability >= 0 && badReadingProbability <= 1)) {
            throw new IllegalArgumentException("bad-reading probability must be in [0, 1], got " + badReadingProbability);
        }
        requireNonNegative("outage rate", outagesPerStationDay);
        if (meanOutageMs <= 0) {
            throw new IllegalArgumentException("mean outage length must be positive, got " + meanOutageMs);
        }
        requireNonNegative("background event rate", backgroundEventsPerDay);
        requireNonNegative("storm rate", stormsPerDay);
        requireNonNegative("dispersion coefficient", dispersionM2s);
        if (!(headwaterFlowM3h > 0)) {
            throw new IllegalArgumentException("headwater flow must be positive, got " + headwaterFlowM3h);
        }
        requireNonNegative("lateral flow", lateralFlowM3h);
    }

    private static void requireNonNegative(String what, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + v);
        }
    }

    /**
     * Settings for a lively demo: a background pollution event about every 8 simulated hours, a storm every few
     * days, a rare bad reading, a silent period about every three days per station. Dispersion 5 m2/s is in the
     * range Fischer's estimates give for small lined channels; 0.5 m3/s at each headwater is a modest lateral canal.
     */
    public static SimulationConfig defaults(long seed, long startMs) {
        return new SimulationConfig(seed, startMs, TAIWAN, 1, 1, 0.002, 0.3, Duration.ofMinutes(20).toMillis(),
                3, 0.25, 5, 1800, 180);
    }

    /** No random incidents: no storms, background events, bad readings or outages; noise and drift stay. */
    public SimulationConfig withoutRandomIncidents() {
        return withBackgroundEventsPerDay(0).withStormsPerDay(0).withBadReadingProbability(0).withOutagesPerStationDay(0);
    }

    public SimulationConfig withSeed(long v) {
        return new SimulationConfig(v, startMs, zone, noiseScale, driftScale, badReadingProbability,
                outagesPerStationDay, meanOutageMs, backgroundEventsPerDay, stormsPerDay, dispersionM2s,
                headwaterFlowM3h, lateralFlowM3h);
    }

    public SimulationConfig withZone(ZoneOffset v) {
        return new SimulationConfig(seed, startMs, v, noiseScale, driftScale, badReadingProbability,
                outagesPerStationDay, meanOutageMs, backgroundEventsPerDay, stormsPerDay, dispersionM2s,
                headwaterFlowM3h, lateralFlowM3h);
    }

    public SimulationConfig withNoiseScale(double v) {
        return new SimulationConfig(seed, startMs, zone, v, driftScale, badReadingProbability,
                outagesPerStationDay, meanOutageMs, backgroundEventsPerDay, stormsPerDay, dispersionM2s,
                headwaterFlowM3h, lateralFlowM3h);
    }

    public SimulationConfig withDriftScale(double v) {
        return new SimulationConfig(seed, startMs, zone, noiseScale, v, badReadingProbability,
                outagesPerStationDay, meanOutageMs, backgroundEventsPerDay, stormsPerDay, dispersionM2s,
                headwaterFlowM3h, lateralFlowM3h);
    }

    public SimulationConfig withBadReadingProbability(double v) {
        return new SimulationConfig(seed, startMs, zone, noiseScale, driftScale, v,
                outagesPerStationDay, meanOutageMs, backgroundEventsPerDay, stormsPerDay, dispersionM2s,
                headwaterFlowM3h, lateralFlowM3h);
    }

    public SimulationConfig withOutagesPerStationDay(double v) {
        return new SimulationConfig(seed, startMs, zone, noiseScale, driftScale, badReadingProbability,
                v, meanOutageMs, backgroundEventsPerDay, stormsPerDay, dispersionM2s,
                headwaterFlowM3h, lateralFlowM3h);
    }

    public SimulationConfig withMeanOutage(Duration v) {
        return new SimulationConfig(seed, startMs, zone, noiseScale, driftScale, badReadingProbability,
                outagesPerStationDay, v.toMillis(), backgroundEventsPerDay, stormsPerDay, dispersionM2s,
                headwaterFlowM3h, lateralFlowM3h);
    }

    public SimulationConfig withBackgroundEventsPerDay(double v) {
        return new SimulationConfig(seed, startMs, zone, noiseScale, driftScale, badReadingProbability,
                outagesPerStationDay, meanOutageMs, v, stormsPerDay, dispersionM2s,
                headwaterFlowM3h, lateralFlowM3h);
    }

    public SimulationConfig withStormsPerDay(double v) {
        return new SimulationConfig(seed, startMs, zone, noiseScale, driftScale, badReadingProbability,
                outagesPerStationDay, meanOutageMs, backgroundEventsPerDay, v, dispersionM2s,
                headwaterFlowM3h, lateralFlowM3h);
    }

    public SimulationConfig withDispersionM2s(double v) {
        return new SimulationConfig(seed, startMs, zone, noiseScale, driftScale, badReadingProbability,
                outagesPerStationDay, meanOutageMs, backgroundEventsPerDay, stormsPerDay, v,
                headwaterFlowM3h, lateralFlowM3h);
    }

    public SimulationConfig withFlows(double headwaterM3h, double lateralM3h) {
        return new SimulationConfig(seed, startMs, zone, noiseScale, driftScale, badReadingProbability,
                outagesPerStationDay, meanOutageMs, backgroundEventsPerDay, stormsPerDay, dispersionM2s,
                headwaterM3h, lateralM3h);
    }
}
