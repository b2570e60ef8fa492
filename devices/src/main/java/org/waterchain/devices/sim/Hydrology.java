package org.waterchain.devices.sim;

/**
 * Dry-weather flow at every node, by a mass balance in flow order: a node's flow is its own catchment's inflow plus
 * what its upstream channels bring, and a node with several downstream channels splits its flow equally among them.
 * The same balance gives the dilution of a pollutant at a confluence: the share of the mixed flow that came down
 * the polluted branch.
 */
final class Hydrology {
    private final StationNetwork network;
    private final double[] nodeFlowM3h;

    Hydrology(StationNetwork network, double headwaterFlowM3h, double lateralFlowM3h) {
        this.network = network;
        nodeFlowM3h = new double[network.nodeCount()];
        for (int node : network.topoOrderIndexes()) {
            int[] in = network.inEdges(node);
            double q = in.length == 0 ? headwaterFlowM3h : lateralFlowM3h;
            for (int e : in) {
                q += channelFlowM3h(e);
            }
            nodeFlowM3h[node] = q;
        }
    }

    double nodeFlowM3h(int node) {
        return nodeFlowM3h[node];
    }

    /** Flow carried by a channel: its upstream node's flow, split equally at a divergence. */
    double channelFlowM3h(int edge) {
        int from = network.edgeFrom(edge);
        return nodeFlowM3h[from] / network.outEdges(from).length;
    }

    /** Fraction of the flow below the channel's downstream node that came down this channel. */
    double dilutionInto(int edge) {
        return channelFlowM3h(edge) / nodeFlowM3h[network.edgeTo(edge)];
    }
}
