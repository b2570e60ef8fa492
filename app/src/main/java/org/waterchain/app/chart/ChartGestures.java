package org.waterchain.app.chart;

import java.awt.geom.Point2D;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.AbstractMouseHandlerFX;
import org.jfree.chart.fx.interaction.MouseHandlerFX;
import org.jfree.chart.fx.interaction.PanHandlerFX;
import org.jfree.chart.fx.interaction.ZoomHandlerFX;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.Zoomable;
import javafx.scene.input.ScrollEvent;

/**
 * The chart's mouse, set up for trends: drag pans, Shift+drag zooms to a box, the wheel zooms time around the
 * pointer, Ctrl+wheel zooms the values of the panel under it. JFreeChart-FX's defaults differ in ways that hurt
 * here: a plain drag draws a zoom box and panning needs Alt+drag, which most Linux desktops take for moving the
 * window; its wheel handler zooms time and values together, turns a horizontal scroll (delta 0) into a zoom out,
 * and zooms in on wheel-down, the opposite of maps and most trend viewers.
 */
final class ChartGestures {
    /** Zoom per wheel notch. */
    static final double NOTCH_FACTOR = 1.2;
    /** JavaFX reports about 40 pixels of delta per notch of a common wheel. */
    static final double DELTA_PER_NOTCH = 40;

    private ChartGestures() {}

    static void install(ChartViewer viewer) {
        ChartCanvas canvas = viewer.getCanvas();
        remove(canvas, "zoom");
        remove(canvas, "pan");
        canvas.removeAuxiliaryMouseHandler(canvas.getMouseHandler("scroll"));
        canvas.addMouseHandler(new PanHandlerFX("pan", false, false, false, false));
        canvas.addMouseHandler(new ZoomHandlerFX("zoom", viewer, false, false, false, true));
        canvas.addAuxiliaryMouseHandler(new WheelZoom("scroll"));
    }

    private static void remove(ChartCanvas canvas, String id) {
        MouseHandlerFX h = canvas.getMouseHandler(id);
        if (h != null) {
            canvas.removeMouseHandler(h);
        }
    }

    /** The zoom factor for a wheel delta: below 1 (in) for a delta away from the operator. */
    static double factor(double deltaY) {
        return Math.pow(NOTCH_FACTOR, -deltaY / DELTA_PER_NOTCH);
    }

    private static final class WheelZoom extends AbstractMouseHandlerFX {
        WheelZoom(String id) {
            super(id, false, false, false, false);
        }

        @Override
        public void handleScroll(ChartCanvas canvas, ScrollEvent e) {
            ChartRenderingInfo info = canvas.getRenderingInfo();
            if (e.getDeltaY() == 0 || info == null || canvas.getChart() == null) {
                return;
            }
            Plot plot = canvas.getChart().getPlot();
            PlotRenderingInfo pinfo = info.getPlotInfo();
            Point2D p = new Point2D.Double(e.getX(), e.getY());
            if (!(plot instanceof Zoomable zoomable) || !pinfo.getDataArea().contains(p)) {
                return;
            }
            double f = factor(e.getDeltaY());
            if (e.isControlDown()) {
                zoomable.zoomRangeAxes(f, pinfo, p, true);
            } else {
                zoomable.zoomDomainAxes(f, pinfo, p, true);
            }
            e.consume();
        }
    }
}
