package org.waterchain.app.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.waterchain.app.session.RegistryView;
import org.waterchain.app.standards.ComplianceClass;
import org.waterchain.app.standards.Standard;
import org.waterchain.app.trace.narrowing.Candidate;
import org.waterchain.app.trace.narrowing.DischargeWindow;
import org.waterchain.app.trace.narrowing.FlowNetwork;
import org.waterchain.app.trace.narrowing.Observation;
import org.waterchain.app.trace.narrowing.SourceNarrowing;
import org.waterchain.app.trace.narrowing.StationStates;
import org.waterchain.app.trace.narrowing.SupplyPoint;
import org.waterchain.app.trace.narrowing.TraceRequest;
import org.waterchain.app.trace.narrowing.TransportAssumptions;
import org.waterchain.app.trace.narrowing.UnitMarking;
import org.waterchain.app.trace.narrowing.UnitStatus;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.store.StoredRecord;
import org.waterchain.ledger.trace.Pathway;
import org.waterchain.ledger.trace.PollutionContract;
import org.waterchain.ledger.trace.TraceResult;
import org.waterchain.ledger.trace.Traces;

/**
 * Turns a traced time point into a {@link TraceFinding}: the pathways from the coins' history (the ledger's
 * extraction), then, for each source station, the GIS narrowing and reverse simulation over the source's own
 * readings. Blocking (ledger reads, a simulation per candidate): run it off the FX thread.
 *
 * <p>Each candidate's discharge is assumed to have begun so that its water arrives at the source around the
 * source's last clean reading before the exceedance, at the moment between the readings on either side of it that
 * fits best ({@link DischargeWindow.ArrivingAfter}): a trace runs as soon as the hour closes, with only a few
 * exceeding readings, so the true start is unknown and lies earlier by each outfall's own travel time. The
 * candidates are then compared on the shape of the rise and the load they need. The last clean reading is shown
 * with every finding.
 */
public final class TraceAnalysis {
    /** How far back the source's readings are read to find the last clean one. */
    static final long LOOKBACK_MS = 12 * PollutionContract.TIME_POINT_MS;

    private final LedgerQueries queries;
    private final Traces traces;
    private final Supplier<RegistryView> registry;
    private final Supplier<List<SupplyPoint>> units;
    private final TransportAssumptions assumptions;
    private final double reachM;

    public TraceAnalysis(LedgerQueries queries, Supplier<RegistryView> registry, Supplier<List<SupplyPoint>> units,
                         TransportAssumptions assumptions, double reachM) {
        this.queries = queries;
        this.traces = new Traces(queries);
        this.registry = registry;
        this.units = units;
        this.assumptions = assumptions;
        this.reachM = reachM;
    }

    public Traces traces() {
        return traces;
    }

    /** The finding of one traced time point; its pathways are empty when the time point was not traced. */
    public TraceFinding analyse(Quantity q, long timePointMs) {
        RegistryView reg = registry.get();
        TraceResult result = traces.extract(q, timePointMs);
        Standard standard = reg.standards().of(q).orElse(null);
        double limit = standard == null ? Double.NaN : standard.hasMax() ? standard.max() : standard.min();
        Set<String> polluted = new TreeSet<>();
        result.pathways().forEach(p -> polluted.addAll(p.stations()));
        // a station that does not measure the quantity is not clean: the search for dischargers goes past it
        Set<String> unobserved = new TreeSet<>();
        for (String station : reg.stations().keySet()) {
            if (!polluted.contains(station) && readings(station, q, timePointMs,
                    timePointMs + PollutionContract.TIME_POINT_MS).isEmpty()) {
                unobserved.add(station);
            }
        }
        StationStates states = StationStates.polluted(polluted).withUnobserved(unobserved);
        SourceNarrowing narrowing = new SourceNarrowing(reg, assumptions);
        List<TraceFinding.SourceFinding> sources = new ArrayList<>();
        for (String source : result.sources()) {
            sources.add(source(narrowing, source, q, timePointMs, standard, states));
        }
        Map<String, UnitStatus> marks = new LinkedHashMap<>();
        if (result.traced()) {
            UnitMarking.mark(narrowing.narrowing(), units.get(), states, result.sources(), reachM).byUnit()
                    .forEach((unit, status) -> {
                        if (status == UnitStatus.POLLUTED || status == UnitStatus.UPSTREAM) {
                            marks.put(unit, status);
                        }
                    });
        }
        return new TraceFinding(result, limit, q.unit(), sources, marks,
                pathwayChannels(narrowing.narrowing().network(), result.pathways()));
    }

