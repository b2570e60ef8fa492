package org.waterchain.bench;

/*
 * What one pan or zoom step costs the map's vector layers: FeatureLayer.layout, which Gluon Maps runs in every layout
 * pass, for 10,000 features (the 746 New Hope Creek reaches of ../shared/data, or as many generated reaches when it
 * is absent, plus generated points up to 10,000, all over the basin) against the 16 ms a frame has at 60 Hz. The
 * layer is built and laid out on the FX thread (headless Monocle, software prism) in a 1075x845 view, the map's size
 * in a 1400x880 window:
 *
 *   step=pan    the view moves 40 px (the layer's groups move; features that scroll in are placed)
 *   step=zoom   the view alternates between two zoom levels one apart (every feature in view is placed again)
 *   step=same   the view does not move: what Gluon's other layout passes cost, and the floor of this harness (the
 *               hand-over to the FX thread and back)
 * at zoom 11 (the whole basin and all 10,000 features in view), 13 and 15.
 *
 * Run only this benchmark, from the reactor root (the app's classes first: they are newer than its jar in ~/.m2):
 *   mvn -B -q -o -pl ledger,devices,app,src-test test-compile
 *   mvn -B -q -o -pl src-test dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 *   java -cp "src-test/target/test-classes:ledger/target/classes:devices/target/classes:app/target/classes:$(cat src-test/target/bench.cp)" \
 *        org.waterchain.bench.MapLayoutBench
 * or with the whole suite: -Dwaterchain.bench.include=MapLayout with RunBenchmarks. About 3 minutes on 2 cores.
 *
 * Measured on the project's 2-core machine (OpenJDK 17.0.15, New Hope Creek present, the machine shared with other
 * builds), ms per step at zoom 11 / 13 / 15, with the features in view (and nodes made) at each zoom:
 *   pan   2.35 / 0.56 / 0.058      zoom  2.48 / 0.99 / 0.11      same  0.026 / 0.014 / 0.044
 *   in view: 10,000 / about 4,700 / about 330 of the 10,000 features
 * so the worst step, every feature in view and placed again, takes about a seventh of a 16.7 ms frame.
 */

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
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
import org.waterchain.app.map.geo.BoundingBox;
import org.waterchain.app.map.geo.Channel;
import org.waterchain.app.map.geo.ChannelLayer;
import org.waterchain.app.map.geo.Geometry;
import org.waterchain.app.map.geo.NhdPlusImport;
import org.waterchain.app.map.geo.Position;
import org.waterchain.app.map.geo.Properties;
import org.waterchain.app.map.geo.Station;
import org.waterchain.app.map.geo.StationLayer;
import org.waterchain.app.map.view.FeatureLayer;
import org.waterchain.app.map.view.FitView;
import org.waterchain.app.map.view.PreparedLayer;
import org.waterchain.app.map.view.VectorLayer;
import org.waterchain.app.map.view.Viewport;
import org.waterchain.ledger.registry.StationKind;

