package org.waterchain.devices.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Rain storms over the district as a Poisson process, each raising every station's flow by a hydrograph shaped
 * like a gamma unit hydrograph: g * (x/r)^2 * exp(2 * (1 - x/r)), x the time since the storm began, peaking at g
 * after the rise time r and receding over about ten rise times. Storms are drawn lazily, in order, from their own
 * random stream, so asking about a later time never changes an earlier answer.
 */
final class StormProcess {
    private static final long HOUR = 3_600_000;
    /** The hydrograph is below 2e-6 of its peak after this many rise times. */
    private static final int SPAN_RISES = 10;
    private static final long MAX_RISE_MS = 4 * HOUR;

    private final SplittableRandom random;
    private final double meanGapMs;
    private long[] starts = new long[16];
    private double[] gains = new double[16];
    private long[] rises = new long[16];
    private int count;
    private long nextStartMs;

    StormProcess(SplittableRandom random, double stormsPerDay, long startMs) {
        this.random = random;
        this.meanGapMs = stormsPerDay > 0 ? 86_400_000.0 / stormsPerDay : Double.POSITIVE_INFINITY;
        // Storms may have begun before the clock starts: draw from a day and a half earlier so the first hours are
        // not always dry.
        this.nextStartMs = Double.isInfinite(meanGapMs) ? Long.MAX_VALUE : startMs - 36 * HOUR + gap();
    }

    private long gap() {
        return (long) Math.ceil(-meanGapMs * Math.log(1 - random.nextDouble()));
    }

    /** Draws storms until every storm beginning at or before {@code timeMs} is known. */
    void ensureUntil(long timeMs) {
        while (nextStartMs <= timeMs) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                gains = Arrays.copyOf(gains, count * 2);
                rises = Arrays.copyOf(rises, count * 2);
            }
            starts[count] = nextStartMs;
            // Log-normal peak: usually a doubling of flow, now and then ten times.
            gains[count] = Math.exp(Math.log(1.5) + 0.7 * random.nextGaussian());
            rises[count] = HOUR + (long) (random.nextDouble() * (MAX_RISE_MS - HOUR));
            count++;
            nextStartMs += gap();
        }
    }

    /** Flow over dry-weather flow at {@code timeMs}: 1 plus every storm's hydrograph. */
    double flowRatio(long timeMs) {
        ensureUntil(timeMs);
        double r = 1;
        // Storms are in start order; walk back only as far as the longest possible hydrograph.
        long earliest = timeMs - SPAN_RISES * MAX_RISE_MS;
        for (int i = count - 1; i >= 0 && starts[i] >= earliest; i--) {
            long x = timeMs - starts[i];
            if (x <= 0 || x > SPAN_RISES * rises[i]) {
                continue;
            }
            double u = (double) x / rises[i];
            r += gains[i] * u * u * Math.exp(2 * (1 - u));
        }
        return r;
    }

    /** Storms drawn so far that began at or before {@code timeMs}. */
    List<Storm> stormsUntil(long timeMs) {
        List<Storm> out = new ArrayList<>();
        for (int i = 0; i < count && starts[i] <= timeMs; i++) {
            out.add(new Storm(starts[i], gains[i], rises[i]));
        }
        return out;
    }
}
