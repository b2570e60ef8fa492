package org.waterchain.bench;

/*
 * Draw time of a 1,000,000-point series at 1600x900, rendered by JFreeChart into an offscreen Graphics2D (a
 * BufferedImage), the way the chart screen draws a frame; figures with and without down-sampling:
 *
 *   timeSeriesXYLine  TimeSeries of 1 M Millisecond items, XYLineAndShapeRenderer (the design note's baseline)
 *   ringXYLine        RingXYDataset (primitive ring buffer), XYLineAndShapeRenderer: no down-sampling
 *   ringSampling      RingXYDataset, JFreeChart's SamplingXYLineRenderer (per-pixel min/max)
 *   ringLttb          RingXYDataset, LttbLineRenderer (LTTB to 2 points per pixel of width)
 *   trendChart        the app's TrendChart: LTTB, a limit marker, the legend, one panel
 * each with `info` true (a ChartRenderingInfo collects item entities, as the on-screen ChartViewer asks) and
 * false (as a PNG export draws).
 *
 * Run only this benchmark (from the reactor root, after `mvn -B -q install -DskipTests`, or with the app's jar in
 * ~/.m2 current):
 *   mvn -B -q -pl src-test dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 *   mvn -B -q -pl src-test test-compile
 *   java -cp "src-test/target/test-classes:$(cat src-test/target/bench.cp)" org.waterchain.bench.ChartDrawBench
 * (in a worktree whose app is newer than the jar in ~/.m2, put app/target/classes right after the test classes),
 * or with the whole suite: -Dwaterchain.bench.include=ChartDraw with RunBenchmarks. The JavaFX canvas path
 * (FXGraphics2D on a Canvas) is measured by ChartDrawBenchFx. About 4 minutes on 2 cores.
 *
 * Measured on the project's 2-core machine (OpenJDK 17.0.15), ms per draw, info=true / info=false:
 *   timeSeriesXYLine 1344 / 568, ringXYLine 405 / 338, ringSampling 31 / 34, ringLttb 10.3 / 10.2, trendChart 7.9 / 7.9
 * (the machine is shared: a busy run showed up to 5x these for the slow variants and 40-70 ms for the LTTB ones).
 */

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.waterchain.app.chart.ChartModel;
import org.waterchain.app.chart.LttbLineRenderer;
import org.waterchain.app.chart.RingBuffer;
import org.waterchain.app.chart.RingXYDataset;
import org.waterchain.app.chart.SeriesKey;
import org.waterchain.app.chart.SeriesStore;
import org.waterchain.app.chart.TrendChart;
import org.waterchain.app.standards.Standards;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;

