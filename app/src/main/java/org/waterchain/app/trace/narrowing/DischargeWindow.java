package org.waterchain.app.trace.narrowing;

import org.waterchain.app.trace.transport.LoadSchedule;

/**
 * When the unknown discharge ran, on the ledger's clock; the reverse prediction's {@link LoadSchedule} with time 0
 * at the window's start.
 */
public sealed interface DischargeWindow {

    /** Seconds from the window's start (or from the epoch, for a steady window) to timeMs. */
    double secondsOf(long timeMs);

    /**
     * The load schedule for a candidate whose water first reaches the station arrivalS seconds after its discharge
     * begins (see {@link ArrivingAfter}); only {@link ArrivingAfter} depends on it.
     */
    LoadSchedule schedule(double arrivalS);

    /** Observations are separate steady states (e.g. exceedances on different days). */
    record Steady() implements DischargeWindow {
        @Override
        public double secondsOf(long timeMs) {
            return timeMs / 1000.0;
        }

        @Override
        public LoadSchedule schedule(double arrivalS) {
            return LoadSchedule.steady();
        }
    }

    /** One constant discharge from startMs on, the same start for every candidate. */
    record ConstantFrom(long startMs) implements DischargeWindow {
        @Override
        public double secondsOf(long timeMs) {
            return (timeMs - startMs) / 1000.0;
        }

        @Override
        public LoadSchedule schedule(double arrivalS) {
            return LoadSchedule.constantFrom(0);
        }
    }

    /**
     * One constant discharge per candidate, timed so that its water arrives at the station just after the last
     * clean reading there: it starts at lastCleanMs less the candidate's arrival time, the time its unit step
     * response takes to reach {@link #ARRIVAL_FRACTION} of its steady value (0 for an outfall at the station).
     *
     * <p>Why: the trace of a time point happens as soon as its hour closes, so the source has only its last clean
     * reading and the first few exceeding ones. The discharge began before the last clean reading by about its
     * travel time, which differs per outfall (minutes for one near the station, hours for one kilometres up), so
     * one common start would favour the nearest outfall and leave a far one's water unarrived. Aligned this way,
     * every candidate's water arrives in the same place relative to the evidence, and the fit compares what is
     * left: the shape of the rise (dispersion spreads it more the farther the outfall), decay, dilution at the
     * nodes, and the load each needs. The true start lies between this and the first exceeding reading less the
     * arrival time; this is the earliest start the clean reading allows.
     *
     * <p>Clock: 0 at lastCleanMs; a candidate's fitted block starts at minus its arrival time.
     */
    record ArrivingAfter(long lastCleanMs) implements DischargeWindow {
        /** The fraction of the steady response that marks a discharge's arrival: 1 %, about a reading's noise. */
        public static final double ARRIVAL_FRACTION = 0.01;

        @Override
        public double secondsOf(long timeMs) {
            return (timeMs - lastCleanMs) / 1000.0;
        }

        @Override
        public LoadSchedule schedule(double arrivalS) {
            if (!(arrivalS >= 0) || Double.isInfinite(arrivalS)) {
                throw new IllegalArgumentException("arrival time must be a finite number >= 0 s, got " + arrivalS);
            }
            return LoadSchedule.constantFrom(-arrivalS);
        }
    }

    /** count blocks of blockMs from startMs, each with its own rate. */
    record Blocks(long startMs, long blockMs, int count) implements DischargeWindow {
        @Override
        public double secondsOf(long timeMs) {
            return (timeMs - startMs) / 1000.0;
        }

        @Override
        public LoadSchedule schedule(double arrivalS) {
            return LoadSchedule.blocks(0, blockMs / 1000.0, count);
        }
    }
}
