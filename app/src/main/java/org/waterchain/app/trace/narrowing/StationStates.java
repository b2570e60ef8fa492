package org.waterchain.app.trace.narrowing;

import java.util.Collection;
import java.util.Set;

/**
 * What the stations showed at the time point of a pollution event: polluted, not observed (offline, or not
 * measuring anything that would show the event), or clean (every other registered station). A clean station
 * would have seen pollution passing it, so no pathway runs through one.
 */
public record StationStates(Set<String> polluted, Set<String> unobserved) {
    public StationStates {
        polluted = Set.copyOf(polluted);
        unobserved = Set.copyOf(unobserved);
        for (String s : polluted) {
            if (unobserved.contains(s)) {
                throw new IllegalArgumentException("station " + s + " cannot be both polluted and unobserved");
            }
        }
    }

    /** Every station outside {@code polluted} is taken as clean. */
    public static StationStates polluted(Collection<String> polluted) {
        return new StationStates(Set.copyOf(polluted), Set.of());
    }

    public StationStates withUnobserved(Collection<String> stations) {
        return new StationStates(polluted, Set.copyOf(stations));
    }

    public boolean isClean(String stationId) {
        return !polluted.contains(stationId) && !unobserved.contains(stationId);
    }
}
