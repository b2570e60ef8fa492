package org.waterchain.devices.sim;

import java.util.Objects;

/**
 * A reach of channel: water flows from {@code fromNode} to {@code toNode} over {@code lengthM} at a mean velocity of
 * {@code velocityMps}, so a pollutant needs lengthM / velocityMps seconds to cross it.
 */
public record ChannelEdge(String id, String fromNode, String toNode, double lengthM, double velocityMps) {
    public ChannelEdge {
        Objects.requireNonNull(id, "channel id");
        Objects.requireNonNull(fromNode, "channel from");
        Objects.requireNonNull(toNode, "channel to");
        if (fromNode.equals(toNode)) {
            throw new IllegalArgumentException("channel " + id + " flows from " + fromNode + " into itself");
        }
        if (!(lengthM > 0) || !Double.isFinite(lengthM)) {
            throw new IllegalArgumentException("channel " + id + ": length must be positive, got " + lengthM);
        }
        if (!(velocityMps > 0) || !Double.isFinite(velocityMps)) {
            throw new IllegalArgumentException("channel " + id + ": flow velocity must be positive, got " + velocityMps);
        }
    }

    /** Advection time across the whole reach. */
    public double travelSeconds() {
        return lengthM / velocityMps;
    }
}
