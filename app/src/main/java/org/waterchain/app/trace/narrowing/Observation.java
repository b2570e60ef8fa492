package org.waterchain.app.trace.narrowing;

/** A value a station reported for the traced quantity at a time (ms since the epoch). */
public record Observation(long timeMs, double value) {
    public Observation {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("observation value must be finite, got " + value);
        }
    }
}
