package org.waterchain.app.trace.narrowing;

import java.util.ArrayList;
import java.util.List;
import org.waterchain.app.trace.transport.LoadSchedule;
import org.waterchain.app.trace.transport.Sample;

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

    /**
     * The schedules a candidate is fitted under, of which the best fit counts: the one {@link #schedule} for a
     * window that fixes the discharge's timing; several for {@link ArrivingAfter}, which does not.
     *
     * @param samples the observations on this window's clock
     */
    default List<LoadSchedule> schedules(double arrivalS, List<Sample> samples) {
        return List.of(schedule(arrivalS));
    }

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
     * One constant discharge per candidate, timed so that its water arrives at the station around the last clean
     * reading there, between the readings on either side of it: it starts at that moment less the candidate's
     * arrival time, the time its unit step response takes to reach {@link #ARRIVAL_FRACTION} of its steady value (0
     * for an outfall at the station). Each candidate is fitted at {@link #ARRIVAL_STEPS} moments per reading interval
     * and keeps its best.
     *
     * <p>Why: the trace of a time point happens as soon as its hour closes, so the source has only its last clean
     * reading and the first few exceeding ones. The discharge began before the last clean reading by about its
     * travel time, which differs per outfall (minutes for one near the station, hours for one kilometres up), so
     * one common start would favour the nearest outfall and leave a far one's water unarrived. Aligned this way,
     * every candidate's water arrives in the same place relative to the evidence, and the fit compares what is
     * left: the shape of the rise (dispersion spreads it more the farther the outfall), decay, dilution at the
     * nodes, and the load each needs. Where in the interval the water arrived is not known: a rise that arrived
     * late in it looks, from the readings, like a slow rise that arrived early, so fixing the arrival at either end
     * would favour the far outfalls or the near ones. The interval is long when readings are missing before the
     * rise (a station outage), which makes this matter most.
     *
     * <p>Clock: 0 at lastCleanMs; a candidate's fitted block starts at its arrival moment less its arrival time.
     */
    record ArrivingAfter(long lastCleanMs) implements DischargeWindow {
        /** The fraction of the steady response that marks a discharge's arrival: 1 %, about a reading's noise. */
        public static final double ARRIVAL_FRACTION = 0.01;
        /** Arrival moments tried per interval between two readings: a minute apart for 15-minute readings. */
        public static final int ARRIVAL_STEPS = 15;

        @Override
        public double secondsOf(long timeMs) {
            return (timeMs - lastCleanMs) / 1000.0;
        }

        @Override
        public LoadSchedule schedule(double arrivalS) {
            requireArrival(arrivalS);
            return LoadSchedule.constantFrom(-arrivalS);
        }

        /**
         * One schedule per arrival moment, earliest first: from the reading before the last clean one (when the
         * samples hold it: the last clean reading may already carry the front of a slow rise) or else the last clean
         * reading itself, up to the first reading after it.
         */
        @Override
        public List<LoadSchedule> schedules(double arrivalS, List<Sample> samples) {
            requireArrival(arrivalS);
            double from = samples.stream().mapToDouble(Sample::timeS).filter(t -> t < 0).max().orElse(0);
            double to = samples.stream().mapToDouble(Sample::timeS).filter(t -> t > 0).min().orElse(0);
            int steps = to > from ? (from < 0 ? 2 * ARRIVAL_STEPS : ARRIVAL_STEPS) : 1;
            List<LoadSchedule> out = new ArrayList<>(steps);
            for (int k = 0; k < steps; k++) {
                out.add(LoadSchedule.constantFrom(from + (to - from) * k / steps - arrivalS));
            }
            return out;
        }

        private static void requireArrival(double arrivalS) {
            if (!(arrivalS >= 0) || Double.isInfinite(arrivalS)) {
                throw new IllegalArgumentException("arrival time must be a finite number >= 0 s, got " + arrivalS);
            }
        }
    }
}
