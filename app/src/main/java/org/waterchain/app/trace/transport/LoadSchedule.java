package org.waterchain.app.trace.transport;

/**
 * The shape of the unknown discharge a reverse prediction solves for. Each is linear in its unknown rates.
 *
 * <p>The default is one constant load: a batch discharge runs at a roughly steady rate, and with one unknown per
 * candidate the residual compares candidates fairly. With as many free rates as there are samples any candidate
 * reproduces any series (the load is just the measurement shifted by the travel time), so the residual would
 * rank nothing; use {@link Blocks} with fewer blocks than samples when a varying load is expected.
 */
public sealed interface LoadSchedule {

    /** Samples are separate steady states (e.g. exceedances on different days): one constant load explains them. */
    static LoadSchedule steady() {
        return new Steady();
    }

    /** One constant load from startS on (e.g. from the last clean sample less the longest travel time). */
    static LoadSchedule constantFrom(double startS) {
        return new Blocks(startS, Double.POSITIVE_INFINITY, 1);
    }

    /** count consecutive blocks of blockS seconds from startS, each with its own constant rate. */
    static LoadSchedule blocks(double startS, double blockS, int count) {
        return new Blocks(startS, blockS, count);
    }

    record Steady() implements LoadSchedule {}

    record Blocks(double startS, double blockS, int count) implements LoadSchedule {
        public Blocks {
            if (!Double.isFinite(startS)) {
                throw new IllegalArgumentException("load start must be finite, got " + startS);
            }
            if (!(blockS > 0)) {
                throw new IllegalArgumentException("block length must be positive, got " + blockS + " s");
            }
            if (count < 1 || (Double.isInfinite(blockS) && count != 1)) {
                throw new IllegalArgumentException("need at least one block, and only one if it never ends; got " + count);
            }
        }

        public double blockStartS(int j) {
            return j == 0 ? startS : startS + j * blockS;
        }

        public double blockEndS(int j) {
            return Double.isInfinite(blockS) ? blockS : startS + (j + 1) * blockS;
        }
    }
}
