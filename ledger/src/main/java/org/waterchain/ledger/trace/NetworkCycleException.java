package org.waterchain.ledger.trace;

import java.util.List;

/** The channel network (or a station graph) is not a DAG; the message names one cycle, in flow direction. */
public final class NetworkCycleException extends IllegalArgumentException {
    private final List<String> nodes;
    private final List<String> channels;

    NetworkCycleException(String what, List<String> nodes, List<String> channels) {
        super(what + " has a cycle: " + String.join(" -> ", nodes) + " -> " + nodes.get(0)
                + (channels.isEmpty() ? "" : " (channels " + String.join(", ", channels) + ")"));
        this.nodes = List.copyOf(nodes);
        this.channels = List.copyOf(channels);
    }

    /** The nodes of the cycle in flow direction, starting at the smallest id (the first is not repeated). */
    public List<String> nodes() {
        return nodes;
    }

    /** The channel ids along the cycle, in the same order; empty for a station graph given without channels. */
    public List<String> channels() {
        return channels;
    }
}
