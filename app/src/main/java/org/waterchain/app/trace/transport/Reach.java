package org.waterchain.app.trace.transport;

/**
 * A piece of channel with uniform flow: its length in metres, its hydraulics, and the flow of the node at its top.
 * At that node the water arriving from the reach above (none for the first reach) joins the node's own inflow,
 * which is clean, and the mix divides: this reach takes its flow, the rest leaves by other channels. So a
 * node's inflow dilutes, and a divergence takes mass away without changing the concentration.
 *
 * @param nodeFlowM3s flow through the node at the top, at least the water arriving there and at least this
 *                    reach's flow; NaN for no node (the larger of the two: the flow just changes, by inflow or
 *                    offtake). For the first reach: the flow a discharge at the top mixes into.
 */
public record Reach(double lengthM, ReachHydraulics hydraulics, double nodeFlowM3s) {
    public Reach {
        if (!(lengthM > 0) || !Double.isFinite(lengthM)) {
            throw new IllegalArgumentException("reach length must be positive, got " + lengthM + " m");
        }
        if (hydraulics == null) {
            throw new IllegalArgumentException("reach hydraulics are required");
        }
        if (!Double.isNaN(nodeFlowM3s) && !(nodeFlowM3s >= hydraulics.flowM3s() && Double.isFinite(nodeFlowM3s))) {
            throw new IllegalArgumentException("the node above a reach carries at least the reach's "
                    + hydraulics.flowM3s() + " m³/s, got " + nodeFlowM3s);
        }
    }

    /** A reach with no node at its top. */
    public Reach(double lengthM, ReachHydraulics hydraulics) {
        this(lengthM, hydraulics, Double.NaN);
    }

    /** The node's flow given what arrives from above. */
    double nodeFlowM3s(double arrivingM3s) {
        if (Double.isNaN(nodeFlowM3s)) {
            return Math.max(arrivingM3s, hydraulics.flowM3s());
        }
        if (nodeFlowM3s < arrivingM3s * (1 - 1e-12)) {
            throw new IllegalArgumentException("the node above a reach carries " + nodeFlowM3s + " m³/s, less than the "
                    + arrivingM3s + " m³/s arriving from upstream");
        }
        return Math.max(nodeFlowM3s, arrivingM3s);
    }
}
