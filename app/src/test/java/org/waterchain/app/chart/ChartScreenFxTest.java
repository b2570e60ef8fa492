package org.waterchain.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.app.session.Session;
import org.waterchain.ledger.record.Quantity;

/**
 * The chart screen on a real demo session (a real ledger, the simulated district feeding it), in headless
 * Monocle: live data arrives, the limit is drawn, the wheel zooms, history loads and cancels, exports write.
 * Saves a screenshot to target/chart-screen.png.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChartScreenFxTest {
    private static final long WAIT_MS = 60_000;

    @TempDir
    static Path home;
    static Session session;
    static ChartScreen screen;
    static Stage stage;

    @BeforeAll
    static void start() throws Exception {
        // headless on Monocle: the platform properties come from the build (root pom, surefire)
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        assertTrue(up.await(30, TimeUnit.SECONDS), "JavaFX did not start");
        session = Session.demo(home.resolve("demo"), Session.DEMO_SPEED);
        fx(() -> {
            screen = new ChartScreen(session);
            stage = new Stage();
            Scene scene = new Scene((javafx.scene.Parent) screen.view(), 1400, 860);
            scene.getStylesheets().add(org.waterchain.app.WaterChainApp.class.getResource("waterchain.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            screen.shown();
            return null;
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (screen != null) {
            fx(() -> {
                screen.close();
                stage.hide();
                return null;
            });
        }
        if (session != null) {
            session.close();
        }
    }

    @Test
    @Order(1)
    void showsEcOfStationsAlongTheChannelLiveWithTheLimit() throws Exception {
        fx(() -> {
            screen.showRange(ChartModel.Range.LIVE_6H);
            screen.show(List.of("R04", "R06", "R07", "R09", "R10", "R12"), Set.of(Quantity.EC));
            return null;
        });
        waitFor("EC points of six stations", () -> fx(() -> !screen.loading() && screen.trend().points() >= 6 * 20));
        fx(() -> {
            TrendChart.PanelView ec = screen.trend().panels().get(0);
            assertEquals(1, screen.trend().panels().size());
            assertEquals(6, ec.data().getSeriesCount());
            ValueMarker limit = (ValueMarker) ec.plot().getRangeMarkers(0, Layer.FOREGROUND).iterator().next();
            assertEquals(750, limit.getValue());
            assertTrue(((CheckBox) lookup("#chart-q-EC")).isSelected());
            assertFalse(((CheckBox) lookup("#chart-q-PH")).isSelected());
            assertEquals(6, ((ListView<?>) lookup("#chart-station")).getSelectionModel().getSelectedItems().size());
            assertTrue(((Label) lookup("#chart-status")).getText().startsWith("EC at R04, R06, R07, R09, R10, R12"));
            assertTrue(screen.model().following());
            return null;
        });
        Thread.sleep(1500); // a few more live batches on screen
        fx(() -> {
            BufferedImage shot = SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null);
            Path out = Path.of("target", "chart-screen.png");
            Files.createDirectories(out.getParent());
            ImageIO.write(shot, "png", out.toFile());
            return null;
        });
    }

    @Test
    @Order(2)
    void theWheelZoomsTimeAroundThePointerAndResetFollowsAgain() throws Exception {
        fx(() -> {
            ChartViewer viewer = (ChartViewer) lookup("#chart-viewer");
            viewer.getCanvas().draw();
            Rectangle2D area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
            Point2D at = viewer.getCanvas().localToScene(area.getCenterX(), area.getCenterY());
            double before = screen.trend().window().getLength();
            Event.fireEvent(viewer.getCanvas(), new ScrollEvent(ScrollEvent.SCROLL, at.getX(), at.getY(), at.getX(), at.getY(),
                    false, false, false, false, false, false, 0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
            double after = screen.trend().window().getLength();
            assertEquals(before / ChartGestures.NOTCH_FACTOR, after, before * 1e-6, "wheel away: zoom in by one notch");
            assertFalse(screen.model().following(), "the operator's zoom stops the window following the clock");
            Button reset = (Button) lookup("#chart-reset-zoom");
            assertEquals("Follow live", reset.getText());
            reset.fire();
            assertTrue(screen.model().following());
            assertEquals(6 * 3_600_000.0, screen.trend().window().getLength(), 1);
            assertEquals("Reset zoom", reset.getText());
            return null;
        });
    }

    @Test
    @Order(3)
    void exportsTheShownDataAsCsvAndTheChartAsPng(@TempDir Path out) throws Exception {
        long rows = screen.exportCsv(out.resolve("ec.csv")).get(30, TimeUnit.SECONDS);
        List<String> lines = Files.readAllLines(out.resolve("ec.csv"), StandardCharsets.UTF_8);
        assertEquals(CsvExport.HEADER, lines.get(0));
        assertEquals(rows, lines.size() - 1);
        assertTrue(rows >= 6 * 20, "rows: " + rows);
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(",EC,µS/cm,")));
        Path png = screen.exportPng(out.resolve("ec.png"), 1600, 900).get(30, TimeUnit.SECONDS);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1600, img.getWidth());
        assertEquals(900, img.getHeight());
    }

    @Test
    @Order(4)
    void aRangeOfHistoryLoadsInTheBackgroundAndStaysPut() throws Exception {
        long now = session.now();
        // the demo started with this test class: its first half hour or so is history by now
        long from = now - 30 * 60_000L;
        long to = now - 10 * 60_000L;
        fx(() -> {
            screen.showHistory(from, to);
            return null;
        });
        waitFor("the history range", () -> fx(() -> !screen.loading()));
        fx(() -> {
            assertEquals(ChartModel.Range.CUSTOM, screen.model().range());
            assertEquals(from, (long) screen.trend().window().getLowerBound());
            assertEquals(to, (long) screen.trend().window().getUpperBound());
            assertTrue(screen.trend().points() > 0);
            for (CsvExport.SeriesData d : screen.trend().visibleData()) {
                for (double x : d.x()) {
                    assertTrue(x >= from && x < to, "a point outside the range: " + (long) x);
                }
            }
            assertTrue(((Node) lookup("#chart-from")).isVisible());
            return null;
        });
        Thread.sleep(1500);
        fx(() -> {
            assertEquals(to, (long) screen.trend().window().getUpperBound(), "a custom range does not follow the clock");
            return null;
        });
    }

    @Test
    @Order(5)
    void theFromToButtonOffersTheShownWindowAndRefusesABadTime() throws Exception {
        fx(() -> {
            screen.showRange(ChartModel.Range.LIVE_6H);
            ((javafx.scene.control.TextField) lookup("#chart-from")).clear();
            ((javafx.scene.control.ToggleButton) lookup("#chart-range-custom")).fire();
            assertEquals(ChartModel.Range.CUSTOM, screen.model().range());
            javafx.scene.control.TextField from = (javafx.scene.control.TextField) lookup("#chart-from");
            javafx.scene.control.TextField to = (javafx.scene.control.TextField) lookup("#chart-to");
            java.time.ZoneId zone = java.time.ZoneId.systemDefault();
            assertEquals(6 * 3_600_000L, ChartModel.parseTime(to.getText(), zone) - ChartModel.parseTime(from.getText(), zone));
            from.setText("yesterday");
            ((Button) lookup("#chart-load")).fire();
            assertTrue(((Label) lookup("#chart-status")).getText().contains("is not a time like"),
                    ((Label) lookup("#chart-status")).getText());
            return null;
        });
        waitFor("the from-to load", () -> fx(() -> !screen.loading()));
    }

    @Test
    @Order(6)
    void aLoadCanBeCancelled() throws Exception {
        fx(() -> {
            screen.showRange(ChartModel.Range.LIVE_7D);
            assertTrue(screen.loading());
            assertTrue(lookup("#chart-progress").isVisible());
            ((Button) lookup("#chart-cancel")).fire();
            assertFalse(screen.loading());
            assertFalse(lookup("#chart-progress").isVisible());
            assertTrue(((Label) lookup("#chart-status")).getText().startsWith("Loading cancelled"));
            return null;
        });
    }

    @Test
    @Order(7)
    void openingAHeavyMetalStationPicksItsRegulatedQuantities() throws Exception {
        fx(() -> {
            screen.showRange(ChartModel.Range.LIVE_24H);
            screen.showStation("M02");
            return null;
        });
        waitFor("M02's quantities", () -> fx(() -> !screen.model().quantities().isEmpty()));
        fx(() -> {
            assertEquals(List.of("M02"), screen.model().stations());
            Set<Quantity> qs = screen.model().quantities();
            assertTrue(Set.of(Quantity.CU, Quantity.ZN, Quantity.NI, Quantity.PB, Quantity.CD).containsAll(qs), qs.toString());
            assertEquals(qs.size(), screen.trend().panels().size());
            return null;
        });
    }

    private static Node lookup(String selector) {
        Node n = screen.view().lookup(selector);
        if (n == null) {
            throw new AssertionError("no node " + selector);
        }
        return n;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        FutureTask<T> f = new FutureTask<>(work);
        Platform.runLater(f);
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw e;
        }
    }

    private interface Check {
        boolean test() throws Exception;
    }

    private static void waitFor(String what, Check check) throws Exception {
        long end = System.currentTimeMillis() + WAIT_MS;
        while (!check.test()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
