package org.waterchain.app.trace.transport;

/**
 * Uniform flow in a channel at one depth, in SI units: what Manning's equation gives for a section, roughness and
 * slope.
 *
 * @param depthM            water depth above the channel bottom
 * @param areaM2            wetted cross-section area
 * @param wettedPerimeterM  length of the wetted boundary
 * @param topWidthM         width of the water surface
 * @param velocityMps       cross-section mean velocity
 * @param flowM3s           discharge
 * @param slope             bed (and, in uniform flow, energy) slope
 */
public record FlowState(double depthM, double areaM2, double wettedPerimeterM, double topWidthM, double velocityMps,
                        double flowM3s, double slope) {
    /** Standard gravity, m/s². */
    public static final double G = 9.80665;

    public double hydraulicRadiusM() {
        return areaM2 / wettedPerimeterM;
    }

    /** Area over top width: the depth Fischer's dispersion estimate and the Froude number use. */
    public double hydraulicDepthM() {
        return areaM2 / topWidthM;
    }

    /** Shear velocity sqrt(g R S): the scale of the turbulence that mixes across the section. */
    public double shearVelocityMps() {
        return Math.sqrt(G * hydraulicRadiusM() * slope);
    }

    /** Below 1 the flow is subcritical, as it should be in an irrigation canal. */
    public double froude() {
        return velocityMps / Math.sqrt(G * hydraulicDepthM());
    }
}
