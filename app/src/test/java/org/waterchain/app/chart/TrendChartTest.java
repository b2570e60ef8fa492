package org.waterchain.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.app.chart.TestData.HOUR;
import static org.waterchain.app.chart.TestData.MINUTE;
import static org.waterchain.app.chart.TestData.STANDARDS;
import static org.waterchain.app.chart.TestData.T0;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.record.Quantity;

/** The chart as JFreeChart draws it: plain AWT, so these run without the FX toolkit. */
class TrendChartTest {
    private static final List<String> CHANNEL = List.of("R04", "R06", "R07", "R09", "R10", "R12");

    private static SeriesStore dayOfEc(List<String> stations) {
        SeriesStore s = new SeriesStore(stations, Long.MIN_VALUE, Long.MAX_VALUE, SeriesStore.DEFAULT_CAPACITY);
        for (int k = 0; k < stations.size(); k++) {
            for (long t = T0 - 24 * HOUR; t < T0; t += MINUTE) {
                double ec = 380 + 40 * k + 30 * Math.sin((t - T0) / (3.0 * HOUR));
                s.add(stations.get(k), t, TestData.regular(ec, 7.2, 22));
            }
        }
        return s;
    }

    private static TrendChart chart(ChartModel m, SeriesStore store) {
        TrendChart c = new TrendChart(TimeZone.getTimeZone("Asia/Taipei"));
        c.show(m.panels(STANDARDS), store, Map.of("R04", "Branch 3 head gate"));
        ChartModel.Window w = m.window(T0);
        c.setWindow(w.fromMs(), w.toMs());
        c.flush();
        return c;
    }

    private static ChartModel model(List<String> stations, Set<Quantity> qs) {
        ChartModel m = new ChartModel();
        m.setStations(stations);
        m.setQuantities(qs);
        m.setRange(ChartModel.Range.LIVE_24H);
        return m;
    }

    @Test
    void aLinePerStationAndTheLimitAsAMarker() {
        TrendChart c = chart(model(CHANNEL, Set.of(Quantity.EC)), dayOfEc(CHANNEL));
        assertEquals(1, c.panels().size());
        TrendChart.PanelView ec = c.panels().get(0);
        assertEquals(6, ec.data().getSeriesCount());
        assertEquals(24 * 60, ec.data().getItemCount(0));
        List<ValueMarker> markers = new ArrayList<>();
        ec.plot().getRangeMarkers(0, Layer.FOREGROUND).forEach(mk -> markers.add((ValueMarker) mk));
        assertEquals(1, markers.size());
        assertEquals(750, markers.get(0).getValue());
        assertEquals("EC limit 750 µS/cm", markers.get(0).getLabel());
        assertTrue(ec.plot().getRangeAxis().getUpperBound() >= 750, "the limit is in view though no value reaches it");
        assertEquals(TrendChart.PALETTE[2], ec.plot().getRenderer().getSeriesPaint(2));
        assertEquals(6 * 24 * 60, c.points());
    }

    @Test
    void severalQuantitiesOfAStationArePanelsWithTheirOwnLimits() {
        TrendChart c = chart(model(List.of("R04"), Set.of(Quantity.EC, Quantity.PH, Quantity.TEMPERATURE)), dayOfEc(List.of("R04")));
        List<TrendChart.PanelView> panels = c.panels();
        assertEquals(3, panels.size());
        assertEquals(1, panels.get(0).plot().getRangeMarkers(0, Layer.FOREGROUND).size());
        assertEquals(2, panels.get(1).plot().getRangeMarkers(0, Layer.FOREGROUND).size(), "pH 6 to 9: two markers");
        assertEquals(null, panels.get(2).plot().getRangeMarkers(0, Layer.FOREGROUND), "no standard, no marker");
        assertEquals("PH", panels.get(1).plot().getRangeAxis().getLabel());
    }

