package org.waterchain.app.trace;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.waterchain.app.trace.narrowing.Candidate;
import org.waterchain.app.trace.transport.Profile;

/**
 * The simulated concentration along the channel for the best candidates of one source, as the seed paper's
 * Figures 9 and 10: each candidate's fitted discharge carried down to the source station, distances measured
 * from that station (upstream negative) so every candidate's curve meets the same observation at zero.
 */
final class ProfileChart {
    static final int CURVES = 3;
    private static final Color[] COLOURS = {new Color(0xC0, 0x39, 0x2B), new Color(0x1F, 0x6F, 0xB2), new Color(0x6C, 0x7A, 0x89)};

    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYPlot plot;
    private final JFreeChart chart;

    ProfileChart() {
        NumberAxis x = new NumberAxis("distance from the source station (m, upstream negative)");
        x.setAutoRangeIncludesZero(true);
        // an outfall at the station itself is a single point: still show a stretch of channel around it
        x.setAutoRangeMinimumSize(500);
        NumberAxis y = new NumberAxis("concentration");
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < COLOURS.length; i++) {
            r.setSeriesPaint(i, COLOURS[i]);
            r.setSeriesStroke(i, new BasicStroke(i == 0 ? 2.5f : 1.6f));
        }
        r.setSeriesPaint(CURVES, Color.BLACK);
        r.setSeriesLinesVisible(CURVES, false);
        r.setSeriesShapesVisible(CURVES, true);
        plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setNoDataMessage("No candidate factory to simulate");
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        chart.addLegend(legend);
        chart.setBackgroundPaint(Color.WHITE);
    }

    JFreeChart chart() {
        return chart;
    }

    /** Shows the source's best candidates and the highest reading observed there; clears for null. */
    void show(TraceFinding finding, TraceFinding.SourceFinding source) {
        data.removeAllSeries();
        plot.clearRangeMarkers();
        if (finding == null || source == null || source.candidates().isEmpty()) {
            return;
        }
        ((NumberAxis) plot.getRangeAxis()).setLabel(finding.quantity() + " (" + finding.unit() + ")");
        List<Candidate> best = source.candidates().subList(0, Math.min(CURVES, source.candidates().size()));
        for (Candidate c : best) {
            data.addSeries(series(c));
        }
        XYSeries observed = new XYSeries("observed at " + source.station(), false, true);
        source.observations().stream().mapToDouble(o -> o.value()).max()
                .ifPresent(v -> observed.add(0, v));
        data.addSeries(observed);
        if (Double.isFinite(finding.limit())) {
            ValueMarker limit = new ValueMarker(finding.limit(), new Color(0xE6, 0x7E, 0x22), new BasicStroke(1.2f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
            limit.setLabel("standard " + TraceModel.number(finding.limit()));
            limit.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            limit.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(limit);
        }
    }

    /** A candidate's profile with distances relative to the station, labelled with its rank and factory. */
    static XYSeries series(Candidate c) {
        XYSeries s = new XYSeries(c.factoryId() + " " + c.name(), false, true);
        Profile p = c.profile();
        // the stretch runs from the outfall to the station, c.distanceM() long; the station's own reading ends it
        for (Profile.Point pt : p.points()) {
            s.add(pt.distanceM() - c.distanceM(), pt.concentration());
        }
        s.add(0, p.station());
        return s;
    }
}
