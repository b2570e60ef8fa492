package org.waterchain.app.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * The JFreeChart behind the chart screen: one shared time axis, one panel per quantity stacked under it
 * ({@link CombinedDomainXYPlot}), a line per station drawn by {@link LttbLineRenderer} from
 * {@link RingXYDataset}s that read the {@link SeriesStore}'s rings in place, and the standard's limits as
 * dashed {@link ValueMarker}s that the value axis keeps in view. Plain AWT, no FX: it draws to the screen's
 * canvas, to a PNG, and in tests and benchmarks to an image. One owner thread (the FX thread in the app).
 */
public final class TrendChart {
    /** Station colours, by position in the chosen stations; no red, which the limits use. */
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd), new Color(0x8c564b),
        new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22), new Color(0x7f7f7f), new Color(0x393b79),
    };
    static final Color LIMIT_COLOR = new Color(0xd32f2f);
    private static final Font AXIS_FONT = new Font("DejaVu Sans", Font.PLAIN, 12);
    private static final Font TICK_FONT = new Font("DejaVu Sans", Font.PLAIN, 11);

    /** A panel as drawn: its spec, its plot and the dataset over the store's rings. */
    record PanelView(ChartModel.Panel spec, XYPlot plot, RingXYDataset data) {}

    private final DateAxis timeAxis;
    private final CombinedDomainXYPlot plot;
    private final JFreeChart chart;
    private final LegendTitle legend;
    private final List<PanelView> panels = new ArrayList<>();
    private List<String> legendStations = List.of();
    private Map<String, String> stationNames = Map.of();
    private boolean settingWindow;
    private boolean windowChanged;
    private Runnable onUserMove = () -> {};

    public TrendChart(TimeZone zone) {
        timeAxis = new DateAxis(null, zone, java.util.Locale.getDefault());
        timeAxis.setLowerMargin(0);
        timeAxis.setUpperMargin(0);
        timeAxis.setTickLabelFont(TICK_FONT);
        timeAxis.addChangeListener(e -> {
            // a value axis fits its data only when a dataset changes: fit it to the new window of time too
            refitValueAxes();
            if (!settingWindow) {
                onUserMove.run();
            }
        });
        plot = new CombinedDomainXYPlot(timeAxis);
        plot.setGap(10);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 4, 4, 12));
        legend = new LegendTitle(() -> legendItems());
        legend.setPosition(RectangleEdge.TOP);
        legend.setFrame(BlockBorder.NONE);
        legend.setItemFont(AXIS_FONT);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addLegend(legend);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Called when the operator moves the time axis (zoom or pan), not when {@link #setWindow} does. */
    public void onUserMove(Runnable r) {
        onUserMove = Objects.requireNonNull(r);
    }

    /**
     * Shows these panels over the store's rings. Panels of the same quantities are kept (and their zoom with
     * them); a different set of quantities builds the panels anew.
     *
     * @param names station names for the legend, by id
     */
    public void show(List<ChartModel.Panel> specs, SeriesStore store, Map<String, String> names) {
        stationNames = Map.copyOf(names);
        List<String> stations = specs.isEmpty() ? List.of() : specs.get(0).stations();
        legendStations = stations;
        boolean sameQuantities = specs.size() == panels.size();
        for (int i = 0; sameQuantities && i < specs.size(); i++) {
            sameQuantities = specs.get(i).quantity() == panels.get(i).spec().quantity();
        }
        if (!sameQuantities) {
            for (PanelView p : panels) {
                plot.remove(p.plot());
            }
            panels.clear();
            for (ChartModel.Panel spec : specs) {
                PanelView p = newPanel(spec);
                panels.add(p);
                plot.add(p.plot(), 1);
            }
        }
        for (int i = 0; i < specs.size(); i++) {
            ChartModel.Panel spec = specs.get(i);
            PanelView p = panels.get(i);
            panels.set(i, new PanelView(spec, p.plot(), p.data()));
            List<RingXYDataset.Series> series = new ArrayList<>();
            for (String station : spec.stations()) {
                series.add(new RingXYDataset.Series(station, store.ring(new SeriesKey(station, spec.quantity()))));
            }
            p.data().setSeries(series);
            p.data().setRangeIncludes(spec.limitValues());
            LttbLineRenderer r = (LttbLineRenderer) p.plot().getRenderer();
            for (int s = 0; s < spec.stations().size(); s++) {
                r.setSeriesPaint(s, PALETTE[s % PALETTE.length], false);
            }
            setMarkers(p.plot(), spec.limits());
        }
        legend.setVisible(!stations.isEmpty());
    }

    private PanelView newPanel(ChartModel.Panel spec) {
        NumberAxis values = new NumberAxis(spec.axisLabel());
        values.setAutoRangeIncludesZero(false);
        values.setLabelFont(AXIS_FONT);
        values.setTickLabelFont(TICK_FONT);
        RingXYDataset data = new RingXYDataset();
        LttbLineRenderer renderer = new LttbLineRenderer();
        XYPlot p = new XYPlot(data, null, values, renderer);
        p.setBackgroundPaint(new Color(0xfbfcfd));
        p.setDomainGridlinePaint(new Color(0xdde3ea));
        p.setRangeGridlinePaint(new Color(0xdde3ea));
        p.setDomainGridlineStroke(new BasicStroke(0.8f));
        p.setRangeGridlineStroke(new BasicStroke(0.8f));
        p.setOutlinePaint(new Color(0xc5ced8));
        p.setDomainPannable(true);
        p.setRangePannable(true);
        p.setNoDataMessage("no " + spec.quantity().symbol() + " data in this range");
        p.setNoDataMessageFont(AXIS_FONT);
        p.setNoDataMessagePaint(new Color(0x66788a));
        return new PanelView(spec, p, data);
    }

    private static void setMarkers(XYPlot p, List<ChartModel.Limit> limits) {
        p.clearRangeMarkers();
        for (ChartModel.Limit l : limits) {
            ValueMarker m = new ValueMarker(l.value(), LIMIT_COLOR,
                    new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {7, 4}, 0));
            m.setLabel(l.label());
            m.setLabelFont(TICK_FONT);
            m.setLabelPaint(LIMIT_COLOR);
            m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
            // the label sits on the side of the line that is out of bounds
            m.setLabelAnchor(l.upper() ? RectangleAnchor.TOP_LEFT : RectangleAnchor.BOTTOM_LEFT);
            m.setLabelTextAnchor(l.upper() ? TextAnchor.BOTTOM_LEFT : TextAnchor.TOP_LEFT);
            m.setLabelOffset(new RectangleInsets(3, 6, 3, 6));
            p.addRangeMarker(0, m, Layer.FOREGROUND, false);
        }
    }

    private LegendItemCollection legendItems() {
        LegendItemCollection items = new LegendItemCollection();
        for (int s = 0; s < legendStations.size(); s++) {
            String id = legendStations.get(s);
            String name = stationNames.getOrDefault(id, "");
            LegendItem item = new LegendItem(name.isEmpty() ? id : id + " " + name, PALETTE[s % PALETTE.length]);
            item.setShapeVisible(false);
            item.setLineVisible(true);
            item.setLine(new java.awt.geom.Line2D.Double(-9, 0, 9, 0));
            item.setLineStroke(new BasicStroke(2.5f));
            item.setLinePaint(PALETTE[s % PALETTE.length]);
            items.add(item);
        }
        return items;
    }

    /** Sets the time axis to the window (the live window's move, a custom range, a reset), as a program change. */
    public void setWindow(long fromMs, long toMs) {
        Range r = new Range(fromMs, Math.max(toMs, fromMs + 1));
        if (r.equals(timeAxis.getRange()) && !timeAxis.isAutoRange()) {
            return;
        }
        settingWindow = true;
        try {
            timeAxis.setRange(r, true, false);
            refitValueAxes();
            windowChanged = true;
        } finally {
            settingWindow = false;
        }
    }

    public Range window() {
        return timeAxis.getRange();
    }

    private void refitValueAxes() {
        for (PanelView p : panels) {
            p.plot().configureRangeAxes();
        }
    }

    /** Lets every value axis find its range from the data again (after the operator zoomed or panned it). */
    public void resetValueAxes() {
        for (PanelView p : panels) {
            p.plot().getRangeAxis().setAutoRange(true);
        }
    }

    /** The rings changed: redraw at the next {@link #flush()}. */
    public void markChanged() {
        for (PanelView p : panels) {
            p.data().markChanged();
        }
    }

    /**
     * Redraws once if data or the window changed since the last flush: every dataset's event and the axis' are
     * held back and the chart is told once.
     *
     * @return true if a redraw was asked for
     */
    public boolean flush() {
        boolean dirty = windowChanged;
        for (PanelView p : panels) {
            dirty |= p.data().isDirty();
        }
        if (!dirty) {
            return false;
        }
        chart.setNotify(false);
        try {
            for (PanelView p : panels) {
                p.data().flush();
            }
        } finally {
            windowChanged = false;
            chart.setNotify(true);
        }
        return true;
    }

    /** The points inside the time axis' current range, per panel and station, copied for export. */
    public List<CsvExport.SeriesData> visibleData() {
        double from = timeAxis.getLowerBound();
        double to = timeAxis.getUpperBound();
        List<CsvExport.SeriesData> out = new ArrayList<>();
        for (PanelView p : panels) {
            for (RingXYDataset.Series s : p.data().series()) {
                out.add(CsvExport.SeriesData.window(s.key(), p.spec().quantity(), s.ring(), from, to));
            }
        }
        return out;
    }

    /** Points held by the shown series, in and out of the window. */
    public long points() {
        long n = 0;
        for (PanelView p : panels) {
            for (RingXYDataset.Series s : p.data().series()) {
                n += s.ring().size();
            }
        }
        return n;
    }

    /** The panels as drawn (tests look at their markers and series). */
    List<PanelView> panels() {
        return List.copyOf(panels);
    }

    /** Draws the chart into a new image (tests, benchmarks). */
    public BufferedImage render(int width, int height) {
        return chart.createBufferedImage(width, height);
    }

    /**
     * Draws the chart into a new image with a title, for an export that must say what it shows away from the
     * screen. The title is added for this drawing only; the screen's chart redraws once afterwards.
     */
    public BufferedImage render(int width, int height, String title) {
        TextTitle t = new TextTitle(title, new Font("DejaVu Sans", Font.BOLD, 14));
        t.setPadding(new RectangleInsets(4, 4, 6, 4));
        chart.setNotify(false);
        try {
            chart.addSubtitle(0, t);
            return chart.createBufferedImage(width, height);
        } finally {
            chart.removeSubtitle(t);
            chart.setNotify(true);
        }
    }
}
