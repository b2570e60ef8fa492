package org.waterchain.app.trace;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.waterchain.app.session.RegistryView;
import org.waterchain.app.trace.narrowing.Candidate;
import org.waterchain.app.trace.narrowing.UnitStatus;
import org.waterchain.app.trace.transport.Profile;
import org.waterchain.ledger.trace.Pathway;
import org.waterchain.ledger.trace.Pathway.Edge;

/**
 * A tracing report for enforcement: one self-contained HTML file (inline SVG, no scripts, no external files) that a
 * browser prints to PDF. It states what the ledger proves (the coin transactions and how to re-read them with the
 * node's own tool) apart from what the analysis suggests (candidate factories, fitted loads, assumptions).
 */
public final class TraceReport {
    static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.systemDefault());

    private TraceReport() {}

    public static String html(TraceFinding f, RegistryView registry) {
        TraceModel model = TraceModel.showing(f);
        StringBuilder h = new StringBuilder(16_384);
        String when = TraceModel.TIME.format(Instant.ofEpochMilli(f.timePointMs()));
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pollution tracing report: ")
                .append(esc(f.quantity())).append(' ').append(esc(when)).append("</title>\n<style>")
                .append("body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;color:#222;max-width:1100px}")
                .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #bbb;padding:4px 8px;")
                .append("text-align:left;vertical-align:top}th{background:#eef2f6}code{font-size:90%}")
                .append(".note{color:#555}h2{border-bottom:2px solid #c0392b;padding-bottom:2px}</style></head><body>\n");
        h.append("<h1>Pollution tracing report</h1>\n<p><b>").append(esc(f.quantity())).append("</b> above the standard of ")
                .append(esc(TraceModel.number(f.limit()))).append(' ').append(esc(f.unit())).append(" in the hour from <b>")
                .append(esc(ISO.format(Instant.ofEpochMilli(f.timePointMs())))).append("</b>.</p>\n");
        h.append("<p>Source station(s): <b>").append(esc(String.join(", ", f.result().sources()))).append("</b>.");
        if (!f.leaders().isEmpty()) {
            h.append(" Likeliest discharger(s): <b>").append(esc(f.leaderNames())).append("</b>.");
        }
        h.append("</p>\n");

        h.append("<h2>What the ledger records</h2>\n<p>The tracing contract moved pollution coins of <code>POLLUTION:")
                .append(esc(f.quantity())).append("</code> from the most downstream polluted stations upstream to the ")
                .append("sources, which sent them to the time point's collection address <code>")
                .append(esc(f.result().collection().toString())).append("</code>: ")
                .append(f.result().transactionCount()).append(" transactions, each checked by every replica against ")
                .append("the signed sensor records. The pathways below are read back from those transactions alone. ")
                .append("Anyone holding a copy of the ledger can re-read them:</p>\n<pre>java -jar waterchain-node.jar trace --data &lt;ledger&gt; --quantity ")
                .append(esc(f.quantity())).append(" --at ").append(esc(ISO.format(Instant.ofEpochMilli(f.timePointMs()))))
                .append("</pre>\n");
        h.append("<table><tr><th>Pathway</th><th>Source(s)</th><th>Stations, upstream first</th><th>Observed</th><th>Coins passed</th></tr>\n");
        int n = 1;
        for (Pathway p : f.pathways()) {
            h.append("<tr><td>").append(n++).append("</td><td>").append(esc(String.join(", ", p.sources())))
                    .append("</td><td>").append(String.join(" &rarr; ", p.stations().stream().map(TraceReport::esc).toList()))
                    .append("</td><td>");
            p.observed().forEach((s, v) -> h.append(esc(s)).append(": ").append(esc(TraceModel.number(v))).append(' ')
                    .append(esc(f.unit())).append("<br>"));
            h.append("</td><td>");
            p.edges().forEach(e -> h.append(esc(e.downstream())).append(" &rarr; ").append(esc(e.upstream())).append("<br>"));
            h.append("</td></tr>\n");
        }
        h.append("</table>\n<h3>Procedure tree</h3>\n<p class=\"note\">Downstream on the right, upstream on the left; ")
                .append("arrows are coin transfers.</p>\n").append(treeSvg(model.tree()));

        h.append("<h2>Candidate dischargers</h2>\n<p class=\"note\">Factories whose pollutant profile includes ")
                .append(esc(f.quantity())).append(", with an outfall upstream of the source within the search reach, ")
                .append("not beyond a station that stayed clean; ranked by how much of the measured excess a ")
                .append("constant discharge at their outfall explains in a 1-D advection-dispersion-reaction model ")
                .append("of the channel, plausible loads (against the permit) first. A ranking is evidence for an ")
                .append("inspection, not proof of a discharge.</p>\n");
        for (TraceFinding.SourceFinding s : f.sources()) {
            h.append("<h3>Upstream of ").append(esc(s.station())).append("</h3>\n");
            if (s.candidates().isEmpty()) {
                h.append("<p>No factory with this pollutant within reach.</p>\n");
                continue;
            }
            h.append("<table><tr><th>#</th><th>Factory</th><th>Industry</th><th>Along channel</th><th>Permit</th>")
                    .append("<th>Fitted load</th><th>Explains</th><th>Plausible</th></tr>\n");
            int rank = 1;
            for (Candidate c : s.candidates()) {
                h.append("<tr><td>").append(rank++).append("</td><td>").append(esc(c.factoryId() + " " + c.name()))
                        .append("</td><td>").append(esc(c.industry())).append("</td><td>")
                        .append(String.format(Locale.ROOT, "%,.0f m", c.distanceM())).append("</td><td>")
                        .append(String.format(Locale.ROOT, "%,.0f m³/day", c.permittedDischargeM3Day())).append("</td><td>")
                        .append(c.reachesStation() ? String.format(Locale.ROOT, "%.3g g/s", c.load()) : "not reached")
                        .append("</td><td>")
                        .append(String.format(Locale.ROOT, "%.0f %%", 100 * c.fit().explained())).append("</td><td>")
                        .append(c.reachesStation() && c.plausibility().plausible() ? "yes" : "no").append("</td></tr>\n");
            }
            h.append("</table>\n").append(profileSvg(f, s));
        }
        h.append("<h2>Irrigation units</h2>\n");
        appendUnits(h, f.units(), UnitStatus.POLLUTED, "Taking polluted water (orange on the map)");
        appendUnits(h, f.units(), UnitStatus.UPSTREAM, "Upstream, in the search area of the source (purple)");
        h.append("<h2>Assumptions</h2>\n<p class=\"note\">").append(esc(model.assumptions()))
                .append(" Stations that do not measure ").append(esc(f.quantity())).append(" are treated as unobserved, ")
                .append("not clean. Registry as of the report: ").append(registry.stations().size()).append(" stations, ")
                .append(registry.factories().size()).append(" factories, ").append(registry.channels().size())
                .append(" channels.</p>\n<p class=\"note\">Written by WaterChain at ")
                .append(esc(ISO.format(Instant.now()))).append(".</p>\n</body></html>\n");
        return h.toString();
    }

    private static void appendUnits(StringBuilder h, Map<String, UnitStatus> units, UnitStatus status, String title) {
        List<String> ids = units.entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey).sorted().toList();
        h.append("<p>").append(esc(title)).append(": ").append(ids.isEmpty() ? "none" : esc(String.join(", ", ids)))
                .append("</p>\n");
    }

    /** The procedure tree as SVG, laid out as on screen. */
    static String treeSvg(TraceModel.Tree t) {
        if (t.stations().isEmpty()) {
            return "";
        }
        ProcedureTreeGeometry g = ProcedureTreeGeometry.of(t.stations(), t.edges());
        double boxW = ProcedureTreeGeometry.BOX_WIDTH;
        double boxH = ProcedureTreeGeometry.BOX_HEIGHT;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                + "font-family=\"DejaVu Sans, Arial\" font-size=\"12\"><defs><marker id=\"a\" markerWidth=\"8\" "
                + "markerHeight=\"8\" refX=\"8\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#8a5a00\"/>"
                + "</marker></defs>\n", g.width(), g.height()));
        Map<String, double[]> at = g.stations();
        double[] collection = g.collection();
        double[] issuer = g.issuer();
        for (Edge e : t.edges()) {
            s.append(arrow(at.get(e.downstream()), at.get(e.upstream()), boxW, boxH));
        }
        t.minted().forEach(m -> s.append(arrow(issuer, at.get(m), boxW, boxH)));
        t.sources().forEach(src -> s.append(arrow(at.get(src), collection, boxW, boxH)));
        s.append(box(collection, "Collection", "", "#eef2f6", "#6c7a89", boxW, boxH));
        s.append(box(issuer, "Issuer", "", "#eef2f6", "#6c7a89", boxW, boxH));
        for (Map.Entry<String, double[]> e : at.entrySet()) {
            boolean source = t.sources().contains(e.getKey());
            s.append(box(e.getValue(), e.getKey(), t.captions().getOrDefault(e.getKey(), ""),
                    source ? "#ffd9d2" : "#fff4e0", source ? "#c0392b" : "#c77700", boxW, boxH));
        }
        return s.append("</svg>\n").toString();
    }

    private static String arrow(double[] from, double[] to, double boxW, double boxH) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#8a5a00\" "
                + "stroke-width=\"1.6\" marker-end=\"url(#a)\"/>\n", from[0], from[1] + boxH / 2, to[0] + boxW, to[1] + boxH / 2);
    }

    private static String box(double[] xy, String title, String caption, String fill, String stroke, double w, double h) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" rx=\"6\" fill=\"%s\" "
                        + "stroke=\"%s\" stroke-width=\"1.5\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                        + "font-weight=\"bold\">%s</text><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
                xy[0], xy[1], w, h, fill, stroke, xy[0] + w / 2, xy[1] + 16, esc(title), xy[0] + w / 2, xy[1] + 32, esc(caption));
    }

    /** The simulated concentration along the channel for the source's best candidates, as the on-screen chart. */
    static String profileSvg(TraceFinding f, TraceFinding.SourceFinding source) {
        List<Candidate> best = source.candidates().subList(0, Math.min(ProfileChart.CURVES, source.candidates().size()));
        double minX = 0;
        double maxY = Double.isFinite(f.limit()) ? f.limit() : 0;
        for (Candidate c : best) {
            minX = Math.min(minX, -c.distanceM());
            for (Profile.Point p : c.profile().points()) {
                maxY = Math.max(maxY, p.concentration());
            }
            maxY = Math.max(maxY, c.profile().station());
        }
        double observed = source.observations().stream().mapToDouble(o -> o.value()).max().orElse(0);
        maxY = Math.max(maxY, observed) * 1.1;
        if (minX == 0 || maxY <= 0) {
            return "";
        }
        double w = 760;
        double h = 300;
        double left = 60;
        double bottom = 40;
        double plotW = w - left - 20;
        double plotH = h - bottom - 20;
        double x0 = minX;
        double yMax = maxY;
        java.util.function.DoubleUnaryOperator px = x -> left + (x - x0) / -x0 * plotW;
        java.util.function.DoubleUnaryOperator py = y -> 20 + plotH - y / yMax * plotH;
        String[] colours = {"#c0392b", "#1f6fb2", "#6c7a89"};
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%.0f\" height=\"%.0f\" font-family=\"DejaVu Sans, Arial\" font-size=\"11\">\n", w, h));
        s.append(String.format(Locale.ROOT, "<rect x=\"%.0f\" y=\"20\" width=\"%.0f\" height=\"%.0f\" fill=\"white\" "
                + "stroke=\"#999\"/>\n", left, plotW, plotH));
        if (Double.isFinite(f.limit())) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e67e22\" "
                    + "stroke-dasharray=\"6,4\"/><text x=\"%.1f\" y=\"%.1f\" fill=\"#e67e22\">standard %s</text>\n",
                    left, left + plotW, py.applyAsDouble(f.limit()), py.applyAsDouble(f.limit()), left + 4,
                    py.applyAsDouble(f.limit()) - 4, esc(TraceModel.number(f.limit()))));
        }
        for (int i = 0; i < best.size(); i++) {
            Candidate c = best.get(i);
            StringBuilder pts = new StringBuilder();
            for (Profile.Point p : c.profile().points()) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(p.distanceM() - c.distanceM()),
                        py.applyAsDouble(p.concentration())));
            }
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f", px.applyAsDouble(0), py.applyAsDouble(c.profile().station())));
            s.append("<polyline fill=\"none\" stroke=\"").append(colours[i]).append("\" stroke-width=\"")
                    .append(i == 0 ? "2.5" : "1.6").append("\" points=\"").append(pts).append("\"/>\n");
            s.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\" fill=\"%s\">%s</text>\n", left + 8,
                    36.0 + 14 * i, colours[i], esc(c.factoryId() + " " + c.name())));
        }
        s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"black\"/><text x=\"%.1f\" "
                + "y=\"%.1f\" text-anchor=\"end\">observed at %s</text>\n", px.applyAsDouble(0), py.applyAsDouble(observed),
                px.applyAsDouble(0) - 6, py.applyAsDouble(observed) - 6, esc(source.station())));
        s.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\">distance from %s along the "
                + "channel (m, upstream negative): %,.0f to 0</text>\n", left + plotW / 2, h - 10, esc(source.station()), x0));
        s.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%.0f\" transform=\"rotate(-90 12 %.0f)\" "
                + "text-anchor=\"middle\">%s (%s), 0 to %s</text>\n", 20 + plotH / 2, 20 + plotH / 2, esc(f.quantity()),
                esc(f.unit()), esc(TraceModel.number(yMax))));
        return s.append("</svg>\n").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
