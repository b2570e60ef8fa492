package org.waterchain.devices.sim;

/**
 * A source of samples that keeps its own clock and never sleeps: asked to advance to a time, it hands every sample
 * due in (current time, target] to its sink, in time order, and returns. A {@link PacedRunner} turns such a source
 * into a live feed at any speed; tests and benchmarks simply call {@link #advanceTo} as fast as they like.
 */
public interface TimeSteppedSource {

    /** The source time reached so far, in epoch milliseconds: everything due at or before it has been emitted. */
    long currentTimeMs();

    /**
     * Emits everything due up to and including {@code timeMs}. A target at or before {@link #currentTimeMs()}
     * emits nothing.
     *
     * @return the number of samples emitted
     */
    int advanceTo(long timeMs);

    /** True once the source has nothing more to emit (the end of a recorded file); a simulator never finishes. */
    default boolean finished() {
        return false;
    }
}
