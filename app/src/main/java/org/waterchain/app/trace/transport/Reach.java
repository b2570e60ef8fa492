package org.waterchain.app.trace.transport;

/** A piece of channel with uniform flow: its length in metres and its hydraulics. */
public record Reach(double lengthM, ReachHydraulics hydraulics) {
    public Reach {
        if (!(lengthM > 0) || !Double.isFinite(lengthM)) {
            throw new IllegalArgumentException("reach length must be positive, got " + lengthM + " m");
        }
        if (hydraulics == null) {
            throw new IllegalArgumentException("reach hydraulics are required");
        }
    }
}
