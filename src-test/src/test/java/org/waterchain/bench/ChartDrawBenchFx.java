package org.waterchain.bench;

/*
 * The chart screen's real path for one frame: JFreeChart-FX's ChartCanvas drawing a 1,000,000-point series at
 * 1600x900 through FXGraphics2D into a JavaFX Canvas (with a ChartRenderingInfo, as the canvas always asks),
 * then a snapshot of the canvas, which makes JavaFX rasterise the drawing commands the frame queued. Prints the
 * median and 90th percentile per variant (those of ChartDrawBench); a harness, not JMH, because the drawing must
 * happen on the FX thread.
 *
 * Needs a JavaFX toolkit: either a display (e.g. under ../shared/tools/shot.sh or xvfb-run), or headless Monocle
 * from the local Maven repository (software rendering). From the reactor root, after the classpath steps of
 * ChartDrawBench:
 *   java -cp "src-test/target/test-classes:$(cat src-test/target/bench.cp):$HOME/.m2/repository/org/testfx/openjfx-monocle/17.0.10/openjfx-monocle-17.0.10.jar" \
 *        -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Xmx3g \
 *        org.waterchain.bench.ChartDrawBenchFx [variant...]
 * Variants default to all of ChartDrawBench's; the slow ones stop after 20 s of drawing.
 *
 * Measured with headless Monocle and software prism on the project's 2-core machine, median ms per frame, draw
 * (commands queued) / draw + rasterise (snapshot): timeSeriesXYLine 377 / 2024, ringXYLine 111 / 1796,
 * ringSampling 19 / 44, ringLttb 9.1 / 36, trendChart 9.1 / 34.
 */

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartCanvas;

public final class ChartDrawBenchFx {
    static final int WARMUP = 5;
    static final int RUNS = 15;
    static final long BUDGET_NS = 20_000_000_000L;

    private ChartDrawBenchFx() {}

    public static void main(String[] args) throws Exception {
        List<String> variants = args.length > 0 ? List.of(args)
                : List.of("timeSeriesXYLine", "ringXYLine", "ringSampling", "ringLttb", "trendChart");
        MapLayoutBench.startToolkit();
        System.out.printf(Locale.ROOT, "ChartCanvas draw of one %,d-point series at %dx%d, JavaFX %s, prism %s, glass %s%n",
                ChartDrawBench.POINTS, ChartDrawBench.WIDTH, ChartDrawBench.HEIGHT, System.getProperty("javafx.runtime.version"),
                System.getProperty("prism.order", "default"), System.getProperty("glass.platform", "default"));
        for (String v : variants) {
            JFreeChart chart = ChartDrawBench.chart(v);
            double[][] r = MapLayoutBench.onFx(() -> measure(chart));
            System.out.printf(Locale.ROOT, "  %-18s draw %8.1f ms (p90 %8.1f)   draw+rasterise %8.1f ms (p90 %8.1f)   %d runs%n",
                    v, pct(r[0], 50), pct(r[0], 90), pct(r[1], 50), pct(r[1], 90), r[0].length);
        }
        Platform.exit();
    }

    /** On the FX thread: draw and snapshot, first to warm up, then timed. */
    private static double[][] measure(JFreeChart chart) {
        ChartCanvas canvas = new ChartCanvas(chart);
        canvas.setWidth(ChartDrawBench.WIDTH);
        canvas.setHeight(ChartDrawBench.HEIGHT);
        List<Double> draw = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        long begin = System.nanoTime();
        for (int i = 0; i < WARMUP + RUNS && System.nanoTime() - begin < BUDGET_NS; i++) {
            long t0 = System.nanoTime();
            canvas.draw();
            long t1 = System.nanoTime();
            canvas.snapshot(null, null);
            long t2 = System.nanoTime();
            if (i >= WARMUP || System.nanoTime() - begin > BUDGET_NS / 2) {
                draw.add((t1 - t0) / 1e6);
                total.add((t2 - t0) / 1e6);
            }
        }
        return new double[][] {draw.stream().mapToDouble(Double::doubleValue).toArray(), total.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    private static double pct(double[] v, int p) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
