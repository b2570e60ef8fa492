package org.waterchain.app.trace.narrowing;

/** A channel, or its lower part below an outfall, on a pathway: metres of it the water runs, in flow direction. */
public record ChannelPiece(String channelId, String fromNode, String toNode, double lengthM) {}
