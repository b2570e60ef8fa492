package org.waterchain.app.trace.narrowing;

import org.waterchain.app.trace.transport.LoadSchedule;

/**
 * When the unknown discharge ran, on the ledger's clock; the reverse prediction's {@link LoadSchedule} with time 0
 * at the window's start.
 */
public sealed interface DischargeWindow {

    /** Seconds from the window's start (or from the epoch, for a steady window) to timeMs. */
    double secondsOf(long timeMs);

    LoadSchedule schedule();

    /** Observations are separate steady states (e.g. exceedances on different days). */
    record Steady() implements DischargeWindow {
        @Override
        public double secondsOf(long timeMs) {
            return timeMs / 1000.0;
        }

        @Override
        public LoadSchedule schedule() {
            return LoadSchedule.steady();
        }
    }

    /** One constant discharge from startMs on. */
    record ConstantFrom(long startMs) implements DischargeWindow {
        @Override
        public double secondsOf(long timeMs) {
            return (timeMs - startMs) / 1000.0;
        }

        @Override
        public LoadSchedule schedule() {
            return LoadSchedule.constantFrom(0);
        }
    }

    /** count blocks of blockMs from startMs, each with its own rate. */
    record Blocks(long startMs, long blockMs, int count) implements DischargeWindow {
        @Override
        public double secondsOf(long timeMs) {
            return (timeMs - startMs) / 1000.0;
        }

        @Override
        public LoadSchedule schedule() {
            return LoadSchedule.blocks(0, blockMs / 1000.0, count);
        }
    }
}
