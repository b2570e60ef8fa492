package org.waterchain.app.trace.transport;

import java.util.List;

/**
 * The channel from a discharge point (distance 0) down to a station, as reaches in flow order. Flow may change
 * from reach to reach: a rise is clean lateral inflow (a tributary, a catchment) that dilutes, a fall is water
 * leaving at the local concentration (a divergence, an offtake).
 *
 * @param inletFlowM3s   the water a discharge at distance 0 mixes into (the flow at the outfall's node, which may
 *                       exceed the first reach's when the node splits)
 * @param stationFlowM3s the flow at the station's node: more than the last reach's when other channels or the
 *                       station's own catchment join there, which dilutes what the station reads
 */
public record Stretch(double inletFlowM3s, List<Reach> reaches, double stationFlowM3s) {
    public Stretch {
        reaches = List.copyOf(reaches);
        if (reaches.isEmpty()) {
            throw new IllegalArgumentException("a stretch needs at least one reach");
        }
        if (!(inletFlowM3s > 0) || !Double.isFinite(inletFlowM3s)) {
            throw new IllegalArgumentException("inlet flow must be positive, got " + inletFlowM3s + " m³/s");
        }
        if (!(stationFlowM3s > 0) || !Double.isFinite(stationFlowM3s)) {
            throw new IllegalArgumentException("station flow must be positive, got " + stationFlowM3s + " m³/s");
        }
    }

    /** One reach with the same flow from the discharge point to the station. */
    public static Stretch uniform(double lengthM, ReachHydraulics hydraulics) {
        return new Stretch(hydraulics.flowM3s(), List.of(new Reach(lengthM, hydraulics)), hydraulics.flowM3s());
    }

    public double lengthM() {
        double sum = 0;
        for (Reach r : reaches) {
            sum += r.lengthM();
        }
        return sum;
    }

    /** Advection time from the discharge point to the station. */
    public double travelTimeS() {
        double sum = 0;
        for (Reach r : reaches) {
            sum += r.lengthM() / r.hydraulics().velocityMps();
        }
        return sum;
    }
}
