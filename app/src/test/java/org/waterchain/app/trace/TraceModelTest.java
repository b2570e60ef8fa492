package org.waterchain.app.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.waterchain.app.session.RegistryView;
import org.waterchain.app.standards.Standards;
import org.waterchain.app.trace.narrowing.Candidate;
import org.waterchain.app.trace.narrowing.Observation;
import org.waterchain.app.trace.narrowing.Outfall;
import org.waterchain.app.trace.narrowing.Plausibility;
import org.waterchain.app.trace.narrowing.UnitStatus;
import org.waterchain.app.trace.transport.LoadFit;
import org.waterchain.app.trace.transport.Profile;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.trace.Pathway;
import org.waterchain.ledger.trace.PollutionAddresses;
import org.waterchain.ledger.trace.TraceResult;
import org.waterchain.ledger.trace.TracedEvent;

/** The tracing screen's view model and report, without JavaFX: the paper's Type II pathway as a finding. */
class TraceModelTest {
    static final long T = 1_700_000_000_000L / 3_600_000 * 3_600_000;

    static TraceFinding typeTwo() {
        Pathway p = new Pathway(List.of("R04"), List.of("R04", "R06", "R07", "R10", "R12", "M02"),
                List.of(new Pathway.Edge("M02", "R10"), new Pathway.Edge("M02", "R12"), new Pathway.Edge("R06", "R04"),
                        new Pathway.Edge("R07", "R06"), new Pathway.Edge("R10", "R07"), new Pathway.Edge("R12", "R07")),
                List.of("M02"), Map.of("R04", 0.358, "R06", 0.595, "R07", 0.482, "R10", 0.429, "R12", 0.299, "M02", 0.271));
        TraceResult result = new TraceResult("CU", T, PollutionAddresses.collection(Quantity.CU, T), List.of(p), 7);
        Candidate good = candidate("F-PLT-02", "Luzhu <electroplating>", 620, true, 0.93);
        Candidate poor = candidate("F-PCB-01", "Dayuan circuit boards", 4_100, false, 0.40);
        TraceFinding.SourceFinding source = new TraceFinding.SourceFinding("R04",
                List.of(new Observation(T - 900_000, 0.05), new Observation(T, 0.358)), T - 900_000, List.of(good, poor));
        return new TraceFinding(result, 0.2, "mg/L", List.of(source), Map.of("IU-1", UnitStatus.POLLUTED,
                "IU-2", UnitStatus.UPSTREAM), Set.of("C1", "C2"));
    }

    static Candidate candidate(String id, String name, double distance, boolean plausible, double explained) {
        return new Candidate(id, name, "electroplating", distance, 450, new Outfall.AtNode("R04"),
                new LoadFit(List.of(new LoadFit.LoadBlock(0, 3600, 2.5)), List.of(0.3), 0.01, explained, true), 2.5,
                new Plausibility(plausible ? 120 : 900, 500, plausible),
                new Profile(3600, List.of(new Profile.Point(100, 0.9), new Profile.Point(distance - 100, 0.4)), 0.35),
                List.of(), List.of());
    }

    @Test
    void eventsAreListedNewestFirstWithTheirSourcesAndSize() {
        TraceModel m = new TraceModel();
        m.setEvents(List.of(new TracedEvent("CU", T, PollutionAddresses.collection(Quantity.CU, T), List.of("M02"), 1, 2, true),
                new TracedEvent("EC", T + 3_600_000, PollutionAddresses.collection(Quantity.EC, T + 3_600_000),
                        List.of("R04"), 3, 5, false)));
        assertEquals("EC", m.events().get(0).quantity());
        assertTrue(m.events().get(0).label().contains("source R04  (3 stations, 5 tx, incomplete)"), m.events().get(0).label());
        assertTrue(m.events().get(1).label().contains("(1 station, 2 tx)"), m.events().get(1).label());
    }

    @Test
    void headlineTreeAndCandidatesOfTheTypeTwoPathway() {
        TraceModel m = TraceModel.showing(typeTwo());
        assertTrue(m.headline().startsWith("CU above 0.200 mg/L at "), m.headline());
        assertTrue(m.headline().contains("1 pathway, 7 coin transactions"), m.headline());
        assertTrue(m.headline().contains("Source R04; likeliest discharger F-PLT-02"), m.headline());
        TraceModel.Tree tree = m.tree();
        assertEquals(6, tree.stations().size());
        assertEquals(Set.of("M02"), tree.minted());
        assertEquals(Set.of("R04"), tree.sources());
        assertEquals("0.595 mg/L", tree.captions().get("R06"));
        List<TraceModel.CandidateRow> rows = m.candidates();
        assertEquals(2, rows.size());
        assertEquals(new TraceModel.CandidateRow(1, "R04", "F-PLT-02", "Luzhu <electroplating>", "electroplating",
                "620 m", "450 m³/d", "2.50 g/s", "93 %", "yes"), rows.get(0));
        assertEquals("no (1.8× the ceiling)", rows.get(1).plausible());
        assertTrue(m.assumptions().startsWith("Each candidate's discharge is timed so its water reaches the source around the source's last clean reading, when it fits best (R04 "), m.assumptions());
        assertTrue(m.assumptions().endsWith("Fits within 1 point of each other are ties: the factory needing the weaker"
                + " effluent ranks first, then the nearer."), m.assumptions());
    }

    @Test
    void nothingChosenSaysSo() {
        TraceModel m = new TraceModel();
        assertEquals("Choose a traced event", m.headline());
        assertTrue(m.candidates().isEmpty());
        assertTrue(m.tree().stations().isEmpty());
    }

    @Test
    void theReportIsSelfContainedEscapedAndSeparatesProofFromAnalysis() {
        String html = TraceReport.html(typeTwo(), new RegistryView(Map.of(), Map.of(), Map.of(), List.of(),
                Standards.of(List.of())));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("What the ledger records") && html.contains("Candidate dischargers"));
        assertTrue(html.contains("Luzhu &lt;electroplating&gt;"), "names are escaped");
        assertFalse(html.contains("<electroplating>"));
        assertTrue(html.contains("R04 &rarr; R06 &rarr; R07 &rarr; R10 &rarr; R12 &rarr; M02"), "pathway order");
        assertTrue(html.contains("trace --data &lt;ledger&gt; --quantity CU --at "), "how to re-read it");
        assertEquals(2, html.split("<svg", -1).length - 1, "procedure tree and profile");
        assertTrue(html.contains("Taking polluted water (orange on the map): IU-1"));
        assertFalse(html.contains("<script") || html.contains("http://") && !html.contains("xmlns=\"http://www.w3.org"),
                "no script, no external resource");
    }
}
