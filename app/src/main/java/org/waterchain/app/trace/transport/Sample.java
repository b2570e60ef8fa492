package org.waterchain.app.trace.transport;

/** A concentration at a station at a time, in seconds on the clock of a load schedule. */
public record Sample(double timeS, double value) {
    public Sample {
        if (!Double.isFinite(timeS) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("sample time and value must be finite, got " + timeS + " s, " + value);
        }
    }
}
