package org.waterchain.app.trace.transport;

/**
 * What transport needs of a reach's flow: discharge, mean velocity and longitudinal dispersion (SI units). The
 * wetted area follows as flow / velocity.
 */
public record ReachHydraulics(double flowM3s, double velocityMps, double dispersionM2s) {
    public ReachHydraulics {
        if (!(flowM3s > 0) || !Double.isFinite(flowM3s)) {
            throw new IllegalArgumentException("reach flow must be positive, got " + flowM3s + " m³/s");
        }
        if (!(velocityMps > 0) || !Double.isFinite(velocityMps)) {
            throw new IllegalArgumentException("reach velocity must be positive, got " + velocityMps + " m/s");
        }
        if (!(dispersionM2s >= 0) || !Double.isFinite(dispersionM2s)) {
            throw new IllegalArgumentException("dispersion must be a finite number >= 0, got " + dispersionM2s + " m²/s");
        }
    }

    public double areaM2() {
        return flowM3s / velocityMps;
    }
}
