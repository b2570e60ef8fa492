package org.waterchain.devices.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RegisterFactory;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;
import org.waterchain.ledger.registry.RegistryAction.RetireDevice;
import org.waterchain.ledger.registry.StationKind;
import org.waterchain.ledger.trace.NetworkCycleException;
import org.waterchain.ledger.trace.StationGraph;
import org.waterchain.ledger.value.ValueEntry;

/**
 * Stations, the channels that join them and the factories that discharge into them, as a directed acyclic graph
 * in the direction of flow. Nodes are station ids plus any other id a channel names (junctions such as J1, the
 * outlet OUT). Immutable; node and station indexes are stable and used by the simulator's arrays.
 */
public final class StationNetwork {
    private final List<StationSpec> stations;
    private final List<ChannelEdge> channels;
    private final List<FactoryOutlet> factories;
    private final List<String> nodeIds;
    private final Map<String, Integer> nodeIndex;
    private final Map<String, Integer> stationIndex;
    private final Map<String, FactoryOutlet> factoryById;
    private final Map<String, ChannelEdge> channelById;
    private final int[] stationNode;
    private final int[] nodeStation;
    private final int[][] outEdges;
    private final int[][] inEdges;
    private final int[] edgeFrom;
    private final int[] edgeTo;
    private final int[] topoOrder;

