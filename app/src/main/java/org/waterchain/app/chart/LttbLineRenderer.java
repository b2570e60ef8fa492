package org.waterchain.app.chart;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;

/**
 * Draws each series' visible points as one polyline, down-sampled with {@link Lttb} to a few points per pixel
 * of the plot's width. A stock line renderer makes one draw call and one tooltip entity per item (a million
 * entities for a million points); this makes one path per series and no entities, so a draw costs about the
 * same for a thousand points as for a million.
 *
 * <p>The plot still calls {@code drawItem} for every visible item; all but the first return at once.
 */
public final class LttbLineRenderer extends AbstractXYItemRenderer {
    private static final long serialVersionUID = 1L;
    /** Kept points per pixel of width: 2 leaves room for a peak and a trough in each pixel column. */
    static final double POINTS_PER_PIXEL = 2;
    /** When kept points are at least this far apart on average, each gets a dot so a sparse series reads as samples. */
    static final double DOT_SPACING_PX = 6;
    /**
     * From this many kept points per pixel the line is a dense band and is drawn 1 px wide without anti-aliasing:
     * Java2D strokes such a zigzag about a hundred times faster that way (about 1 ms instead of 20-100 ms for
     * 3,200 points at 1600 px, measured on this project's 2-core machine), and a band of noise looks the same.
     */
    static final double DENSE_POINTS_PER_PIXEL = 1;
    private static final BasicStroke DENSE_STROKE = new BasicStroke(1f);

    private final double pointsPerPixel;

    public LttbLineRenderer() {
        this(POINTS_PER_PIXEL);
    }

    public LttbLineRenderer(double pointsPerPixel) {
        if (!(pointsPerPixel > 0)) {
            throw new IllegalArgumentException("points per pixel must be positive, got " + pointsPerPixel);
        }
        this.pointsPerPixel = pointsPerPixel;
        setDefaultStroke(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND), false);
        setAutoPopulateSeriesStroke(false);
        setDefaultLegendShape(new Line2D.Double(-8, 0, 8, 0));
        setTreatLegendShapeAsLine(true);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info, XYPlot plot,
            ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item, CrosshairState crosshairState,
            int pass) {
        if (item != state.getFirstItemIndex() || !isSeriesVisible(series)) {
            return;
        }
        // the plot's window already reaches one item beyond each edge, so the line runs to the border
        int from = state.getFirstItemIndex();
        int to = state.getLastItemIndex() + 1;
        XYSource source = dataset instanceof RingXYDataset rings ? rings.ring(series) : new DatasetSeries(dataset, series);
        int threshold = Math.max(3, (int) Math.ceil(dataArea.getWidth() * pointsPerPixel));
        int[] kept = Lttb.select(source, from, to, threshold);
        if (kept.length == 0) {
            return;
        }
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        boolean vertical = plot.getOrientation().isVertical();
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, kept.length);
        double[] px = new double[kept.length];
        double[] py = new double[kept.length];
        for (int k = 0; k < kept.length; k++) {
            double tx = domainAxis.valueToJava2D(source.x(kept[k]), dataArea, xEdge);
            double ty = rangeAxis.valueToJava2D(source.y(kept[k]), dataArea, yEdge);
            px[k] = vertical ? tx : ty;
            py[k] = vertical ? ty : tx;
            if (k == 0) {
                path.moveTo(px[k], py[k]);
            } else {
                path.lineTo(px[k], py[k]);
            }
        }
        g2.setPaint(lookupSeriesPaint(series));
        if (kept.length > 1) {
            if (kept.length >= dataArea.getWidth() * DENSE_POINTS_PER_PIXEL) {
                Object aa = g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
                Object sc = g2.getRenderingHint(RenderingHints.KEY_STROKE_CONTROL);
                g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
                g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_NORMALIZE);
                g2.setStroke(DENSE_STROKE);
                g2.draw(path);
                restore(g2, RenderingHints.KEY_ANTIALIASING, aa);
                restore(g2, RenderingHints.KEY_STROKE_CONTROL, sc);
            } else {
                g2.setStroke(lookupSeriesStroke(series));
                g2.draw(path);
            }
        }
        double spread = kept.length > 1 ? Math.abs(px[kept.length - 1] - px[0]) / (kept.length - 1) : Double.POSITIVE_INFINITY;
        if (spread >= DOT_SPACING_PX) {
            Ellipse2D.Double dot = new Ellipse2D.Double();
            for (int k = 0; k < kept.length; k++) {
                if (dataArea.contains(px[k], py[k])) {
                    dot.setFrame(px[k] - 2, py[k] - 2, 4, 4);
                    g2.fill(dot);
                }
            }
        }
    }

    private static void restore(Graphics2D g2, RenderingHints.Key key, Object value) {
        if (value != null) {
            g2.setRenderingHint(key, value);
        }
    }

    /** Any other XY dataset, read through its interface (slower: every read is a virtual call with a range check). */
    private record DatasetSeries(XYDataset dataset, int series) implements XYSource {
        @Override
        public int size() {
            return dataset.getItemCount(series);
        }

        @Override
        public double x(int i) {
            return dataset.getXValue(series, i);
        }

        @Override
        public double y(int i) {
            return dataset.getYValue(series, i);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LttbLineRenderer r && r.pointsPerPixel == pointsPerPixel && super.equals(o);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(pointsPerPixel);
    }
}
