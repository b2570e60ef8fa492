package org.waterchain.app.trace.narrowing;

import java.util.List;

/**
 * One pollution event to trace to its source factories.
 *
 * @param sourceStationId the most upstream polluted station (the pollution-coin trace's source station)
 * @param quantity        the quantity symbol, e.g. "CU"
 * @param observations    what the source station reported for the quantity around the event
 * @param background      what it reads without the discharge (e.g. its level before the event)
 * @param states          which stations were polluted, unobserved or clean at the event's time point
 * @param window          when the discharge ran, as far as known
 * @param reachM          how far upstream of the source to look, along the channels
 */
public record TraceRequest(String sourceStationId, String quantity, List<Observation> observations, double background,
                           StationStates states, DischargeWindow window, double reachM) {
    public TraceRequest {
        observations = List.copyOf(observations);
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("a trace needs at least one observation at " + sourceStationId);
        }
        if (!Double.isFinite(background)) {
            throw new IllegalArgumentException("background must be finite, got " + background);
        }
        if (states == null || window == null || quantity == null || sourceStationId == null) {
            throw new IllegalArgumentException("source station, quantity, station states and window are required");
        }
        if (!(reachM >= 0) || Double.isInfinite(reachM)) {
            throw new IllegalArgumentException("reach must be a finite number >= 0 m, got " + reachM);
        }
    }
}
