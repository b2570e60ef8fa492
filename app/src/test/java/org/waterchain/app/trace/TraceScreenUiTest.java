package org.waterchain.app.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.waterchain.app.WaterChainApp;
import org.waterchain.app.alarm.AlarmService;
import org.waterchain.app.map.view.MapScreen;
import org.waterchain.app.session.Session;
import org.waterchain.app.settings.AppSettings;
import org.waterchain.app.trace.narrowing.SupplyPoint;
import org.waterchain.ledger.record.Quantity;

/**
 * The tracing screen on the demo, headless: a copper discharge at F-PCB-01 appears as a traced event, its procedure
 * tree and ranked candidates show, "Show on map" draws the pathway and the irrigation units on the map, and the
 * report is written. Screenshots in target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class TraceScreenUiTest {
    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path home;
    static Session session;
    static AlarmService alarms;
    static TraceService traces;
    TraceScreen screen;
    MapScreen map;
    StackPane holder;

    @BeforeAll
    static void demoWithACopperDischarge() {
        System.setProperty(AppSettings.HOME_PROPERTY, home.toString());
        session = Session.demo(home.resolve("demo"), 36_000);
        alarms = AlarmService.start(session);
        List<SupplyPoint> units = org.waterchain.app.map.geo.DemoLayers.irrigationUnits().features().stream()
                .map(u -> new SupplyPoint(u.id(), ((org.waterchain.app.map.geo.IrrigationUnit) u).supplyNode())).toList();
        traces = TraceService.start(session, () -> units, alarms::raise);
        session.simulator().orElseThrow().injectFromFactory("F-PCB-01", Quantity.CU, session.now(), 3 * 3_600_000L, 1.5);
        // a dye works' salty discharge: the regular stations measure EC, so its pathway runs through several
        session.simulator().orElseThrow().injectFromFactory("F-TEX-03", Quantity.EC, session.now(), 3 * 3_600_000L, 2500);
    }

    @AfterAll
    static void close() {
        traces.close();
        alarms.close();
        session.close();
        System.clearProperty(AppSettings.HOME_PROPERTY);
    }

    @Start
    void start(Stage stage) {
        map = new MapScreen(session, alarms);
        holder = new StackPane();
        screen = new TraceScreen(session, traces, f -> {
            holder.getChildren().setAll(map.view());
            map.showTrace(f);
        });
        holder.getChildren().setAll(screen.view());
        Scene scene = new Scene(new BorderPane(holder), 1400, 880);
        scene.getStylesheets().add(WaterChainApp.class.getResource("waterchain.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeScreens() {
        fx(() -> {
            screen.close();
            map.close();
            return null;
        });
    }

    @Test
    void aTracedDischargeShowsItsTreeCandidatesAndMap(FxRobot robot) throws Exception {
        TraceModel.EventRow cu = event(robot, "CU", 1);
        fx(() -> {
            screen.select(cu.quantity(), cu.timePointMs());
            return null;
        });
        waitFor(60, () -> fx(() -> screen.model().finding() != null && screen.model().finding().quantity().equals("CU")
                && !screen.model().candidates().isEmpty()));
        assertTrue(fx(() -> robot.lookup("#trace-headline").queryLabeled().getText()).contains("Source M02"));
        assertTrue(fx(() -> robot.lookup("#trace-node-M02").tryQuery().isPresent()), "M02 in the procedure tree");
        assertTrue(fx(() -> robot.lookup("#trace-node-Collection").tryQuery().isPresent()));
        TableView<?> table = robot.lookup("#trace-candidates").queryAs(TableView.class);
        assertEquals("F-PCB-01", fx(() -> ((TraceModel.CandidateRow) table.getItems().get(0)).factoryId()));
        shot(robot, "trace-screen");

        Path report = home.resolve("report.html");
        fx(() -> {
            screen.exportTo(report);
            return null;
        });
        waitFor(30, () -> Files.exists(report) && Files.size(report) > 0);
        assertTrue(Files.readString(report).contains("F-PCB-01"));

        robot.clickOn("#trace-show-map");
        waitFor(30, () -> fx(map::showsTrace));
        assertTrue(fx(() -> robot.lookup("#map-trace-station-M02").tryQuery().isPresent()), "ring on M02");
        assertTrue(fx(() -> robot.lookup("#map-trace-suspect-F-PCB-01").tryQuery().isPresent()), "likeliest framed");
        assertTrue(fx(() -> robot.lookup("#map-trace-label").queryLabeled().getText()).contains("F-PCB-01"));
        Thread.sleep(1500); // tiles
        WaitForAsyncUtils.waitForFxEvents();
        shot(robot, "trace-on-map");
        robot.clickOn("#map-clear-trace");
        waitFor(10, () -> !fx(map::showsTrace));
        assertFalse(fx(map::showsTrace));
    }

    @Test
    void aPathwayThroughSeveralStationsIsDrawnAsThePapersProcedureTree(FxRobot robot) throws Exception {
        TraceModel.EventRow ec = event(robot, "EC", 3);
        fx(() -> {
            screen.select(ec.quantity(), ec.timePointMs());
            return null;
        });
        waitFor(60, () -> fx(() -> screen.model().finding() != null && screen.model().finding().quantity().equals("EC")));
        TraceModel.Tree tree = fx(() -> screen.model().tree());
        assertTrue(tree.stations().size() >= 3, "stations: " + tree.stations());
        assertFalse(tree.edges().isEmpty(), "coins passed upstream");
        for (String s : tree.stations()) {
            assertTrue(fx(() -> robot.lookup("#trace-node-" + s).tryQuery().isPresent()), s + " drawn");
        }
        shot(robot, "trace-tree-ec");
        robot.clickOn("#trace-show-map");
        waitFor(30, () -> fx(map::showsTrace));
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        shot(robot, "trace-ec-on-map");
    }

    /** Waits until the list holds a traced event of the quantity with at least that many polluted stations. */
    private TraceModel.EventRow event(FxRobot robot, String quantity, int stations) throws TimeoutException {
        TraceModel.EventRow[] found = new TraceModel.EventRow[1];
        waitFor(120, () -> {
            robot.clickOn("#trace-refresh");
            WaitForAsyncUtils.waitForFxEvents();
            found[0] = fx(() -> screen.model().events().stream().filter(r -> r.quantity().equals(quantity)
                    && stationCount(r) >= stations).findFirst().orElse(null));
            return found[0] != null;
        });
        return found[0];
    }

    private static int stationCount(TraceModel.EventRow r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d+) stations?").matcher(r.label());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private void shot(FxRobot robot, String name) throws Exception {
        Files.createDirectories(SHOTS);
        Node root = fx(() -> holder.getScene().getRoot());
        var img = fx(() -> root.snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", SHOTS.resolve(name + ".png").toFile());
    }

    private static void waitFor(long seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
