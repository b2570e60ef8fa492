package org.waterchain.app.trace;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.waterchain.app.trace.narrowing.Candidate;
import org.waterchain.app.trace.narrowing.Observation;
import org.waterchain.app.trace.narrowing.UnitStatus;
import org.waterchain.ledger.trace.Pathway;
import org.waterchain.ledger.trace.TraceResult;

/**
 * Everything the regulator is shown about one traced time point: the pathways as the ledger's coins give them, and
 * for each source station the candidate factories ranked by the reverse simulation. Immutable: computed off the FX
 * thread, handed to the screen, the map and the report.
 *
 * @param limit       the standard's limit the stations exceeded (max, or min for a lower limit), for captions
 * @param unit        the quantity's unit, e.g. "mg/L"
 * @param units       irrigation units by id: POLLUTED (orange on the map) or UPSTREAM (purple); others left out
 * @param channels    ids of the channels the pathways run along (for the map)
 */
public record TraceFinding(TraceResult result, double limit, String unit, List<SourceFinding> sources,
                           Map<String, UnitStatus> units, Set<String> channels) {
    public TraceFinding {
        sources = List.copyOf(sources);
        units = Map.copyOf(units);
        channels = Set.copyOf(channels);
    }

    /**
     * One source station and what the reverse simulation makes of it.
     *
     * @param observations  the source's readings the loads were fitted to, from the one before the last clean one on
     * @param dischargeFrom the source's last clean reading: each candidate's discharge is timed so its water arrives
     *                      between the readings on either side of it (the candidate's travel time earlier)
     * @param candidates    ranked, best first; empty when no factory with this pollutant lies within reach
     */
    public record SourceFinding(String station, List<Observation> observations, long dischargeFrom,
                                List<Candidate> candidates) {
        public SourceFinding {
            observations = List.copyOf(observations);
            candidates = List.copyOf(candidates);
        }
    }

    public String quantity() {
        return result.quantity();
    }

    public long timePointMs() {
        return result.timePointMs();
    }

    public List<Pathway> pathways() {
        return result.pathways();
    }

    /** The best candidate of every source, in source order, for headlines and alarms. */
    public List<Candidate> leaders() {
        return sources.stream().filter(s -> !s.candidates().isEmpty()).map(s -> s.candidates().get(0)).toList();
    }

    /** The {@link #leaders() leaders} as "id name", joined by ", "; empty when there are none. */
    public String leaderNames() {
        return leaders().stream().map(c -> c.factoryId() + " " + c.name()).collect(Collectors.joining(", "));
    }
}