    private TraceFinding.SourceFinding source(SourceNarrowing narrowing, String station, Quantity q, long t,
                                              Standard standard, StationStates states) {
        List<Observation> all = readings(station, q, t - LOOKBACK_MS, t + PollutionContract.TIME_POINT_MS);
        int firstOfRun = firstOfExceedance(all, standard, t);
        int lastClean = firstOfRun - 1;
        long from = lastClean >= 0 ? all.get(lastClean).timeMs() : t - PollutionContract.TIME_POINT_MS;
        // everything from the reading before the last clean one is evidence (the last clean reading may already
        // carry the front of a slow rise), including readings that fell back under the limit
        int firstFitted = Math.max(0, lastClean - 1);
        List<Observation> fitted = all.subList(firstFitted, all.size());
        // the background is what came before
        List<Observation> before = lastClean < 0 ? List.of() : all.subList(0, Math.max(firstFitted, 1));
        double background = before.stream().mapToDouble(Observation::value).average().orElse(0);
        if (fitted.isEmpty()) {
            return new TraceFinding.SourceFinding(station, List.of(), from, List.of());
        }
        List<Candidate> ranked = narrowing.candidates(new TraceRequest(station, q.symbol(), fitted, background, states,
                new DischargeWindow.ArrivingAfter(from), reachM));
        return new TraceFinding.SourceFinding(station, fitted, from, ranked);
    }

    /**
     * The index of the first reading of the exceedance the coins were issued for: the run of exceeding readings
     * that holds the first exceedance in the traced hour (it may have begun earlier); a short event that fell back
     * under the limit within the hour is still found. Without an exceedance in the hour, the last run in the
     * readings; all.size() when nothing exceeds.
     */
    static int firstOfExceedance(List<Observation> all, Standard standard, long timePointMs) {
        int anchor = -1;
        for (int i = 0; i < all.size() && anchor < 0; i++) {
            if (all.get(i).timeMs() >= timePointMs && exceeds(standard, all.get(i).value())) {
                anchor = i;
            }
        }
        for (int i = all.size() - 1; i >= 0 && anchor < 0; i--) {
            if (exceeds(standard, all.get(i).value())) {
                anchor = i;
            }
        }
        if (anchor < 0) {
            return all.size();
        }
        while (anchor > 0 && exceeds(standard, all.get(anchor - 1).value())) {
            anchor--;
        }
        return anchor;
    }

    private static boolean exceeds(Standard s, double v) {
        return s != null && s.classify(v) == ComplianceClass.RED;
    }

    /** The station's readings of q in [from, to), oldest first, one per record (bad-quality readings left out). */
    List<Observation> readings(String station, Quantity q, long from, long to) {
        List<Observation> out = new ArrayList<>();
        for (StoredRecord r : queries.records(station, from, to)) {
            for (Reading reading : r.record().readings()) {
                if (reading.quantityCode() == q.code() && reading.quality() != Reading.Quality.BAD
                        && Double.isFinite(reading.value())) {
                    out.add(new Observation(r.record().sampleTimeMs(), reading.value()));
                }
            }
        }
        return out;
    }

    /** The channels between each pair of stations the coins linked, walked downstream from the upstream one. */
    static Set<String> pathwayChannels(FlowNetwork network, List<Pathway> pathways) {
        Set<String> out = new TreeSet<>();
        for (Pathway p : pathways) {
            for (Pathway.Edge e : p.edges()) {
                out.addAll(channelsBetween(network, e.upstream(), e.downstream()));
            }
        }
        return out;
    }

    private static List<String> channelsBetween(FlowNetwork network, String from, String to) {
        record Step(String node, List<String> channels) {}
        Deque<Step> open = new ArrayDeque<>();
        open.add(new Step(from, List.of()));
        Set<String> seen = new HashSet<>();
        while (!open.isEmpty()) {
            Step s = open.poll();
            for (AddChannel c : network.outOf(s.node())) {
                List<String> path = new ArrayList<>(s.channels());
                path.add(c.id());
                if (c.toNode().equals(to)) {
                    return path;
                }
                // stations end the walk: coins only link neighbouring stations
                if (!network.isStation(c.toNode()) && seen.add(c.toNode())) {
                    open.add(new Step(c.toNode(), path));
                }
            }
        }
        return List.of();
    }
}
