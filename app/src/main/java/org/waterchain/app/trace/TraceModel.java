package org.waterchain.app.trace;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.waterchain.ledger.trace.Pathway.Edge;
import org.waterchain.app.trace.narrowing.Candidate;
import org.waterchain.app.trace.narrowing.SourceNarrowing;
import org.waterchain.ledger.trace.Pathway;
import org.waterchain.ledger.trace.TracedEvent;

/**
 * What the tracing screen shows, worked out without JavaFX: the list of traced events, and for the chosen one its
 * headline, its procedure tree and its ranked candidate factories. Owned by the FX thread.
 */
public final class TraceModel {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** One traced event in the list. */
    public record EventRow(String quantity, long timePointMs, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** One candidate factory in the ranking table. */
    public record CandidateRow(int rank, String source, String factoryId, String name, String industry,
                               String distance, String permitted, String load, String explained, String plausible) {}

    /** The procedure tree's input: every polluted station, the coin transfers, mints, sources and captions. */
    public record Tree(List<String> stations, List<Edge> edges, Set<String> minted, Set<String> sources,
                       Map<String, String> captions) {}

    private List<EventRow> events = List.of();
    private TraceFinding finding;

    /** A time point as the screens show it, in the machine's zone. */
    public static String hour(long timeMs) {
        return TIME.format(Instant.ofEpochMilli(timeMs));
    }

    /** A model showing one finding, as the report reads it. */
    public static TraceModel showing(TraceFinding f) {
        TraceModel m = new TraceModel();
        m.setFinding(f);
        return m;
    }

    /** Newest first: the regulator starts from what just happened. */
    public void setEvents(List<TracedEvent> traced) {
        List<EventRow> rows = new ArrayList<>();
        for (TracedEvent e : traced) {
            rows.add(new EventRow(e.quantity(), e.timePointMs(), hour(e.timePointMs())
                    + "  " + e.quantity() + "\nsource " + String.join(", ", e.sources()) + "  (" + e.stations()
                    + (e.stations() == 1 ? " station" : " stations") + ", " + e.transactionCount() + " tx"
                    + (e.complete() ? "" : ", incomplete") + ")"));
        }
        java.util.Collections.reverse(rows);
        events = List.copyOf(rows);
    }

    public List<EventRow> events() {
        return events;
    }

    public void setFinding(TraceFinding f) {
        finding = f;
    }

    public TraceFinding finding() {
        return finding;
    }

    /** Two lines: what exceeded where and when, then the sources and the likeliest dischargers. */
    public String headline() {
        if (finding == null) {
            return "Choose a traced event";
        }
        if (!finding.result().traced()) {
            return finding.quantity() + " at " + hour(finding.timePointMs())
                    + ": nothing has reached the collection address yet";
        }
        StringBuilder b = new StringBuilder();
        b.append(finding.quantity()).append(" above ").append(number(finding.limit())).append(' ').append(finding.unit())
                .append(" at ").append(hour(finding.timePointMs())).append(": ")
                .append(finding.pathways().size()).append(finding.pathways().size() == 1 ? " pathway, " : " pathways, ")
                .append(finding.result().transactionCount()).append(" coin transactions on the ledger\n");
        b.append("Source ").append(String.join(", ", finding.result().sources()));
        if (!finding.leaders().isEmpty()) {
            b.append("; likeliest discharger ").append(finding.leaderNames());
        }
        return b.toString();
    }

    public Tree tree() {
        if (finding == null) {
            return new Tree(List.of(), List.of(), Set.of(), Set.of(), Map.of());
        }
        List<String> stations = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        Set<String> minted = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        Map<String, String> captions = new LinkedHashMap<>();
        for (Pathway p : finding.pathways()) {
            stations.addAll(p.stations());
            edges.addAll(p.edges());
            minted.addAll(p.mints());
            sources.addAll(p.sources());
            p.observed().forEach((s, v) -> captions.put(s, number(v) + " " + finding.unit()));
        }
        return new Tree(stations, edges, minted, sources, captions);
    }

    public List<CandidateRow> candidates() {
        List<CandidateRow> rows = new ArrayList<>();
        if (finding == null) {
            return rows;
        }
        for (TraceFinding.SourceFinding s : finding.sources()) {
            int rank = 1;
            for (Candidate c : s.candidates()) {
                boolean reached = c.reachesStation();
                rows.add(new CandidateRow(rank++, s.station(), c.factoryId(), c.name(), c.industry(),
                        String.format(Locale.ROOT, "%,.0f m", c.distanceM()),
                        String.format(Locale.ROOT, "%,.0f m³/d", c.permittedDischargeM3Day()),
                        reached ? String.format(Locale.ROOT, "%.3g g/s", c.load()) : "not reached",
                        String.format(Locale.ROOT, "%.0f %%", 100 * c.fit().explained()),
                        !reached ? "no (its water cannot have arrived)"
                                : c.plausibility().plausible() ? "yes"
                                : String.format(Locale.ROOT, "no (%.1f× the ceiling)", c.plausibility().ratio())));
            }
        }
        return rows;
    }

    /** Where the finding rests on an assumption the regulator should weigh. */
    public String assumptions() {
        if (finding == null || finding.sources().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("Each candidate's discharge is timed so its water reaches the source around"
                + " the source's last clean reading, when it fits best (");
        b.append(finding.sources().stream().map(s -> s.station() + " " + hour(s.dischargeFrom()))
                .reduce((x, y) -> x + ", " + y).orElseThrow());
        List<String> travel = finding.sources().stream().flatMap(s -> s.candidates().stream())
                .filter(c -> Double.isFinite(c.arrivalS()) && c.arrivalS() > 0)
                .map(c -> c.factoryId() + " " + minutes(c.arrivalS())).toList();
        if (!travel.isEmpty()) {
            b.append("; travel time ").append(String.join(", ", travel));
        }
        return b.append("); candidates searched along the channels upstream, stopping at stations that stayed clean.")
                .append(String.format(Locale.ROOT, " Fits within %.0f point of each other are ties: the factory needing the"
                        + " weaker effluent ranks first, then the nearer.", SourceNarrowing.DEFAULT_TIE_TOLERANCE * 100))
                .toString();
    }

    static String minutes(double seconds) {
        long m = Math.round(seconds / 60);
        return m >= 60 ? m / 60 + " h " + m % 60 + " min" : m + " min";
    }

    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "?";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
