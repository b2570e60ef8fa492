package org.waterchain.app.trace.transport;

import java.util.List;

/**
 * The channel from a discharge point (distance 0) down to a station, as reaches in flow order. Flow may change
 * at the nodes between reaches ({@link Reach#nodeFlowM3s()}): clean inflow dilutes, a divergence takes water away
 * at the local concentration.
 *
 * @param stationFlowM3s the flow at the station's node: more than the last reach's when other channels or the
 *                       station's own catchment join there, which dilutes what the station reads
 */
public record Stretch(List<Reach> reaches, double stationFlowM3s) {
    public Stretch {
        reaches = List.copyOf(reaches);
        if (reaches.isEmpty()) {
            throw new IllegalArgumentException("a stretch needs at least one reach");
        }
        if (!(stationFlowM3s > 0) || !Double.isFinite(stationFlowM3s)) {
            throw new IllegalArgumentException("station flow must be positive, got " + stationFlowM3s + " m³/s");
        }
        double arriving = 0;
        for (Reach r : reaches) {
            r.nodeFlowM3s(arriving); // throws when a node would carry less than arrives
            arriving = r.hydraulics().flowM3s();
        }
    }

    /** One reach with the same flow from the discharge point to the station. */
    public static Stretch uniform(double lengthM, ReachHydraulics hydraulics) {
        return new Stretch(List.of(new Reach(lengthM, hydraulics)), hydraulics.flowM3s());
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