    @Test
    void samePanelsKeepTheirPlotsNewOnesAreBuilt() {
        SeriesStore store = dayOfEc(CHANNEL);
        ChartModel m = model(List.of("R04"), Set.of(Quantity.EC));
        TrendChart c = chart(m, store);
        var plot = c.panels().get(0).plot();
        m.setStations(CHANNEL);
        c.show(m.panels(STANDARDS), store, Map.of());
        assertSame(plot, c.panels().get(0).plot(), "a station added: the panel (and its zoom) stays");
        assertEquals(6, c.panels().get(0).data().getSeriesCount());
        m.setQuantities(Set.of(Quantity.EC, Quantity.PH));
        c.show(m.panels(STANDARDS), store, Map.of());
        assertEquals(2, c.panels().size());
    }

    @Test
    void redrawsOncePerFlushAndOnlyWhenSomethingChanged() {
        SeriesStore store = dayOfEc(List.of("R04"));
        TrendChart c = chart(model(List.of("R04"), Set.of(Quantity.EC)), store);
        AtomicInteger draws = new AtomicInteger();
        c.chart().addChangeListener(e -> draws.incrementAndGet());
        assertFalse(c.flush());
        for (int i = 0; i < 50; i++) {
            store.add("R04", T0 + i * MINUTE, TestData.regular(400, 7, 20));
            c.markChanged();
        }
        c.setWindow(T0 - 23 * HOUR, T0 + 50 * MINUTE);
        assertEquals(0, draws.get());
        assertTrue(c.flush());
        assertEquals(1, draws.get(), "fifty records and a moved window: one redraw");
    }

    @Test
    void theOperatorsZoomIsToldApartFromTheWindowsMove() {
        TrendChart c = chart(model(List.of("R04"), Set.of(Quantity.EC)), dayOfEc(List.of("R04")));
        AtomicInteger moves = new AtomicInteger();
        c.onUserMove(moves::incrementAndGet);
        c.setWindow(T0 - 2 * HOUR, T0);
        assertEquals(0, moves.get());
        c.chart().getXYPlot().getDomainAxis().setRange(T0 - HOUR, T0);
        assertEquals(1, moves.get());
    }

    @Test
    void exportsThePointsInTheWindowOnly() {
        TrendChart c = chart(model(List.of("R04", "R06"), Set.of(Quantity.EC)), dayOfEc(List.of("R04", "R06")));
        c.setWindow(T0 - HOUR, T0 - 1);
        List<CsvExport.SeriesData> data = c.visibleData();
        assertEquals(2, data.size());
        assertEquals("R06", data.get(1).stationId());
        assertEquals(60, data.get(0).x().length);
        assertTrue(data.get(0).x()[0] >= T0 - HOUR);
    }

    @Test
    void drawsASpikeOfOneSampleAmongAMillion() {
        SeriesStore store = new SeriesStore(List.of("R04"), Long.MIN_VALUE, Long.MAX_VALUE, SeriesStore.DEFAULT_CAPACITY);
        int n = 1_000_000;
        long step = 1000;
        for (int i = 0; i < n; i++) {
            store.add("R04", T0 + i * step, List.of(new org.waterchain.ledger.record.Reading(Quantity.TEMPERATURE, i == 612_345 ? 60 : 20)));
        }
        ChartModel m = model(List.of("R04"), Set.of(Quantity.TEMPERATURE));
        m.setCustom(T0, T0 + n * step);
        TrendChart c = chart(m, store);
        BufferedImage img = c.render(1600, 900);
        // the spike's top is the highest data in the panel: look for the series colour in the top rows of the plot
        int found = 0;
        Color line = TrendChart.PALETTE[0];
        for (int y = 0; y < img.getHeight() / 4; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (close(new Color(img.getRGB(x, y)), line)) {
                    found++;
                }
            }
        }
        assertTrue(found > 0, "the one-sample spike is drawn");
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue()) < 60;
    }
}
