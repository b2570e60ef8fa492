package org.waterchain.devices.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.waterchain.devices.sample.Sample;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;

/**
 * One station's sensors: its own levels, the state of each sensor's noise and drift, its fault behaviour and the
 * pollution pulses currently passing it. Per-quantity state lives in primitive arrays indexed like the station's
 * quantity list, so a sample costs its readings and nothing else.
 */
final class SimulatedStation {
    private static final double DAY_MS = 86_400_000.0;
    private static final Quantity[] ALL = Quantity.values();

    final StationSpec spec;
    final int node;
    private final Quantity[] quantities;
    private final QuantityModel[] models;
    private final int[] codes;
    /** The station's own level of every quantity (indexed by Quantity ordinal), measured or not. */
    private final double[] levelByOrdinal;
    private final double baseFlowM3h;
    private final double[] level;
    private final double[] phi;
    private final double[] innovation;
    private final double[] noise;
    private final double[] driftPerMs;
    /** Per sensor, the times it was calibrated, ascending: drift at t counts from the last one at or before t. */
    private final long[][] calibrations;
    private final double[] lastGood;
    private final boolean[] hasLastGood;
    private final double[] excess;
    private final SplittableRandom noiseRandom;
    private final SplittableRandom faultRandom;
    private final double noiseScale;
    private final double badProbability;
    private final double outageProbability;
    private final double meanOutageMs;
    private final List<Active> active = new ArrayList<>();
    private final List<Outage> scheduledOutages = new ArrayList<>();

    long nextSampleMs;
    private long outageUntilMs = Long.MIN_VALUE;

    /** An arrival at this station of a quantity it measures, with the index of that quantity's reading. */
    private record Active(EventArrival arrival, int index, long fromMs, long untilMs) {}

    SimulatedStation(StationSpec spec, int node, double baseFlowM3h, SimulationConfig config, long streamKey) {
        this.spec = spec;
        this.node = node;
        this.baseFlowM3h = baseFlowM3h;
        int n = spec.quantities().size();
        quantities = spec.quantities().toArray(new Quantity[0]);
        models = new QuantityModel[n];
        codes = new int[n];
        level = new double[n];
        phi = new double[n];
        innovation = new double[n];
        noise = new double[n];
        driftPerMs = new double[n];
        calibrations = new long[n][];
        lastGood = new double[n];
        hasLastGood = new boolean[n];
        excess = new double[n];
        // Separate streams per purpose: turning faults on or off must not change the noise a test compares.
        SplittableRandom levels = new SplittableRandom(Seeds.mix(config.seed(), streamKey, 1));
        noiseRandom = new SplittableRandom(Seeds.mix(config.seed(), streamKey, 2));
        faultRandom = new SplittableRandom(Seeds.mix(config.seed(), streamKey, 3));
        SplittableRandom drifts = new SplittableRandom(Seeds.mix(config.seed(), streamKey, 4));
        levelByOrdinal = new double[ALL.length];
        for (Quantity q : ALL) {
            levelByOrdinal[q.ordinal()] = QuantityModel.of(q).stationLevel(levels.nextGaussian());
        }
        for (int i = 0; i < n; i++) {
            QuantityModel m = QuantityModel.of(quantities[i]);
            models[i] = m;
            codes[i] = quantities[i].code();
            level[i] = levelByOrdinal[quantities[i].ordinal()];
            phi[i] = m.arCoefficient(spec.intervalMs());
            innovation[i] = Math.sqrt(1 - phi[i] * phi[i]);
            // Start the noise in its stationary distribution rather than at zero.
            noise[i] = noiseRandom.nextGaussian();
            double scale = quantities[i] == Quantity.FLOW ? baseFlowM3h : level[i];
            driftPerMs[i] = config.driftScale() * m.driftSdPerDay(scale) * drifts.nextGaussian() / DAY_MS;
            calibrations[i] = new long[] {config.startMs()};
        }
        noiseScale = config.noiseScale();
        badProbability = config.badReadingProbability();
        outageProbability = -Math.expm1(-config.outagesPerStationDay() * spec.intervalMs() / DAY_MS);
        meanOutageMs = config.meanOutageMs();
        long first = Math.floorDiv(config.startMs(), spec.intervalMs()) * spec.intervalMs() + spec.intervalMs();
        nextSampleMs = first;
    }

    int indexOf(Quantity q) {
        for (int i = 0; i < quantities.length; i++) {
            if (quantities[i] == q) {
                return i;
            }
        }
        return -1;
    }

