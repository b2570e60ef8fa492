package org.waterchain.app.trace.narrowing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;

/**
 * What lies upstream of a node within a reach: each node's distance along the channels to it, the channel its
 * water takes toward it, and the stops met on the way (nodes whose water was not followed further up).
 */
public final class UpstreamArea {
    private final String start;
    private final double reachM;
    private final Map<String, Double> distances;
    private final Map<String, AddChannel> towardStart;
    private final Set<String> stops;

    UpstreamArea(String start, double reachM, Map<String, Double> distances, Map<String, AddChannel> towardStart,
                 Set<String> stops) {
        this.start = start;
        this.reachM = reachM;
        this.distances = Map.copyOf(distances);
        this.towardStart = Map.copyOf(towardStart);
        this.stops = Set.copyOf(stops);
    }

    public String start() {
        return start;
    }

    public double reachM() {
        return reachM;
    }

    /** True for the start and every node whose water reaches it within the reach without passing a stop. */
    public boolean contains(String nodeId) {
        return distances.containsKey(nodeId);
    }

    /** Metres along the channels from the node down to the start. */
    public double distanceM(String nodeId) {
        Double d = distances.get(nodeId);
        if (d == null) {
            throw new IllegalArgumentException("node " + nodeId + " is not within " + reachM + " m upstream of " + start);
        }
        return d;
    }

    /** The channels from the node down to the start, in flow order; empty for the start itself. */
    public List<AddChannel> pathFrom(String nodeId) {
        distanceM(nodeId);
        List<AddChannel> path = new ArrayList<>();
        String n = nodeId;
        while (!n.equals(start)) {
            AddChannel c = towardStart.get(n);
            path.add(c);
            n = c.toNode();
        }
        return path;
    }

    public Set<String> nodes() {
        return distances.keySet();
    }

    /** The nodes where the search stopped (clean stations, for a trace). */
    public Set<String> stops() {
        return stops;
    }
}
