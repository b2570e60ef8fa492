package org.waterchain.app.trace.transport;

import java.util.Arrays;

/**
 * What a station reads when a unit load (1 g/s) starts at the top of its stretch at time 0 and runs on: zero until
 * the discharge arrives, then a rise smeared by dispersion, then the steady value. Flow is steady, so the response
 * to any load history is a sum of shifted copies of this one: the reverse prediction needs nothing else.
 */
public final class StepResponse {
    private final double timeStepS;
    private final double[] values;
    private final double steady;
    private final boolean settled;

    /**
     * @param values  the station's concentration at 0, dt, 2 dt, ...
     * @param settled true when the run went on until the stretch reached its steady state, so later times read the
     *                steady value; false when it stopped at its horizon first
     */
    StepResponse(double timeStepS, double[] values, double steady, boolean settled) {
        this.timeStepS = timeStepS;
        this.values = values.clone();
        this.steady = steady;
        this.settled = settled;
    }

    /** A discharge right at the station: it reads the mixed load at once. */
    public static StepResponse immediate(double stationFlowM3s) {
        if (!(stationFlowM3s > 0)) {
            throw new IllegalArgumentException("station flow must be positive, got " + stationFlowM3s + " m³/s");
        }
        return new StepResponse(0, new double[0], 1 / stationFlowM3s, true);
    }

    /** The station's concentration t seconds after the unit load began; 0 before. */
    public double at(double t) {
        if (!(t > 0)) {
            return 0;
        }
        if (values.length == 0) {
            return steady;
        }
        double x = t / timeStepS;
        int i = (int) Math.floor(x);
        if (i + 1 < values.length) {
            double f = x - i;
            return values[i] * (1 - f) + values[i + 1] * f;
        }
        if (settled) {
            return steady;
        }
        if (i + 1 == values.length && x == i) {
            return values[i];
        }
        throw new IllegalArgumentException("step response computed up to " + horizonS() + " s, asked for " + t + " s");
    }

    /**
     * When the discharge's water arrives: the first time the response reaches {@code fraction} of its steady value,
     * linear between steps; 0 for a discharge at the station; infinite when the response stops at its horizon
     * before reaching it (compute it further). A response that never rises (nothing of the load reaches the
     * station) arrives never, also infinite.
     */
    public double arrivalS(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("arrival fraction must lie between 0 and 1, got " + fraction);
        }
        if (!(steady > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        if (values.length == 0) {
            return 0;
        }
        double level = fraction * steady;
        for (int i = 1; i < values.length; i++) {
            if (values[i] >= level) {
                double rise = values[i] - values[i - 1];
                double f = rise > 0 ? (level - values[i - 1]) / rise : 1;
                return timeStepS * (i - 1 + Math.max(0, Math.min(1, f)));
            }
        }
        // a response that settled without being recorded that far still reached the level by its last step
        return settled ? timeStepS * (values.length - 1) : Double.POSITIVE_INFINITY;
    }

    /** The steady reading per unit load: 1 / flow at the station, less decay and side outflows on the way. */
    public double steady() {
        return steady;
    }

    /** How far in time the response is known; infinite once it has settled. */
    public double horizonS() {
        return settled ? Double.POSITIVE_INFINITY : timeStepS * (values.length - 1);
    }

    /**
     * From when on the whole stretch holds its steady state (to within the model's settling tolerance), so a load
     * that has run constantly for longer leaves the steady profile; infinite when the run stopped at its horizon
     * before settling, 0 for a discharge at the station.
     */
    public double settledAfterS() {
        return !settled ? Double.POSITIVE_INFINITY : values.length == 0 ? 0 : timeStepS * (values.length - 1);
    }

    /** The station series as computed (time step {@link #timeStepS()}), for plotting. */
    public double[] values() {
        return Arrays.copyOf(values, values.length);
    }

    public double timeStepS() {
        return timeStepS;
    }
}