    void attach(EventArrival a) {
        int i = indexOf(a.quantity());
        if (i >= 0) {
            active.add(new Active(a, i, a.windowStartMs(), a.windowEndMs()));
        }
    }

    void scheduleOutage(Outage o) {
        scheduledOutages.add(o);
    }

    void calibrate(int index, long atMs) {
        long[] old = calibrations[index];
        long[] cal = java.util.Arrays.copyOf(old, old.length + 1);
        int k = old.length;
        while (k > 0 && cal[k - 1] > atMs) {
            cal[k] = cal[k - 1];
            k--;
        }
        cal[k] = atMs;
        calibrations[index] = cal;
    }

    /**
     * Drift at {@code timeMs}: the sensor's rate times the time since its last calibration before then (a sample
     * taken at the very instant of a calibration was taken just before it).
     */
    double driftOffset(int index, long timeMs) {
        long[] cal = calibrations[index];
        int k = cal.length - 1;
        while (k >= 0 && cal[k] >= timeMs) {
            k--;
        }
        // Before the first calibration the sensor is taken as just calibrated.
        return k < 0 ? 0 : driftPerMs[index] * (timeMs - cal[k]);
    }

    /** The noise-free, unpolluted value of any quantity at this station (its conditions already at the instant). */
    double baseline(Quantity q, SharedConditions c) {
        return QuantityModel.of(q).baseline(levelByOrdinal[q.ordinal()], baseFlowM3h, temperature(c), c.photo, c.flowRatio);
    }

    private double temperature(SharedConditions c) {
        // Rain cools a shallow channel by up to a degree or so.
        return levelByOrdinal[Quantity.TEMPERATURE.ordinal()] + c.seasonalTemperature + c.diurnalTemperature
                - 0.8 * (1 - 1 / c.flowRatio);
    }

    /**
     * The sample taken at {@code timeMs}, or null when the device is silent. Draws from its random streams in the
     * same way whatever the caller does in between, so samples depend only on the seed and the sample time.
     */
    Sample sample(long timeMs, SharedConditions c, List<Outage> outageLog) {
        if (timeMs < outageUntilMs || inScheduledOutage(timeMs)) {
            return null;
        }
        if (outageProbability > 0 && faultRandom.nextDouble() < outageProbability) {
            long length = Math.max(spec.intervalMs(), (long) (-meanOutageMs * Math.log(1 - faultRandom.nextDouble())));
            outageUntilMs = timeMs + length;
            outageLog.add(new Outage(spec.id(), spec.deviceId(), timeMs, outageUntilMs, false));
            return null;
        }
        int n = quantities.length;
        java.util.Arrays.fill(excess, 0);
        // Pulses that have passed are dropped, keeping the rest in order so sums add up the same way every run.
        int kept = 0;
        for (int k = 0; k < active.size(); k++) {
            Active a = active.get(k);
            if (a.untilMs < timeMs) {
                continue;
            }
            if (timeMs >= a.fromMs) {
                excess[a.index] += a.arrival.excessAt(timeMs);
            }
            active.set(kept++, a);
        }
        for (int k = active.size() - 1; k >= kept; k--) {
            active.remove(k);
        }
        double temperature = temperature(c);
        Reading[] readings = new Reading[n];
        for (int i = 0; i < n; i++) {
            QuantityModel m = models[i];
            double truth = m.baseline(level[i], baseFlowM3h, temperature, c.photo, c.flowRatio) + excess[i];
            noise[i] = phi[i] * noise[i] + innovation[i] * noiseRandom.nextGaussian();
            double measured = truth + driftOffset(i, timeMs) + noiseScale * m.noiseSd(truth) * noise[i];
            double value = m.report(measured);
            Reading.Quality quality = Reading.Quality.GOOD;
            if (badProbability > 0 && faultRandom.nextDouble() < badProbability) {
                // A stuck or railed sensor: it repeats its last good value, and the firmware flags it.
                quality = Reading.Quality.BAD;
                if (hasLastGood[i]) {
                    value = lastGood[i];
                }
            } else {
                lastGood[i] = value;
                hasLastGood[i] = true;
            }
            readings[i] = new Reading(codes[i], value, quality);
        }
        return new Sample(spec.deviceId(), timeMs, List.of(readings));
    }

    private boolean inScheduledOutage(long timeMs) {
        for (int k = 0; k < scheduledOutages.size(); k++) {
            if (scheduledOutages.get(k).covers(timeMs)) {
                return true;
            }
        }
        return false;
    }
}
