package org.waterchain.app.trace.transport;

/** Estimates of the longitudinal dispersion coefficient of a channel, m²/s. */
public final class Dispersion {
    private Dispersion() {}

    /**
     * Fischer's (1975) estimate K = 0.011 u² W² / (h u*), with u the mean velocity, W the top width, h the
     * hydraulic depth (area / top width, the mean depth of a trapezoid) and u* the shear velocity. It describes
     * the shear dispersion that dominates once a discharge has mixed across the section; measured values
     * scatter within a factor of about 4 around it, so a tracer study's figure should replace it when one exists.
     */
    public static double fischer(FlowState flow) {
        double w = flow.topWidthM();
        double u = flow.velocityMps();
        return 0.011 * u * u * w * w / (flow.hydraulicDepthM() * flow.shearVelocityMps());
    }
}
