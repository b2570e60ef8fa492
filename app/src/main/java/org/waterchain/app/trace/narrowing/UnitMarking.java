package org.waterchain.app.trace.narrowing;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The irrigation units a pollution event concerns, by where their turnouts take water.
 *
 * @param byUnit every unit's status, in the order the units were given
 */
public record UnitMarking(Map<String, UnitStatus> byUnit) {
    public UnitMarking {
        byUnit = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byUnit));
    }

    /**
     * Marks each unit by its supply node:
     * <ul>
     *   <li>{@link UnitStatus#POLLUTED}: the node is a polluted station's node, or lies downstream of one along a
     *       channel path that enters no clean station. Pollution goes with the water until a station shows it
     *       clean; that station's own node is clean, as is everything reached only through it.</li>
     *   <li>{@link UnitStatus#UPSTREAM}: otherwise, the node lies within reachM upstream of one of the source
     *       stations, along channels that pass no clean station (the area {@link FactoryNarrowing#searchArea}
     *       searches for factories).</li>
     *   <li>{@link UnitStatus#OUTSIDE}: otherwise, when the node is on the network.</li>
     *   <li>{@link UnitStatus#OFF_NETWORK}: when no registered channel starts or ends at the node.</li>
     * </ul>
     * Stations are clean, polluted or unobserved as {@link StationStates} says; source stations count as polluted
     * whether or not the states list them.
     */
    public static UnitMarking mark(FactoryNarrowing narrowing, List<SupplyPoint> units, StationStates states,
                                   Collection<String> sources, double reachM) {
        Set<String> pollutedStations = new HashSet<>(states.polluted());
        pollutedStations.addAll(sources);
        StationStates withSources = new StationStates(pollutedStations, withoutAll(states.unobserved(), pollutedStations));
        FlowNetwork network = narrowing.network();
        Set<String> polluted = network.downstreamOf(
                pollutedStations.stream().filter(network::contains).toList(), narrowing.cleanStation(withSources));
        Set<String> upstream = new HashSet<>();
        for (String source : sources) {
            upstream.addAll(narrowing.searchArea(source, withSources, reachM).nodes());
        }
        Map<String, UnitStatus> out = new LinkedHashMap<>();
        for (SupplyPoint u : units) {
            String n = u.supplyNode();
            UnitStatus s = !network.contains(n) ? UnitStatus.OFF_NETWORK
                    : polluted.contains(n) ? UnitStatus.POLLUTED
                    : upstream.contains(n) ? UnitStatus.UPSTREAM
                    : UnitStatus.OUTSIDE;
            out.put(u.unitId(), s);
        }
        return new UnitMarking(out);
    }

    public List<String> polluted() {
        return with(UnitStatus.POLLUTED);
    }

    public List<String> upstream() {
        return with(UnitStatus.UPSTREAM);
    }

    public List<String> with(UnitStatus status) {
        return byUnit.entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey).toList();
    }

    private static Set<String> withoutAll(Set<String> from, Set<String> remove) {
        Set<String> s = new HashSet<>(from);
        s.removeAll(remove);
        return s;
    }
}
