package org.waterchain.app.trace.transport;

/**
 * A discharge into the stretch at a distance below its top: a mass rate in g/s (for concentrations in mg/L = g/m³;
 * in general, concentration unit x m³/s) from startS until endS, seconds after the start of a run.
 */
public record PointLoad(double distanceM, double rate, double startS, double endS) {
    public PointLoad {
        if (!(distanceM >= 0) || !Double.isFinite(distanceM)) {
            throw new IllegalArgumentException("load distance must be a finite number >= 0 m, got " + distanceM);
        }
        if (!Double.isFinite(rate)) {
            throw new IllegalArgumentException("load rate must be finite, got " + rate);
        }
        if (Double.isNaN(startS) || Double.isNaN(endS) || !(endS > startS)) {
            throw new IllegalArgumentException("load must end after it starts, got " + startS + " .. " + endS + " s");
        }
    }

    /** A load that runs for ever from the start of a run. */
    public static PointLoad constant(double distanceM, double rate) {
        return new PointLoad(distanceM, rate, 0, Double.POSITIVE_INFINITY);
    }

    /** Mean rate over [from, to): the load's mass in that interval spread over it. */
    double meanRate(double from, double to) {
        double overlap = Math.min(to, endS) - Math.max(from, startS);
        return overlap <= 0 ? 0 : rate * overlap / (to - from);
    }
}