@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChartDrawBench {
    static final int WIDTH = 1600;
    static final int HEIGHT = 900;
    static final int POINTS = 1_000_000;
    /** 30 s between samples: a million points is about 347 days of one series. */
    static final long STEP_MS = 30_000;
    static final long START_MS = 1_735_689_600_000L; // 2025-01-01T00:00:00Z

    @Param({"timeSeriesXYLine", "ringXYLine", "ringSampling", "ringLttb", "trendChart"})
    public String variant;

    @Param({"true", "false"})
    public boolean info;

    JFreeChart chart;
    BufferedImage image;
    Graphics2D g2;
    final Rectangle2D area = new Rectangle2D.Double(0, 0, WIDTH, HEIGHT);

    @Setup(Level.Trial)
    public void prepare() {
        chart = chart(variant);
        image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        g2 = image.createGraphics();
    }

    @Benchmark
    public ChartRenderingInfo draw() {
        ChartRenderingInfo i = info ? new ChartRenderingInfo() : null;
        chart.draw(g2, area, null, i);
        return i;
    }

    @TearDown(Level.Trial)
    public void cleanUp() {
        g2.dispose();
    }

    /** EC-like values: a daily cycle, slow drift, noise, and a pollution pulse now and then. */
    static double[][] signal() {
        Random rnd = new Random(42);
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        double pulse = 0;
        for (int i = 0; i < POINTS; i++) {
            x[i] = START_MS + i * STEP_MS;
            if (rnd.nextInt(20_000) == 0) {
                pulse = 600 + rnd.nextDouble() * 600;
            }
            pulse *= 0.995;
            y[i] = 420 + 40 * Math.sin(i * STEP_MS / 86_400_000.0 * 2 * Math.PI) + 25 * Math.sin(i / 90_000.0) + rnd.nextGaussian() * 8 + pulse;
        }
        return new double[][] {x, y};
    }

    static JFreeChart chart(String variant) {
        double[][] s = signal();
        return switch (variant) {
            case "timeSeriesXYLine" -> timeSeriesChart(s);
            case "ringXYLine" -> ringChart(s, new XYLineAndShapeRenderer(true, false));
            case "ringSampling" -> ringChart(s, new SamplingXYLineRenderer());
            case "ringLttb" -> ringChart(s, new LttbLineRenderer());
            case "trendChart" -> trendChart(s);
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        };
    }

    private static JFreeChart timeSeriesChart(double[][] s) {
        TimeSeries ts = new TimeSeries("R04");
        TimeZone utc = TimeZone.getTimeZone("UTC");
        for (int i = 0; i < POINTS; i++) {
            ts.add(new Millisecond(new java.util.Date((long) s[0][i]), utc, Locale.ROOT), s[1][i], false);
        }
        XYPlot plot = new XYPlot(new TimeSeriesCollection(ts, utc), new DateAxis(), axis(), new XYLineAndShapeRenderer(true, false));
        return new JFreeChart(plot);
    }

    private static JFreeChart ringChart(double[][] s, XYItemRenderer renderer) {
        RingBuffer ring = new RingBuffer(SeriesStore.DEFAULT_CAPACITY);
        for (int i = 0; i < POINTS; i++) {
            ring.add(s[0][i], s[1][i]);
        }
        XYPlot plot = new XYPlot(new RingXYDataset(List.of(new RingXYDataset.Series("R04", ring))), new DateAxis(), axis(), renderer);
        return new JFreeChart(plot);
    }

    private static NumberAxis axis() {
        NumberAxis a = new NumberAxis("EC (µS/cm)");
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    private static JFreeChart trendChart(double[][] s) {
        SeriesStore store = new SeriesStore(List.of("R04"), Long.MIN_VALUE, Long.MAX_VALUE, SeriesStore.DEFAULT_CAPACITY);
        RingBuffer ring = store.ring(new SeriesKey("R04", Quantity.EC));
        for (int i = 0; i < POINTS; i++) {
            ring.add(s[0][i], s[1][i]);
        }
        ChartModel m = new ChartModel();
        m.setStations(List.of("R04"));
        m.setQuantities(Set.of(Quantity.EC));
        long end = START_MS + POINTS * STEP_MS;
        m.setCustom(START_MS, end);
        Standards standards = Standards.of(List.of(new SetStandard("EC", Double.NaN, 750, 0.8)));
        TrendChart c = new TrendChart(TimeZone.getTimeZone("Asia/Taipei"));
        c.show(m.panels(standards), store, Map.of("R04", "Branch 3 head gate"));
        c.setWindow(START_MS, end);
        c.flush();
        return c.chart();
    }

    /** Runs this benchmark alone and prints a summary. */
    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(ChartDrawBench.class.getName() + "\\.").build()).run();
        System.out.println();
        System.out.printf(Locale.ROOT, "Draw of one %,d-point series at %dx%d into a BufferedImage (%d cores, %s %s)%n", POINTS, WIDTH, HEIGHT,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        for (RunResult r : results) {
            System.out.printf(Locale.ROOT, "  %-18s info=%-5s %10.1f ± %6.1f ms%n", r.getParams().getParam("variant"),
                    r.getParams().getParam("info"), r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError());
        }
    }
}
