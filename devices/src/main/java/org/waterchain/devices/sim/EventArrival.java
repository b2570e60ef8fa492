package org.waterchain.devices.sim;

import java.util.List;
import org.waterchain.ledger.record.Quantity;

/**
 * What one event brings to one node along one flow path: the discharge's rectangular pulse, delayed by the advection
 * time, scaled by dilution at confluences and by decay on the way, and smeared by longitudinal dispersion into a
 * rectangle convolved with a Gaussian (the advection-dispersion solution for a slug release, in time at a fixed
 * point). A node reached along two paths (a braid, a split that rejoins) gets two arrivals; their excesses add up.
 *
 * @param nodeId      where it arrives (a station id, or a junction)
 * @param station     whether {@code nodeId} is a simulated station
 * @param delayMs     advection time from the site to this node
 * @param factor      dilution times decay: the fraction of the site's excess left in a long discharge
 * @param sigmaMs     standard deviation in time of the dispersion that spreads the pulse's edges
 * @param path        the nodes from the site (or the first node below a channel site) to this one
 */
public record EventArrival(String eventId, String nodeId, boolean station, Quantity quantity, long eventStartMs,
                           long durationMs, double magnitude, long delayMs, double factor, double sigmaMs,
                           List<String> path) {

    public EventArrival {
        path = List.copyOf(path);
    }

    /** When the middle of the pulse's leading edge arrives. */
    public long arrivalMs() {
        return eventStartMs + delayMs;
    }

    /** When the pulse is highest: the middle of the smeared rectangle. */
    public long peakTimeMs() {
        return arrivalMs() + durationMs / 2;
    }

    /** The highest excess this arrival brings, lower than magnitude * factor when dispersion eats a short pulse. */
    public double peakExcess() {
        if (sigmaMs <= 0) {
            return magnitude * factor;
        }
        return magnitude * factor * Erf.erf(durationMs / (2 * Math.sqrt(2) * sigmaMs));
    }

    /** The excess at {@code timeMs}; nothing before the discharge began (the Gaussian tail would reach back). */
    public double excessAt(long timeMs) {
        if (timeMs < eventStartMs) {
            return 0;
        }
        double t = timeMs - (double) arrivalMs();
        if (sigmaMs <= 0) {
            return t >= 0 && t < durationMs ? magnitude * factor : 0;
        }
        double k = 1 / (Math.sqrt(2) * sigmaMs);
        return 0.5 * magnitude * factor * (Erf.erf(t * k) - Erf.erf((t - durationMs) * k));
    }

    /** Start of the span outside which the excess is negligible (six standard deviations). */
    public long windowStartMs() {
        return Math.max(eventStartMs, arrivalMs() - (long) Math.ceil(6 * sigmaMs));
    }

    /** End of that span. */
    public long windowEndMs() {
        return arrivalMs() + durationMs + (long) Math.ceil(6 * sigmaMs);
    }
}
