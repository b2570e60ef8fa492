package org.waterchain.devices.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows an event's excess down every flow path and says what reaches each node: advection delay length/velocity
 * per channel, dispersion variance 2*D*L/v^3 per channel (the spread in time of a slug after travelling L at v with
 * dispersion coefficient D), dilution by the flow share at each node, and first-order decay over the travel time.
 */
final class EventTransport {
    /** Below this fraction of the site's excess a path is not followed further: nobody could measure it. */
    private static final double NEGLIGIBLE = 1e-4;
    /** Guard against path explosion in a heavily braided network. */
    private static final int MAX_ARRIVALS = 200_000;

    private final StationNetwork network;
    private final Hydrology hydrology;
    private final double dispersionM2s;

    EventTransport(StationNetwork network, Hydrology hydrology, double dispersionM2s) {
        this.network = network;
        this.hydrology = hydrology;
        this.dispersionM2s = dispersionM2s;
    }

    List<EventArrival> arrivals(PollutionEvent event) {
        double decayPerSecond = QuantityModel.of(event.quantity()).decayPerHour() / 3600;
        List<EventArrival> out = new ArrayList<>();
        if (event.site() instanceof EventSite.AtNode at) {
            int node = network.requireNode(at.nodeId());
            List<String> path = List.of(at.nodeId());
            out.add(arrival(event, node, 0, 1, 0, path));
            follow(event, node, 0, 1, 0, path, decayPerSecond, out);
        } else if (event.site() instanceof EventSite.OnChannel on) {
            int edge = network.edgeIndex(on.channelId());
            ChannelEdge c = network.channels().get(edge);
            if (on.offsetM() > c.lengthM()) {
                throw new IllegalArgumentException("event site " + on.describe() + " lies beyond the end of channel "
                        + c.id() + " (" + c.lengthM() + " m long)");
            }
            double remaining = c.lengthM() - on.offsetM();
            double seconds = remaining / c.velocityMps();
            double variance = 2 * dispersionM2s * remaining / Math.pow(c.velocityMps(), 3);
            double factor = hydrology.dilutionInto(edge) * Math.exp(-decayPerSecond * seconds);
            int to = network.edgeTo(edge);
            List<String> path = List.of(c.toNode());
            out.add(arrival(event, to, seconds, factor, variance, path));
            follow(event, to, seconds, factor, variance, path, decayPerSecond, out);
        }
        return out;
    }

    private void follow(PollutionEvent event, int node, double seconds, double factor, double variance,
                        List<String> path, double decayPerSecond, List<EventArrival> out) {
        for (int e : network.outEdges(node)) {
            ChannelEdge c = network.channels().get(e);
            double s = seconds + c.travelSeconds();
            double f = factor * hydrology.dilutionInto(e) * Math.exp(-decayPerSecond * c.travelSeconds());
            if (f < NEGLIGIBLE) {
                continue;
            }
            double v = variance + 2 * dispersionM2s * c.lengthM() / Math.pow(c.velocityMps(), 3);
            List<String> p = new ArrayList<>(path.size() + 1);
            p.addAll(path);
            p.add(c.toNode());
            int to = network.edgeTo(e);
            out.add(arrival(event, to, s, f, v, p));
            if (out.size() > MAX_ARRIVALS) {
                throw new IllegalStateException("event " + event.id() + " reaches nodes along more than " + MAX_ARRIVALS
                        + " paths: the network is too braided to follow every path");
            }
            follow(event, to, s, f, v, p, decayPerSecond, out);
        }
    }

    private EventArrival arrival(PollutionEvent event, int node, double seconds, double factor, double variance,
                                 List<String> path) {
        return new EventArrival(event.id(), network.nodeIds().get(node), network.nodeStation(node) >= 0,
                event.quantity(), event.startMs(), event.durationMs(), event.magnitude(), Math.round(seconds * 1000),
                factor, Math.sqrt(variance) * 1000, path);
    }
}
