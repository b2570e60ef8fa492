package org.waterchain.app.trace.narrowing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;

/**
 * Dry-weather flows by a mass balance in flow order, the rule the station-network simulator uses (its
 * {@code Hydrology}): a node no channel flows into gets the headwater flow, every other node its upstream
 * channels' flow plus a lateral inflow from its own catchment, and a node with several downstream channels splits
 * its flow equally among them. So the trace dilutes a discharge at confluences the way the demo's events are
 * diluted. Flows in m³/s; the registry has none, so these are assumptions.
 */
public final class DryWeatherFlows {
    private final Map<String, Double> nodes = new HashMap<>();
    private final Map<String, Double> channels = new HashMap<>();

    private DryWeatherFlows(FlowNetwork network, double headwaterM3s, double lateralM3s) {
        for (String n : network.flowOrder()) {
            List<AddChannel> in = network.into(n);
            double q = in.isEmpty() ? headwaterM3s : lateralM3s;
            for (AddChannel c : in) {
                q += channels.get(c.id());
            }
            nodes.put(n, q);
            List<AddChannel> out = network.outOf(n);
            for (AddChannel c : out) {
                channels.put(c.id(), q / out.size());
            }
        }
    }

    public static DryWeatherFlows of(FlowNetwork network, double headwaterM3s, double lateralM3s) {
        if (!(headwaterM3s > 0) || !(lateralM3s >= 0)) {
            throw new IllegalArgumentException("headwater flow must be positive and lateral inflow >= 0, got "
                    + headwaterM3s + " and " + lateralM3s + " m³/s");
        }
        return new DryWeatherFlows(network, headwaterM3s, lateralM3s);
    }

    public double channelM3s(String channelId) {
        return lookup(channels, channelId, "channel");
    }

    /** The flow leaving a node: what arrives plus its own catchment's inflow. */
    public double nodeM3s(String nodeId) {
        return lookup(nodes, nodeId, "node");
    }

    private static double lookup(Map<String, Double> flows, String id, String kind) {
        Double q = flows.get(id);
        if (q == null) {
            throw new IllegalArgumentException("no " + kind + " '" + id + "' in the network");
        }
        return q;
    }
}
