package org.waterchain.app.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.waterchain.app.session.LiveRecord;
import org.waterchain.app.session.Session;
import org.waterchain.ledger.alarm.AlarmAction;
import org.waterchain.ledger.cli.NodeCli;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;

/**
 * The alarm screen and banner as an operator uses them, headless (Monocle) unless -Dtestfx.headless=false, on a
 * real node: alarms come in, the banner shows the most urgent, the operator acknowledges and shelves with a
 * reason, and the history tab reads both back from the ledger. Saves target/alarm-ui/*.png to look at.
 */
@ExtendWith(ApplicationExtension.class)
class AlarmsScreenUiTest {

    static final long T0 = 1_767_225_600_000L;

    @TempDir
    Path dir;
    final AtomicLong clock = new AtomicLong(T0);
    Session session;
    AlarmService alarms;
    AlarmsScreen screen;
    AlarmBanner banner;
    Stage stage;
    long seq;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        assertEquals(0, NodeCli.run("init", "--data", dir.resolve("node").toString()));
        session = Session.open(dir.resolve("node"));
        alarms = new AlarmService(AlarmSettings.defaults().withDelays(Delay.NONE, Delay.NONE),
                new LedgerAlarmJournal(session.node(), session.nodeKey()), clock::get, () -> session.registry().standards(), 50);
        screen = new AlarmsScreen(session, alarms, () -> "Chen Wei");
        banner = new AlarmBanner(alarms, () -> "Chen Wei", null);
        VBox root = new VBox(banner.view(), screen.view());
        VBox.setVgrow(screen.view(), javafx.scene.layout.Priority.ALWAYS);
        stage.setScene(new Scene(root, 1300, 700));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            banner.close();
            screen.close();
        });
        alarms.close();
        session.close();
    }

    void ec(String station, double v) {
        long t = clock.addAndGet(60_000);
        alarms.accept(List.of(new LiveRecord(station, station + "-A", ++seq, t, t, 0, List.of(new Reading(Quantity.EC, v)),
                1, new byte[32])));
    }

    static void waitFor(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within a minute", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    TableView<AlarmRow> table(FxRobot robot) {
        return (TableView<AlarmRow>) robot.lookup("#alarm-table").queryAs(TableView.class);
    }

    AlarmState state(FxRobot robot, String id) {
        return table(robot).getItems().stream().filter(r -> r.alarmId().equals(id)).map(AlarmRow::state).findFirst()
                .orElse(AlarmState.NORMAL);
    }

    void select(FxRobot robot, String id) {
        robot.interact(() -> {
            TableView<AlarmRow> t = table(robot);
            t.getSelectionModel().clearSelection();
            for (int i = 0; i < t.getItems().size(); i++) {
                if (t.getItems().get(i).alarmId().equals(id)) {
                    t.getSelectionModel().select(i);
                }
            }
        });
    }

    void save(FxRobot robot, String name) throws IOException {
        Path out = Path.of("target", "alarm-ui", name + ".png");
        Files.createDirectories(out.getParent());
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = stage.getScene().getRoot().snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", out.toFile());
    }

    @Test
    void anOperatorAcknowledgesAndShelvesAndTheLedgerShowsWhoDidWhat(FxRobot robot) throws IOException {
        Node bannerNode = robot.lookup("#alarm-banner").query();
        assertFalse(bannerNode.isVisible(), "no alarm, no banner");
        ec("R04", 900);
        ec("R06", 2000);
        waitFor(() -> table(robot).getItems().size() == 2);
        assertTrue(bannerNode.isVisible());
        assertTrue(robot.lookup("#alarm-banner-text").queryAs(Label.class).getText().startsWith("R06 EC HIGH  2000.0"),
                "the critical one is shown first");
        assertEquals("2 unacknowledged", robot.lookup("#alarm-banner-count").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#alarm-ack").queryButton().isDisabled(), "nothing selected");
        save(robot, "alarms-raised");

        select(robot, "R04 EC HIGH");
        robot.clickOn("#alarm-comment").write("calling the dye works");
        robot.clickOn("#alarm-ack");
        waitFor(() -> state(robot, "R04 EC HIGH") == AlarmState.ACKED);
        assertEquals("", robot.lookup("#alarm-comment").queryTextInputControl().getText(), "the comment went with it");
        assertEquals("1 unacknowledged", robot.lookup("#alarm-banner-count").queryAs(Label.class).getText());

        select(robot, "R06 EC HIGH");
        robot.clickOn("#alarm-shelve");
        assertTrue(robot.lookup("#shelve-ok").query().isDisabled(), "a shelve needs a reason");
        robot.clickOn("#shelve-comment").write("known discharge, the permit holder is informed");
        robot.clickOn("#shelve-ok");
        waitFor(() -> state(robot, "R06 EC HIGH") == AlarmState.SHELVED);
        waitFor(() -> !bannerNode.isVisible());

        robot.interact(() -> robot.lookup("#alarm-filter-state").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(AlarmFilter.States.SHELVED));
        assertEquals(List.of("R06 EC HIGH"), table(robot).getItems().stream().map(AlarmRow::alarmId).toList());
        save(robot, "alarms-after-actions");

        robot.interact(screen::showHistory);
        @SuppressWarnings("unchecked")
        TableView<HistoryRow> history = robot.lookup("#alarm-history").queryAs(TableView.class);
        waitFor(() -> history.getItems().size() == 4);
        List<String> actions = history.getItems().stream().map(h -> h.action() + " " + h.alarmId() + " " + h.operator()).toList();
        assertEquals(List.of("Shelved R06 EC HIGH Chen Wei", "Acknowledged R04 EC HIGH Chen Wei",
                "Raised R06 EC HIGH (alarm system)", "Raised R04 EC HIGH (alarm system)"), actions);
        HistoryRow shelve = history.getItems().get(0);
        assertEquals("known discharge, the permit holder is informed", shelve.comment());
        assertEquals(session.nodeKey().address().toString(), shelve.signer());
        assertTrue(shelve.height() > 0);
        assertEquals(AlarmAction.SHELVE, session.node().queries().alarmHistory("R06 EC HIGH").get(1).event().action());
        save(robot, "alarm-history");
    }
}
