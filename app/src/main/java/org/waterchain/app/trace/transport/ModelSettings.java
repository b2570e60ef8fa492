package org.waterchain.app.trace.transport;

/**
 * What a compartment model needs beside its stretch.
 *
 * @param segments              reporting segments of equal length (WASP's segments: the paper split its channel
 *                              into 32); the solver may divide each into several cells
 * @param decayPerSecond        first-order loss rate k (decay, settling, sorption), 1/s
 * @param upstreamConcentration concentration of the water entering at the inlet and of every lateral inflow
 * @param inlet                 the inlet boundary
 * @param resolution            how finely the solver divides space and time
 */
public record ModelSettings(int segments, double decayPerSecond, double upstreamConcentration, Inlet inlet,
                            Resolution resolution) {
    public ModelSettings {
        if (segments < 1) {
            throw new IllegalArgumentException("at least one segment is needed, got " + segments);
        }
        if (!(decayPerSecond >= 0) || !Double.isFinite(decayPerSecond)) {
            throw new IllegalArgumentException("decay rate must be a finite number >= 0 per second, got " + decayPerSecond);
        }
        if (!Double.isFinite(upstreamConcentration)) {
            throw new IllegalArgumentException("upstream concentration must be finite, got " + upstreamConcentration);
        }
        if (inlet == null || resolution == null) {
            throw new IllegalArgumentException("inlet and resolution are required");
        }
    }

    /** No decay, clean upstream water, a flux inlet (discharges go downstream whole), default resolution. */
    public static ModelSettings of(int segments) {
        return new ModelSettings(segments, 0, 0, Inlet.FLUX, Resolution.DEFAULT);
    }

    public ModelSettings withDecayPerSecond(double k) {
        return new ModelSettings(segments, k, upstreamConcentration, inlet, resolution);
    }

    public ModelSettings withUpstream(Inlet boundary, double concentration) {
        return new ModelSettings(segments, decayPerSecond, concentration, boundary, resolution);
    }

    public ModelSettings withResolution(Resolution r) {
        return new ModelSettings(segments, decayPerSecond, upstreamConcentration, inlet, r);
    }
}