    public StationNetwork(List<StationSpec> stations, List<ChannelEdge> channels, List<FactoryOutlet> factories) {
        this.stations = List.copyOf(stations);
        this.channels = List.copyOf(channels);
        this.factories = List.copyOf(factories);

        Map<String, Integer> nodes = new LinkedHashMap<>();
        Map<String, Integer> byStation = new HashMap<>();
        Set<String> devices = new java.util.HashSet<>();
        for (StationSpec s : this.stations) {
            if (nodes.putIfAbsent(s.id(), nodes.size()) != null) {
                throw new IllegalArgumentException("station " + s.id() + " is listed twice");
            }
            if (!devices.add(s.deviceId())) {
                throw new IllegalArgumentException("device " + s.deviceId() + " reports for two stations");
            }
            byStation.put(s.id(), byStation.size());
        }
        Map<String, ChannelEdge> edgesById = new HashMap<>();
        for (ChannelEdge c : this.channels) {
            if (edgesById.put(c.id(), c) != null) {
                throw new IllegalArgumentException("channel " + c.id() + " is listed twice");
            }
            nodes.putIfAbsent(c.fromNode(), nodes.size());
            nodes.putIfAbsent(c.toNode(), nodes.size());
        }
        Map<String, FactoryOutlet> factoriesById = new HashMap<>();
        for (FactoryOutlet f : this.factories) {
            if (!nodes.containsKey(f.dischargeNode())) {
                throw new IllegalArgumentException("factory " + f.id() + " discharges at " + f.dischargeNode()
                        + ", which is neither a station nor a channel end");
            }
            if (factoriesById.put(f.id(), f) != null) {
                throw new IllegalArgumentException("factory " + f.id() + " is listed twice");
            }
        }
        this.nodeIds = List.copyOf(nodes.keySet());
        this.nodeIndex = Map.copyOf(nodes);
        this.stationIndex = Map.copyOf(byStation);
        this.factoryById = Map.copyOf(factoriesById);
        this.channelById = Map.copyOf(edgesById);

        int n = nodeIds.size();
        stationNode = new int[this.stations.size()];
        nodeStation = new int[n];
        java.util.Arrays.fill(nodeStation, -1);
        for (int i = 0; i < stationNode.length; i++) {
            stationNode[i] = nodes.get(this.stations.get(i).id());
            nodeStation[stationNode[i]] = i;
        }
        edgeFrom = new int[this.channels.size()];
        edgeTo = new int[this.channels.size()];
        List<List<Integer>> outs = new ArrayList<>();
        List<List<Integer>> ins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            outs.add(new ArrayList<>());
            ins.add(new ArrayList<>());
        }
        for (int e = 0; e < edgeFrom.length; e++) {
            ChannelEdge c = this.channels.get(e);
            edgeFrom[e] = nodes.get(c.fromNode());
            edgeTo[e] = nodes.get(c.toNode());
            outs.get(edgeFrom[e]).add(e);
            ins.get(edgeTo[e]).add(e);
        }
        outEdges = toArrays(outs);
        inEdges = toArrays(ins);
        topoOrder = topologicalSort();
    }

    private static int[][] toArrays(List<List<Integer>> lists) {
        int[][] out = new int[lists.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /**
     * The ledger's own flow order over every node (junctions included), so the simulator and the tracing contract
     * agree on what upstream means; a cycle is a modelling error (water does not flow in circles), named.
     */
    private int[] topologicalSort() {
        StationGraph.Builder graph = StationGraph.builder();
        nodeIds.forEach(graph::station);
        channels.forEach(c -> graph.flow(c.fromNode(), c.toNode()));
        try {
            return graph.build().flowOrder().stream().mapToInt(nodeIndex::get).toArray();
        } catch (NetworkCycleException e) {
            throw new IllegalArgumentException("the channel network has a cycle: " + String.join(" -> ", e.nodes())
                    + " -> " + e.nodes().get(0), e);
        }
    }

    /**
     * Builds the network from registry actions in ledger order: stations with their current (last registered,
     * not retired) device, channels, factories. A station without a device stays a node of the network but
     * produces no samples, since nothing could sign them.
     */
    public static StationNetwork fromRegistry(List<? extends RegistryAction> actions, NetworkDefaults defaults) {
        Map<String, RegisterStation> stationActions = new LinkedHashMap<>();
        Map<String, String> deviceOfStation = new HashMap<>();
        Map<String, String> stationOfDevice = new HashMap<>();
        Map<String, ChannelEdge> channels = new LinkedHashMap<>();
        Map<String, FactoryOutlet> factories = new LinkedHashMap<>();
        for (RegistryAction a : actions) {
            if (a instanceof RegisterStation s) {
                stationActions.put(s.id(), s);
            } else if (a instanceof RegisterDevice d) {
                String previous = deviceOfStation.put(d.stationId(), d.deviceId());
                if (previous != null && !previous.equals(d.deviceId())) {
                    stationOfDevice.remove(previous);
                }
                stationOfDevice.put(d.deviceId(), d.stationId());
            } else if (a instanceof RetireDevice r) {
                String station = stationOfDevice.remove(r.deviceId());
                if (station != null) {
                    deviceOfStation.remove(station, r.deviceId());
                }
            } else if (a instanceof AddChannel c) {
                channels.put(c.id(), new ChannelEdge(c.id(), c.fromNode(), c.toNode(), c.lengthM(),
                        defaults.channelVelocityMps()));
            } else if (a instanceof RegisterFactory f) {
                factories.put(f.id(), new FactoryOutlet(f.id(), f.industry(), f.dischargeNode(), f.pollutants()));
            }
        }
        List<StationSpec> stations = new ArrayList<>();
        for (RegisterStation s : stationActions.values()) {
            String device = deviceOfStation.get(s.id());
            if (device == null) {
                continue;
            }
            boolean batch = s.stationKind() == StationKind.HEAVY_METAL;
            stations.add(new StationSpec(s.id(), s.stationKind(), device, StationSpec.defaultQuantities(s.stationKind()),
                    batch ? defaults.heavyMetalIntervalMs() : defaults.regularIntervalMs(),
                    batch ? defaults.heavyMetalReportDelayMs() : 0));
        }
        // Stations without a device still shape the network: keep them as plain nodes via their channels.
        return new StationNetwork(stations, List.copyOf(channels.values()), List.copyOf(factories.values()));
    }

    /** The registry actions of a demo alliance's genesis value block, so the simulator reports as its devices. */
    public static StationNetwork fromGenesis(DemoAlliance.Genesis genesis, NetworkDefaults defaults) {
        List<RegistryAction> actions = new ArrayList<>();
        for (var block : genesis.blocks()) {
            if (block.header().chain() != org.waterchain.ledger.chain.ChainId.VALUE) {
                continue;
            }
            for (byte[] entry : block.entries()) {
                ValueEntry v = ValueEntry.decode(entry);
                if (!v.isTransfer()) {
                    actions.add(v.registryAction());
                }
            }
        }
        return fromRegistry(actions, defaults);
    }

    /**
     * The demo district (stations R04..R12 and M02, their "-A" devices, channels and factories) as
     * {@link DemoAlliance} registers it. Builds a throwaway genesis: only its registry actions are used.
     */
    public static StationNetwork demo(NetworkDefaults defaults) {
        return fromGenesis(DemoAlliance.create(KeyPair.generate(), List.of(), 0), defaults);
    }

    public static StationNetwork demo() {
        return demo(NetworkDefaults.DEMO);
    }

    public List<StationSpec> stations() {
        return stations;
    }

    public List<ChannelEdge> channels() {
        return channels;
    }

    public List<FactoryOutlet> factories() {
        return factories;
    }

    /** Every node: stations first in their listed order, then channel ends that are not stations. */
    public List<String> nodeIds() {
        return nodeIds;
    }

    public Optional<StationSpec> station(String id) {
        Integer i = stationIndex.get(id);
        return i == null ? Optional.empty() : Optional.of(stations.get(i));
    }

    public Optional<FactoryOutlet> factory(String id) {
        return Optional.ofNullable(factoryById.get(id));
    }

    public Optional<ChannelEdge> channel(String id) {
        return Optional.ofNullable(channelById.get(id));
    }

    public boolean hasNode(String id) {
        return nodeIndex.containsKey(id);
    }

    /** Nodes in flow order: every node comes after all nodes upstream of it. */
    public List<String> topologicalOrder() {
        List<String> out = new ArrayList<>(topoOrder.length);
        for (int i : topoOrder) {
            out.add(nodeIds.get(i));
        }
        return Collections.unmodifiableList(out);
    }

    public List<ChannelEdge> downstreamChannels(String nodeId) {
        return edgesOf(outEdges[requireNode(nodeId)]);
    }

    public List<ChannelEdge> upstreamChannels(String nodeId) {
        return edgesOf(inEdges[requireNode(nodeId)]);
    }

    /** Every node water from {@code nodeId} reaches, in flow order (the node itself excluded). */
    public List<String> downstreamNodes(String nodeId) {
        boolean[] seen = new boolean[nodeIds.size()];
        ArrayDeque<Integer> pending = new ArrayDeque<>();
        pending.add(requireNode(nodeId));
        while (!pending.isEmpty()) {
            for (int e : outEdges[pending.poll()]) {
                if (!seen[edgeTo[e]]) {
                    seen[edgeTo[e]] = true;
                    pending.add(edgeTo[e]);
                }
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i : topoOrder) {
            if (seen[i]) {
                out.add(nodeIds.get(i));
            }
        }
        return List.copyOf(out);
    }

    private List<ChannelEdge> edgesOf(int[] idx) {
        List<ChannelEdge> out = new ArrayList<>(idx.length);
        for (int e : idx) {
            out.add(channels.get(e));
        }
        return Collections.unmodifiableList(out);
    }

    int requireNode(String nodeId) {
        Integer i = nodeIndex.get(nodeId);
        if (i == null) {
            throw new IllegalArgumentException("no station or channel node '" + nodeId + "' in the network");
        }
        return i;
    }

    int requireStation(String stationId) {
        Integer i = stationIndex.get(stationId);
        if (i == null) {
            throw new IllegalArgumentException("no simulated station '" + stationId + "' (stations: "
                    + (stations.size() <= 20 ? stations.stream().map(StationSpec::id).toList() : stations.size() + " of them")
                    + ")");
        }
        return i;
    }

    int nodeCount() {
        return nodeIds.size();
    }

    int stationNode(int station) {
        return stationNode[station];
    }

    int nodeStation(int node) {
        return nodeStation[node];
    }

    int[] outEdges(int node) {
        return outEdges[node];
    }

    int[] inEdges(int node) {
        return inEdges[node];
    }

    int edgeFrom(int edge) {
        return edgeFrom[edge];
    }

    int edgeTo(int edge) {
        return edgeTo[edge];
    }

    int edgeIndex(String channelId) {
        ChannelEdge c = channelById.get(channelId);
        if (c == null) {
            throw new IllegalArgumentException("no channel '" + channelId + "' in the network");
        }
        return channels.indexOf(c);
    }

    int[] topoOrderIndexes() {
        return topoOrder;
    }

    @Override
    public String toString() {
        return "StationNetwork[" + stations.size() + " stations, " + nodeIds.size() + " nodes, " + channels.size()
                + " channels, " + factories.size() + " factories]";
    }
}
