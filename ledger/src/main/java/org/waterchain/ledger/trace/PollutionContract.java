package org.waterchain.ledger.trace;

/**
 * The fixed parameters and arithmetic of the pollution-coin contract, shared by the planner, the rules every
 * replica runs and the extraction, so the three cannot drift apart.
 */
public final class PollutionContract {
    /**
     * Length of a time point: readings with device time in [t, t + TIME_POINT_MS) belong to time point t, and t is
     * a multiple of it (whole UTC hours). A constant rather than a registry parameter: changing it would change
     * which past traces are valid, so it changes only with the memo version.
     */
    public static final long TIME_POINT_MS = 3_600_000L;

    private PollutionContract() {}

    /** The time point a device time falls in. */
    public static long timePointOf(long deviceTimeMs) {
        return Math.floorDiv(deviceTimeMs, TIME_POINT_MS) * TIME_POINT_MS;
    }

    /**
     * How a station's {@code total} coins are split among its {@code receivers} (sorted by id): each gets
     * total / receivers, and the first total % receivers of them one more, so the sum is conserved and the split
     * is the same on every replica. Every receiver must get at least one coin, so a total below the number of
     * receivers cannot be split: the planner mints enough for that never to happen.
     *
     * @throws IllegalArgumentException when total &lt; receivers
     */
    public static long[] split(long total, int receivers) {
        if (receivers <= 0) {
            throw new IllegalArgumentException("a split needs at least one receiver");
        }
        if (total < receivers) {
            throw new IllegalArgumentException(total + " coins cannot be split among " + receivers
                    + " receivers: each must get at least one");
        }
        long[] out = new long[receivers];
        long share = total / receivers;
        long rest = total % receivers;
        for (int i = 0; i < receivers; i++) {
            out[i] = share + (i < rest ? 1 : 0);
        }
        return out;
    }
}
