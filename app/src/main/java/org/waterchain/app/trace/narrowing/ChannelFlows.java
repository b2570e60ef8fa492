package org.waterchain.app.trace.narrowing;

/** Flow in each channel and at each node of a network, m³/s. The registry has none, so these are assumptions. */
public interface ChannelFlows {

    double channelM3s(String channelId);

    /** The flow leaving a node: what arrives plus its own catchment's inflow. */
    double nodeM3s(String nodeId);

    /** The same flow everywhere: one channel with no tributaries, like the paper's San-Kuai-Tsuo stretch. */
    static ChannelFlows uniform(double flowM3s) {
        if (!(flowM3s > 0)) {
            throw new IllegalArgumentException("flow must be positive, got " + flowM3s + " m³/s");
        }
        return new ChannelFlows() {
            @Override
            public double channelM3s(String channelId) {
                return flowM3s;
            }

            @Override
            public double nodeM3s(String nodeId) {
                return flowM3s;
            }
        };
    }
}
