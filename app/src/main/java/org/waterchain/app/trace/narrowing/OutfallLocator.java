package org.waterchain.app.trace.narrowing;

import java.util.List;
import java.util.Optional;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.RegisterFactory;

/**
 * Finds a factory's outfall: its registered discharge node when that node is on the network, otherwise the nearest
 * point of any channel with a surveyed geometry, within a snapping distance. The nearest channel of the whole
 * network, not just the upstream ones: a pipe runs to the closest water, and a factory whose closest channel lies
 * on another branch cannot have polluted this one. Offsets along a channel are scaled to its registered length,
 * which may differ from the length of its drawn geometry.
 */
final class OutfallLocator {
    private static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;

    private OutfallLocator() {}

    static Optional<Outfall> locate(RegisterFactory factory, FlowNetwork network, double maxSnapM) {
        String node = factory.dischargeNode();
        if (node != null && !node.isBlank() && network.contains(node)) {
            return Optional.of(new Outfall.AtNode(node));
        }
        Outfall.OnChannel best = null;
        for (AddChannel c : network.channels()) {
            Outfall.OnChannel on = nearestOn(c, factory.location());
            if (on != null && (best == null || on.snapDistanceM() < best.snapDistanceM()
                    || (on.snapDistanceM() == best.snapDistanceM() && on.channelId().compareTo(best.channelId()) < 0))) {
                best = on;
            }
        }
        return best != null && best.snapDistanceM() <= maxSnapM ? Optional.of(best) : Optional.empty();
    }

    /**
     * Nearest point of the channel's polyline to p, in a local equirectangular projection around p (metres; its
     * error over the few kilometres that matter is far below a channel's width).
     */
    private static Outfall.OnChannel nearestOn(AddChannel c, GeoPoint p) {
        List<GeoPoint> line = c.geometry();
        if (line.size() < 2) {
            return null;
        }
        double kx = METRES_PER_DEGREE * Math.cos(Math.toRadians(p.lat()));
        double ky = METRES_PER_DEGREE;
        double total = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        double bestAlong = 0;
        for (int i = 0; i + 1 < line.size(); i++) {
            double ax = (line.get(i).lon() - p.lon()) * kx;
            double ay = (line.get(i).lat() - p.lat()) * ky;
            double dx = (line.get(i + 1).lon() - line.get(i).lon()) * kx;
            double dy = (line.get(i + 1).lat() - line.get(i).lat()) * ky;
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
            double distance = Math.hypot(ax + t * dx, ay + t * dy);
            double len = Math.sqrt(len2);
            if (distance < bestDistance) {
                bestDistance = distance;
                bestAlong = total + t * len;
            }
            total += len;
        }
        double offset = total == 0 ? 0 : bestAlong / total * c.lengthM();
        return new Outfall.OnChannel(c.id(), offset, bestDistance);
    }
}
