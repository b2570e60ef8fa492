package org.waterchain.app.trace.transport;

/**
 * A prismatic channel in uniform flow: section, Manning roughness n (s/m^(1/3)) and bed slope. Manning's equation in
 * SI units, v = (1/n) R^(2/3) S^(1/2), gives the velocity at a depth; the normal depth is the depth at which the
 * channel carries a given flow.
 */
public record ManningChannel(TrapezoidSection section, double manningN, double slope) {
    /** Normal depth is found to this fraction of its bracket (a metre or more): far below any survey's precision. */
    private static final double DEPTH_TOLERANCE = 1e-12;

    public ManningChannel {
        if (section == null) {
            throw new IllegalArgumentException("channel section is required");
        }
        if (!(manningN > 0) || !Double.isFinite(manningN)) {
            throw new IllegalArgumentException("Manning's n must be positive, got " + manningN);
        }
        if (!(slope > 0) || !Double.isFinite(slope)) {
            throw new IllegalArgumentException("bed slope must be positive (uniform flow needs a fall), got " + slope);
        }
    }

    public double velocityMps(double depthM) {
        requireDepth(depthM);
        return Math.pow(section.hydraulicRadiusM(depthM), 2.0 / 3) * Math.sqrt(slope) / manningN;
    }

    public double flowM3s(double depthM) {
        return depthM == 0 ? 0 : velocityMps(depthM) * section.areaM2(depthM);
    }

    public FlowState atDepth(double depthM) {
        requireDepth(depthM);
        double v = velocityMps(depthM);
        double a = section.areaM2(depthM);
        return new FlowState(depthM, a, section.wettedPerimeterM(depthM), section.topWidthM(depthM), v, v * a, slope);
    }

    /**
     * The depth of uniform flow carrying flowM3s. Flow grows strictly with depth in a trapezoid (area grows faster
     * than perimeter), so the root is unique: bracket it by doubling a trial depth, then Brent's method.
     */
    public double normalDepthM(double flowM3s) {
        if (!(flowM3s > 0) || !Double.isFinite(flowM3s)) {
            throw new IllegalArgumentException("flow must be positive to have a normal depth, got " + flowM3s + " m³/s");
        }
        double high = 1;
        int doublings = 0;
        while (flowM3s(high) < flowM3s) {
            high *= 2;
            if (++doublings > 40) {
                throw new IllegalArgumentException("no depth below " + high + " m carries " + flowM3s + " m³/s");
            }
        }
        return BracketedRoot.solve(y -> flowM3s(y) - flowM3s, 0, high, DEPTH_TOLERANCE * high);
    }

    /** Uniform flow at the normal depth of flowM3s. */
    public FlowState atFlow(double flowM3s) {
        return atDepth(normalDepthM(flowM3s));
    }

    private static void requireDepth(double depthM) {
        if (!(depthM > 0) || !Double.isFinite(depthM)) {
            throw new IllegalArgumentException("depth must be positive, got " + depthM + " m");
        }
    }
}
