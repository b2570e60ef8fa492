package org.waterchain.devices.sim;

import java.util.Objects;

/** Where a pollutant enters the network: at a node (a station, a junction, a factory's outfall) or along a channel. */
public sealed interface EventSite {

    static EventSite atNode(String nodeId) {
        return new AtNode(nodeId);
    }

    /** A point {@code offsetM} metres downstream of the channel's upstream end, e.g. a factory's pipe into a reach. */
    static EventSite onChannel(String channelId, double offsetM) {
        return new OnChannel(channelId, offsetM);
    }

    /** A readable form for logs and event lists, e.g. "R04" or "C3+120m". */
    String describe();

    record AtNode(String nodeId) implements EventSite {
        public AtNode {
            Objects.requireNonNull(nodeId, "node id");
        }

        @Override
        public String describe() {
            return nodeId;
        }
    }

    record OnChannel(String channelId, double offsetM) implements EventSite {
        public OnChannel {
            Objects.requireNonNull(channelId, "channel id");
            if (!(offsetM >= 0) || !Double.isFinite(offsetM)) {
                throw new IllegalArgumentException("offset along channel " + channelId + " must be >= 0, got " + offsetM);
            }
        }

        @Override
        public String describe() {
            return channelId + "+" + Math.round(offsetM) + "m";
        }
    }
}