@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
        "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MapLayoutBench {
    static final int FEATURES = 10_000;
    static final double WIDTH = 1075;
    static final double HEIGHT = 845;
    static final double PAN_PX = 40;
    static final Path NEW_HOPE = Path.of("../shared/data/nhdplus/nhdplusv2_flowlines_NewHopeCreek_NC.geojson");
    /** The New Hope Creek basin, where generated features go too. */
    static final BoundingBox BASIN = new BoundingBox(-79.165966, 35.78552, -78.8386645, 36.0259851);

    @Param({"11", "13", "15"})
    public double zoom;

    @Param({"pan", "zoom", "same"})
    public String step;

    FeatureLayer layer;
    Viewport a;
    Viewport b;
    boolean flip;

    @Setup(Level.Trial)
    public void build() throws Exception {
        startToolkit();
        ChannelLayer reaches = reaches();
        StationLayer points = points(FEATURES - reaches.channels().size());
        PreparedLayer r = PreparedLayer.of(new VectorLayer("reaches", "New Hope Creek", VectorLayer.Origin.IMPORTED, reaches));
        PreparedLayer p = PreparedLayer.of(new VectorLayer("points", "points", VectorLayer.Origin.IMPORTED, points));
        FitView centre = FitView.of(BASIN, WIDTH, HEIGHT, 0, 0, 19);
        a = Viewport.centred(centre.lat(), centre.lon(), zoom, WIDTH, HEIGHT);
        b = switch (step) {
            case "pan" -> new Viewport(zoom, a.originX() - PAN_PX, a.originY() - PAN_PX * 0.6, WIDTH, HEIGHT);
            case "zoom" -> Viewport.centred(centre.lat(), centre.lon(), zoom + 1, WIDTH, HEIGHT);
            case "same" -> a;
            default -> throw new IllegalArgumentException("unknown step " + step);
        };
        layer = onFx(() -> {
            FeatureLayer l = new FeatureLayer();
            l.put(r);
            l.put(p);
            // in a scene, with the map's style sheet, as on screen
            Scene scene = new Scene(new Group(l), WIDTH, HEIGHT);
            scene.getStylesheets().add(FeatureLayer.class.getResource("map.css").toExternalForm());
            l.layout(a);
            l.layout(b);
            return l;
        });
    }

    /** One step: the other view than the last one (for "same", the same view again). */
    @Benchmark
    public boolean layout() throws Exception {
        flip = !flip;
        Viewport v = flip ? a : b;
        return onFx(() -> layer.layout(v));
    }

    @TearDown(Level.Trial)
    public void report() throws Exception {
        int[] counts = onFx(layer::nodeCounts);
        System.out.printf(Locale.ROOT, "%n  zoom %.0f %s: %,d of %,d features in view (with the margin), %,d nodes made%n",
                zoom, step, counts[1], FEATURES, counts[0]);
    }

    static void startToolkit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException already) {
            started.countDown();
        }
        started.await();
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> f = new FutureTask<>(work);
        Platform.runLater(f);
        return f.get();
    }

    /** The real network when ../shared/data is there, else as many generated meandering reaches. */
    static ChannelLayer reaches() {
        if (Files.isRegularFile(NEW_HOPE)) {
            return NhdPlusImport.read(NEW_HOPE).orThrow().channels();
        }
        System.out.println("New Hope Creek not found at " + NEW_HOPE.toAbsolutePath()
                + ": generating 746 reaches of 11 points over the same basin instead");
        Random rnd = new Random(7);
        List<Channel> out = new ArrayList<>();
        for (int i = 0; i < 746; i++) {
            double lon = BASIN.minLon() + rnd.nextDouble() * BASIN.width();
            double lat = BASIN.minLat() + rnd.nextDouble() * BASIN.height();
            List<Position> pts = new ArrayList<>();
            for (int k = 0; k < 11; k++) {
                pts.add(new Position(lon, lat));
                lon += (rnd.nextDouble() - 0.3) * 0.002;
                lat -= rnd.nextDouble() * 0.002;
            }
            out.add(new Channel("G" + i, "", "N" + i, "N" + (i + 1), 1000, new Geometry.LineString(pts), Properties.EMPTY));
        }
        return new ChannelLayer(out);
    }

    static StationLayer points(int n) {
        Random rnd = new Random(11);
        List<Station> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Station("P" + i, "", StationKind.REGULAR, new Geometry.Point(BASIN.minLon() + rnd.nextDouble() * BASIN.width(),
                    BASIN.minLat() + rnd.nextDouble() * BASIN.height()), Properties.EMPTY));
        }
        return new StationLayer(out);
    }

    /** Runs this benchmark alone and prints a summary beside the frame budget. */
    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(MapLayoutBench.class.getName() + "\\.").build()).run();
        System.out.println();
        System.out.printf(Locale.ROOT, "Map layer layout per step, %,d features, %.0fx%.0f view (%d cores, %s %s); a frame has 16.7 ms%n",
                FEATURES, WIDTH, HEIGHT, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        for (RunResult r : results) {
            System.out.printf(Locale.ROOT, "  zoom %-4s step %-5s %8.3f ± %6.3f ms%n", r.getParams().getParam("zoom"),
                    r.getParams().getParam("step"), r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError());
        }
    }
}
