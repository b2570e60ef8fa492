package org.waterchain.app.trace.narrowing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;
import org.waterchain.app.session.RegistryView;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.trace.NetworkCycleException;
import org.waterchain.ledger.trace.StationGraph;

/**
 * The registry's channels as a directed graph in flow direction (each channel runs from its fromNode to its
 * toNode), with the stations that sit on its nodes (a station's id is the id of its node, as in the demo district
 * and the station-network simulator). Immutable.
 */
public final class FlowNetwork {
    private final Map<String, AddChannel> channels;
    private final Map<String, List<AddChannel>> into = new HashMap<>();
    private final Map<String, List<AddChannel>> outOf = new HashMap<>();
    private final Set<String> stations;

    private FlowNetwork(Collection<AddChannel> channelList, Collection<String> stationIds) {
        Map<String, AddChannel> byId = new LinkedHashMap<>();
        for (AddChannel c : channelList) {
            byId.put(c.id(), c); // a later registration of an id replaces the earlier one
        }
        channels = Map.copyOf(byId);
        for (AddChannel c : byId.values()) {
            outOf.computeIfAbsent(c.fromNode(), k -> new ArrayList<>()).add(c);
            into.computeIfAbsent(c.toNode(), k -> new ArrayList<>()).add(c);
        }
        stations = Set.copyOf(stationIds);
    }

    public static FlowNetwork of(RegistryView registry) {
        return new FlowNetwork(registry.channels(), registry.stations().keySet());
    }

    /** True when some channel starts or ends at the node. */
    public boolean contains(String nodeId) {
        return into.containsKey(nodeId) || outOf.containsKey(nodeId);
    }

    public boolean isStation(String nodeId) {
        return stations.contains(nodeId);
    }

    public Optional<AddChannel> channel(String id) {
        return Optional.ofNullable(channels.get(id));
    }

    public Collection<AddChannel> channels() {
        return channels.values();
    }

    public List<AddChannel> into(String nodeId) {
        return into.getOrDefault(nodeId, List.of());
    }

    public List<AddChannel> outOf(String nodeId) {
        return outOf.getOrDefault(nodeId, List.of());
    }

    /**
     * Every node, in an order where each comes after all nodes upstream of it: the ledger's Kahn order of the
     * channels ({@link StationGraph#flowOrder()}, the smallest id first among the nodes ready).
     */
    public List<String> flowOrder() {
        StationGraph.Builder graph = StationGraph.builder();
        for (AddChannel c : channels.values()) {
            graph.flow(c.fromNode(), c.toNode());
        }
        try {
            return graph.build().flowOrder();
        } catch (NetworkCycleException e) {
            List<String> inLoop = e.nodes().stream().sorted().toList();
            throw new IllegalStateException("the channels form a loop through " + inLoop + ": water cannot flow in circles", e);
        }
    }

    /**
     * The nodes within reachM metres upstream of a node along the channels (shortest way, Dijkstra on the
     * reversed graph), not following the water past a node where {@code stopsAt} holds: that node is reported as
     * a stop and nothing above it is reached through it.
     */
    public UpstreamArea upstreamOf(String nodeId, double reachM, Predicate<String> stopsAt) {
        if (!contains(nodeId)) {
            throw new IllegalArgumentException("node " + nodeId + " is not on any registered channel");
        }
        if (!(reachM >= 0)) {
            throw new IllegalArgumentException("reach must be >= 0 m, got " + reachM);
        }
        record Entry(String node, double distance) {}
        Map<String, Double> best = new HashMap<>();
        Map<String, AddChannel> via = new HashMap<>();
        Map<String, Double> settled = new LinkedHashMap<>();
        Map<String, AddChannel> towardStart = new HashMap<>();
        Set<String> stops = new HashSet<>();
        PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> a.distance() != b.distance()
                ? Double.compare(a.distance(), b.distance()) : a.node().compareTo(b.node()));
        queue.add(new Entry(nodeId, 0));
        best.put(nodeId, 0.0);
        while (!queue.isEmpty()) {
            Entry e = queue.poll();
            if (settled.containsKey(e.node()) || stops.contains(e.node()) || e.distance() > best.get(e.node())) {
                continue;
            }
            if (!e.node().equals(nodeId) && stopsAt.test(e.node())) {
                stops.add(e.node());
                continue;
            }
            settled.put(e.node(), e.distance());
            if (via.containsKey(e.node())) {
                towardStart.put(e.node(), via.get(e.node()));
            }
            for (AddChannel c : into(e.node())) {
                double d = e.distance() + c.lengthM();
                if (d <= reachM && d < best.getOrDefault(c.fromNode(), Double.POSITIVE_INFINITY)) {
                    best.put(c.fromNode(), d);
                    via.put(c.fromNode(), c);
                    queue.add(new Entry(c.fromNode(), d));
                }
            }
        }
        return new UpstreamArea(nodeId, reachM, settled, towardStart, stops);
    }

    /**
     * The nodes the water from the given nodes reaches (themselves included), not entering a node where
     * {@code stopsAt} holds.
     */
    public Set<String> downstreamOf(Collection<String> nodeIds, Predicate<String> stopsAt) {
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String n : nodeIds) {
            if (contains(n) && reached.add(n)) {
                todo.add(n);
            }
        }
        while (!todo.isEmpty()) {
            for (AddChannel c : outOf(todo.poll())) {
                if (!stopsAt.test(c.toNode()) && reached.add(c.toNode())) {
                    todo.add(c.toNode());
                }
            }
        }
        return reached;
    }
}
