package org.waterchain.it.ui;

import static org.junit.jupiter.api.Assertions.*;
import static org.waterchain.it.ui.AppHarness.onFx;
import static org.waterchain.it.ui.AppHarness.runFx;
import static org.waterchain.it.ui.AppHarness.screenshot;
import static org.waterchain.it.ui.AppHarness.waitFor;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.waterchain.app.overview.OverviewScreen;

/**
 * A new user's first minutes in the control room, on the demo, through the real window: tiles fill, a
 * pollution event turns a station red, the devices and settings screens work. Screenshots of each screen are
 * saved under src-test/target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ControlRoomUiTest {
    @TempDir
    static Path home;

    static AppHarness h;
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startTheApp() throws Exception {
        h = AppHarness.start(home);
        System.out.printf("cold start to the first frame (splash): %d ms; to the control room: %d ms%n",
                (h.firstFrameNanos - h.startedNanos) / 1_000_000, (System.nanoTime() - h.startedNanos) / 1_000_000);
    }

    @AfterAll
    static void stopTheApp() throws Exception {
        if (h != null) {
            h.stop();
        }
    }

    @Test
    @Order(1)
    void tilesFillWithLiveData() throws Exception {
        waitFor(60, "a tile for each of the 7 demo stations", () -> tiles().getChildren().size() == 7);
        waitFor(60, "R04's EC value", () -> robot.lookup("#value-R04-EC").tryQuery().isPresent());
        String ec = onFx(() -> robot.lookup("#value-R04-EC").queryAs(Label.class).getText());
        double v = Double.parseDouble(ec);
        assertTrue(v > 100 && v < 2000, "a plausible conductivity: " + ec);
        screenshot(root(), "01-overview");
    }

    @Test
    @Order(3)
    void aPollutionEventTurnsTheStationRed() throws Exception {
        runFx(() -> h.app.window().show("overview"));
        OverviewScreen overview = onFx(() -> (OverviewScreen) h.app.window().current());
        runFx(() -> overview.injectDemoEvent("R04", org.waterchain.ledger.record.Quantity.EC, 1500, 3 * 3_600_000L));
        waitFor(60, "R04's tile in the red class", () -> robot.lookup("#tile-R04").query().getStyleClass().contains("compliance-red"));
        screenshot(root(), "02-overview-pollution");
    }

    @Test
    @Order(8)
    void devicesScreenCountsWhatTheSimulatorDelivered() throws Exception {
        runFx(() -> h.app.window().show("devices"));
        waitFor(30, "the simulator's row with accepted records", () -> {
            TableView<?> t = robot.lookup("#devices-table").queryAs(TableView.class);
            return t.getItems().stream().anyMatch(r -> r.toString().contains("simulator") && !r.toString().contains("accepted=0,"));
        });
        // the seven demo devices, and the imported series' gateway device when the shared data was there
        assertTrue(onFx(() -> robot.lookup("#devices-registered").queryAs(TableView.class).getItems().size()) >= 7);
        screenshot(root(), "03-devices");
    }

    @Test
    @Order(2)
    void settingsPersistTheOperatorName() throws Exception {
        runFx(() -> h.app.window().show("settings"));
        // the form sits in a scroll pane, whose content joins the scene graph with its skin, a pulse later
        waitFor(10, "the settings form", () -> robot.lookup("#settings-operator").tryQuery().isPresent());
        runFx(() -> robot.lookup("#settings-operator").queryAs(javafx.scene.control.TextField.class).setText("Lin Wei"));
        runFx(() -> robot.lookup("#settings-save").queryButton().fire());
        waitFor(10, "saved", () -> robot.lookup("#settings-status").queryAs(Label.class).getText().startsWith("saved"));
        assertEquals("Lin Wei", org.waterchain.app.settings.AppSettings.load().operatorName());
        assertEquals("Lin Wei", h.app.operatorName());
        screenshot(root(), "04-settings");
    }

    @Test
    @Order(4)
    void thePollutionRaisesAnAlarmWithBanner() throws Exception {
        try {
            waitFor(60, "an unacknowledged EC alarm at R04", () -> r04EcAlarm() != null && r04EcAlarm().state().unacknowledged());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; alarms: " + h.app.alarms().latest().rows(), e);
        }
        waitFor(10, "the alarm banner", () -> robot.lookup("#alarm-banner").query().isVisible());
        runFx(() -> h.app.window().show("alarms"));
        waitFor(10, "the alarm in the list", () -> robot.lookup("#alarm-table").tryQuery().map(t -> ((TableView<?>) t).getItems().stream()
                .anyMatch(r -> ((org.waterchain.app.alarm.AlarmRow) r).alarmId().equals(r04EcAlarm().alarmId()))).orElse(false));
        screenshot(root(), "07-alarm-raised");
    }

    @Test
    @Order(5)
    void acknowledgingIsRecordedOnTheLedgerInTheOperatorsName() throws Exception {
        String id = r04EcAlarm().alarmId();
        runFx(() -> {
            TableView<org.waterchain.app.alarm.AlarmRow> t = robot.lookup("#alarm-table").queryAs(TableView.class);
            t.getItems().stream().filter(r -> r.alarmId().equals(id)).findFirst().ifPresent(r -> t.getSelectionModel().select(r));
            robot.lookup("#alarm-comment").queryAs(javafx.scene.control.TextField.class).setText("crew sent to R04 outfall");
        });
        runFx(() -> robot.lookup("#alarm-ack").queryButton().fire());
        waitFor(30, "the acknowledgement in the ledger's alarm journal", () -> h.app.session().node().queries().alarmHistory(id).stream()
                .anyMatch(j -> j.event().action() == org.waterchain.ledger.alarm.AlarmAction.ACKNOWLEDGE));
        var ack = h.app.session().node().queries().alarmHistory(id).stream()
                .filter(j -> j.event().action() == org.waterchain.ledger.alarm.AlarmAction.ACKNOWLEDGE).findFirst().orElseThrow();
        assertEquals("Lin Wei", ack.event().operator(), "recorded under the operator's name from the settings");
        assertEquals("crew sent to R04 outfall", ack.event().comment());
        assertTrue(ack.height() > 0, "in a value-chain block");
        assertFalse(r04EcAlarm().state().unacknowledged());
        screenshot(root(), "08-alarm-acknowledged");
    }

    @Test
    @Order(6)
    void doubleClickingATileOpensItsChartWhichExports() throws Exception {
        runFx(() -> h.app.window().show("overview"));
        robot.doubleClickOn("#tile-R04");
        waitFor(10, "the chart screen", () -> h.app.window().current().id().equals("charts"));
        waitFor(30, "the chart viewer", () -> robot.lookup("#chart-viewer").tryQuery().isPresent());
        Thread.sleep(2_000); // a couple of demo hours of live data on the chart
        screenshot(root(), "09-chart-R04");
        var charts = onFx(() -> (org.waterchain.app.chart.ChartScreen) h.app.window().current());
        Path csv = home.resolve("r04.csv");
        long rows = charts.exportCsv(csv).get(30, TimeUnit.SECONDS);
        assertTrue(rows > 0, "rows exported");
        assertTrue(java.nio.file.Files.readString(csv).contains("R04"), "the CSV holds R04's data");
        Path png = charts.exportPng(home.resolve("r04.png")).get(30, TimeUnit.SECONDS);
        assertTrue(java.nio.file.Files.size(png) > 1000, "a PNG of the chart");
    }

    @Test
    @Order(7)
    void importingARecordedSeriesShowsProgressAndLandsOnTheLedger() throws Exception {
        Path sligo = Path.of("../../shared/data/usgs/USGS_01650800_SligoCreek_MD_2019-05_5min.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(sligo),
                "the shared reference data is not beside the checkout (" + sligo.toAbsolutePath() + "): import step skipped");
        runFx(() -> h.app.window().show("devices"));
        var devices = onFx(() -> (org.waterchain.app.devices.DevicesScreen) h.app.window().current());
        var task = onFx(() -> devices.importCsv(sligo, "R09", "R09-SLIGO"));
        waitFor(120, "the import to finish", task::isDone);
        assertEquals(javafx.concurrent.Worker.State.SUCCEEDED, onFx(task::getState), () -> String.valueOf(task.getException()));
        assertEquals(9216, onFx(task::getValue).rows());
        long stored = h.app.session().node().queries().records("R09", 0, 1_600_000_000_000L).stream()
                .filter(r -> r.record().deviceId().equals("R09-SLIGO")).count();
        assertEquals(9216, stored, "every row of May 2019 is a gateway-signed record of R09-SLIGO");
        screenshot(root(), "11-import");
    }

    private org.waterchain.app.alarm.AlarmRow r04EcAlarm() {
        return h.app.alarms().latest().rows().stream()
                .filter(r -> r.source().contains("R04") && r.condition().contains("EC") && !r.system()).findFirst().orElse(null);
    }

    @Test
    @Order(9)
    void aFullAuditOfTheRunningNodeIsClean() throws Exception {
        runFx(() -> h.app.window().show("explorer"));
        screenshot(root(), "05-explorer");
        runFx(() -> robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(1));
        runFx(() -> robot.lookup("#explorer-audit").queryButton().fire());
        waitFor(120, "the audit's verdict", () -> robot.lookup("#explorer-audit-verdict").queryAs(Label.class).getText().contains("CLEAN")
                || robot.lookup("#explorer-audit-verdict").queryAs(Label.class).getText().contains("ALTERED"));
        String verdict = onFx(() -> robot.lookup("#explorer-audit-verdict").queryAs(Label.class).getText());
        assertTrue(verdict.contains("CLEAN"), verdict);
        screenshot(root(), "06-audit");
    }

    /** The EC event of order 3 is traced by pollution coins on the ledger, listed, and drawn on the map. */
    @Test
    @Order(10)
    void thePollutionEventIsTracedToItsSourceAndShownOnTheMap() throws Exception {
        runFx(() -> h.app.window().show("trace"));
        waitFor(120, "an EC event traced to R04", () -> {
            robot.lookup("#trace-refresh").queryButton().fire();
            return robot.lookup("#trace-events").queryAs(javafx.scene.control.ListView.class).getItems().stream()
                    .anyMatch(r -> r.toString().contains("EC\nsource R04"));
        });
        runFx(() -> {
            var list = robot.lookup("#trace-events").queryAs(javafx.scene.control.ListView.class);
            list.getItems().stream().filter(r -> r.toString().contains("EC\nsource R04")).findFirst()
                    .ifPresent(r -> list.getSelectionModel().select(r));
        });
        waitFor(60, "its procedure tree, with R04 as the source", () -> robot.lookup("#trace-node-R04").tryQuery()
                .map(n -> n.getStyleClass().contains("trace-source")).orElse(false));
        assertTrue(onFx(() -> robot.lookup("#trace-headline").queryAs(Label.class).getText()).startsWith("EC above"));
        screenshot(root(), "12-tracing");
        runFx(() -> robot.lookup("#trace-show-map").queryButton().fire());
        waitFor(30, "the trace on the map", () -> robot.lookup("#map-trace-station-R04").tryQuery().isPresent());
        Thread.sleep(1500); // tiles
        screenshot(root(), "13-trace-on-map");
    }

    /** Reports the longest gap between FX pulses while the demo ingests as fast as it can; no assertion on time. */
    @Test
    @Order(90)
    void longestPulseGapWhileTheDemoRunsFlatOut() throws Exception {
        runFx(() -> h.app.window().show("overview"));
        var runner = h.app.session().demoClock().orElseThrow();
        double speed = runner.speed();
        long[] last = {0};
        long[] longest = {0};
        long[] frames = {0};
        javafx.animation.AnimationTimer timer = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last[0] != 0) {
                    longest[0] = Math.max(longest[0], now - last[0]);
                }
                last[0] = now;
                frames[0]++;
            }
        };
        long records0 = h.app.session().ingest().stats("simulator").accepted();
        long fxThread = onFx(() -> Thread.currentThread().getId());
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getThreadCpuTime(fxThread);
        runFx(timer::start);
        runner.setSpeed(36_000); // ten demo hours a second: every station, every minute of demo time
        Thread.sleep(10_000);
        runFx(timer::stop);
        long fxCpu = threads.getThreadCpuTime(fxThread) - cpu0;
        runner.setSpeed(speed);
        long records = h.app.session().ingest().stats("simulator").accepted() - records0;
        System.out.printf("FX pulses while ingesting %d records in 10 s (%.0f records/s): %d frames, longest gap %.1f ms,"
                + " FX thread busy %.0f%% (software rendering, 2 cores shared with the node)%n",
                records, records / 10.0, frames[0], longest[0] / 1e6, fxCpu / 1e8);
        long demoHours = (h.app.session().now() - h.app.session().node().queries().query("first sample", c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT MIN(sample_time) FROM records")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        })) / 3_600_000L;
        System.out.printf("process RSS after %d demo hours: %d MB (this test JVM: app, node, TestFX)%n", demoHours,
                java.nio.file.Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                        .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0) / 1024);
        assertTrue(frames[0] > 0, "the FX thread kept rendering");
        assertTrue(records > 0, "the demo ingested meanwhile");
    }

    /** The FX thread's share of one core in the demo's steady state with every station and quantity charted; no assertion on time. */
    @Test
    @Order(91)
    void fxThreadBusyWithEveryStationCharted() throws Exception {
        runFx(() -> h.app.window().show("charts"));
        var charts = onFx(() -> (org.waterchain.app.chart.ChartScreen) h.app.window().current());
        java.util.List<String> stations = h.app.session().registry().stationList().stream().map(st -> st.id()).toList();
        java.util.Set<org.waterchain.ledger.record.Quantity> all = java.util.EnumSet.noneOf(org.waterchain.ledger.record.Quantity.class);
        h.app.session().node().queries().records("R04", Long.MIN_VALUE, Long.MAX_VALUE).stream().limit(1)
                .forEach(r -> r.record().readings().forEach(x -> org.waterchain.ledger.record.Quantity.byCode(x.quantityCode()).ifPresent(all::add)));
        h.app.session().node().queries().records("M02", Long.MIN_VALUE, Long.MAX_VALUE).stream().limit(1)
                .forEach(r -> r.record().readings().forEach(x -> org.waterchain.ledger.record.Quantity.byCode(x.quantityCode()).ifPresent(all::add)));
        runFx(() -> charts.show(stations, all));
        Thread.sleep(3_000);
        long fxThread = onFx(() -> Thread.currentThread().getId());
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getThreadCpuTime(fxThread);
        long t0 = System.nanoTime();
        Thread.sleep(10_000);
        double busy = (threads.getThreadCpuTime(fxThread) - cpu0) * 100.0 / (System.nanoTime() - t0);
        screenshot(root(), "10-charts-all-stations");
        System.out.printf("steady demo (7 stations, %d quantities charted, live): FX thread busy %.1f%% of one core%n", all.size(), busy);
        assertTrue(busy >= 0);
    }

    private FlowPane tiles() {
        return robot.lookup("#overview-tiles").queryAs(FlowPane.class);
    }

    private Node root() throws Exception {
        return onFx(() -> h.app.window().root().getScene().getRoot());
    }
}
