package org.waterchain.app.trace.narrowing;

/** Where a factory's waste water joins the channels. */
public sealed interface Outfall {

    /** At a node of the network: the factory's registered discharge node. */
    record AtNode(String nodeId) implements Outfall {}

    /**
     * On a channel, offsetM metres below its upstream end: the point of the channel nearest the factory, for a
     * factory whose discharge node is not on the network.
     *
     * @param snapDistanceM how far the factory lies from that point
     */
    record OnChannel(String channelId, double offsetM, double snapDistanceM) implements Outfall {}
}
