package org.waterchain.devices.sim;

import java.util.Objects;
import org.waterchain.ledger.record.Quantity;

/**
 * A discharge that raises (or, for DO, pH and ORP, may lower) one quantity at a site for a while. The excess travels
 * downstream; {@link EventArrival}s say where and when it arrives.
 *
 * @param magnitude  the excess at the site itself, in the quantity's unit, while the discharge lasts
 * @param sourceId   what caused it: a factory id for a factory discharge, otherwise the site
 * @param background true for the simulator's own random events, false for injected ones
 */
public record PollutionEvent(String id, EventSite site, Quantity quantity, long startMs, long durationMs,
                             double magnitude, String sourceId, boolean background) {
    public PollutionEvent {
        Objects.requireNonNull(id, "event id");
        Objects.requireNonNull(site, "event site");
        Objects.requireNonNull(quantity, "event quantity");
        Objects.requireNonNull(sourceId, "event source");
        if (durationMs <= 0) {
            throw new IllegalArgumentException("event " + id + ": duration must be positive, got " + durationMs + " ms");
        }
        if (!Double.isFinite(magnitude) || magnitude == 0) {
            throw new IllegalArgumentException("event " + id + ": magnitude must be finite and non-zero, got " + magnitude);
        }
    }

    public long endMs() {
        return startMs + durationMs;
    }
}
