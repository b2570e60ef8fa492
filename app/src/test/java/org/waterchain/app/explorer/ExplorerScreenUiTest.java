package org.waterchain.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
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
import org.waterchain.app.session.Session;
import org.waterchain.app.shell.MainWindow;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.store.StoredEntry;

/**
 * The explorer on the demo ledger, as an operator uses it: a block's entries, a record's proof, a search, the
 * audit. Headless (Monocle) by default; {@code -Dui.window=true} runs it in a real window (under Xvfb). Saves
 * screenshots in target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerScreenUiTest {

    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path home;
    static Session session;
    ExplorerScreen screen;
    MainWindow window;
    Scene scene;

    @BeforeAll
    static void openDemo() throws TimeoutException {
        session = Session.demo(home.resolve("demo"), Session.DEMO_SPEED);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session.node().tip(ChainId.DATA).height() >= 5);
    }

    @AfterAll
    static void closeDemo() {
        if (session != null) {
            session.close();
        }
    }

    @Start
    void start(Stage stage) {
        screen = new ExplorerScreen(session);
        window = new MainWindow(session, List.of(screen));
        scene = new Scene(window.root(), 1400, 880);
        scene.getStylesheets().add(WaterChainApp.class.getResource("waterchain.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(window::close);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitFor(long seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        WritableImage[] image = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = scene.snapshot(null));
        WaitForAsyncUtils.waitForFxEvents();
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", SHOTS.resolve(name).toFile());
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String id) {
        return (TableView<T>) robot.lookup(id).queryAs(TableView.class);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** The newest block with entries: the data chain's tip may be an empty block. */
    private void openABlockWithRecords(FxRobot robot) throws TimeoutException {
        TableView<BlockRow> blocks = table(robot, "#explorer-blocks");
        waitFor(20, () -> blocks.getItems().stream().anyMatch(b -> b.entries() > 0));
        BlockRow withRecords = blocks.getItems().stream().filter(b -> b.entries() > 0).findFirst().orElseThrow();
        robot.interact(() -> blocks.getSelectionModel().select(withRecords));
        TableView<EntryRow> entries = table(robot, "#explorer-entries");
        waitFor(20, () -> !entries.getItems().isEmpty() && text(robot, "#explorer-entries-title").startsWith("data #" + withRecords.height()));
        robot.interact(() -> entries.getSelectionModel().select(0));
    }

    @Test
    void aBlocksEntriesAreListedAndARecordVerifies(FxRobot robot) throws Exception {
        openABlockWithRecords(robot);
        TableView<EntryRow> entries = table(robot, "#explorer-entries");
        assertTrue(entries.getItems().stream().allMatch(r -> r.kind().equals("record")), "the data chain holds records");
        waitFor(20, () -> robot.lookup("#explorer-entry").queryAs(javafx.scene.layout.GridPane.class).getChildren().size() > 10);

        robot.clickOn("#explorer-verify");
        waitFor(20, () -> text(robot, "#explorer-proof-verdict").startsWith("VERIFIED"));
        assertTrue(robot.lookup("#explorer-proof-verdict").queryAs(Label.class).getStyleClass().contains("verdict-verified"));
        shot("explorer-proof.png");
    }

    /** A record submitted again stays on the chain, invalid, in a later block: listed in red, found twice by its id. */
    @Test
    void aReplayedRecordIsListedInvalidAndItsIdIsFoundTwice(FxRobot robot) throws Exception {
        LedgerQueries q = session.node().queries();
        long h = session.node().tip(ChainId.DATA).height();
        while (q.block(ChainId.DATA, h).orElseThrow().entryIds().isEmpty()) {
            h--;
        }
        StoredEntry original = q.entryAt(ChainId.DATA, h, 0).orElseThrow();
        Receipt replay = session.node().submit(RecordEntry.decode(original.raw())).get(30, TimeUnit.SECONDS);
        assertFalse(replay.valid());

        robot.clickOn("#explorer-search-field").write("data #" + replay.height());
        robot.clickOn("#explorer-search");
        TableView<EntryRow> entries = table(robot, "#explorer-entries");
        waitFor(20, () -> text(robot, "#explorer-entries-title").startsWith("data #" + replay.height() + " "));
        EntryRow invalid = entries.getItems().get(replay.index());
        assertFalse(invalid.valid());
        assertTrue(invalid.verdict().startsWith("INVALID "), invalid.verdict());
        robot.interact(() -> entries.getSelectionModel().select(invalid));
        waitFor(20, () -> robot.lookup("#explorer-entry").queryAs(javafx.scene.layout.GridPane.class).getChildren().size() > 10);
        robot.clickOn("#explorer-verify");
        waitFor(20, () -> text(robot, "#explorer-proof-verdict").startsWith("VERIFIED"));
        assertTrue(text(robot, "#explorer-proof-verdict").contains("The ledger keeps it as invalid: " + replay.reason()));
        shot("explorer-block.png");

        robot.doubleClickOn("#explorer-search-field").eraseText(40);
        robot.interact(() -> robot.lookup("#explorer-search-field").queryAs(javafx.scene.control.TextField.class)
                .setText(Hex.of(original.id())));
        robot.clickOn("#explorer-search");
        waitFor(30, () -> text(robot, "#explorer-entries-title").startsWith("Data-chain entry "));
        assertEquals(2, entries.getItems().size(), "the record and its replay");
        assertTrue(entries.getItems().get(0).valid());
        assertFalse(entries.getItems().get(1).valid());
    }

    @Test
    void theValueChainListsTheGenesisRegistry(FxRobot robot) throws Exception {
        robot.clickOn("#explorer-chain-value");
        TableView<BlockRow> blocks = table(robot, "#explorer-blocks");
        waitFor(20, () -> !blocks.getItems().isEmpty() && blocks.getItems().get(0).chain() == ChainId.VALUE);
        BlockRow genesis = blocks.getItems().get(blocks.getItems().size() - 1);
        robot.interact(() -> blocks.getSelectionModel().select(genesis));
        TableView<EntryRow> entries = table(robot, "#explorer-entries");
        waitFor(20, () -> text(robot, "#explorer-entries-title").startsWith("value #0 "));
        assertTrue(entries.getItems().stream().allMatch(r -> r.kind().equals("registry")));
        assertTrue(entries.getItems().get(0).summary().startsWith("add member "), entries.getItems().get(0).summary());
    }

    @Test
    void searchingAStationListsItsRecords(FxRobot robot) throws Exception {
        robot.clickOn("#explorer-search-field").write("R04");
        robot.clickOn("#explorer-search");
        TableView<EntryRow> entries = table(robot, "#explorer-entries");
        waitFor(30, () -> text(robot, "#explorer-entries-title").startsWith("Records of station R04"));
        assertFalse(entries.getItems().isEmpty(), text(robot, "#explorer-entries-title"));
        assertTrue(entries.getItems().stream().allMatch(r -> r.summary().startsWith("R04-A #")));
        shot("explorer-search.png");
    }

    @Test
    void aMistypedQuerySaysWhatWouldWork(FxRobot robot) throws Exception {
        robot.clickOn("#explorer-search-field").write("nonsense");
        robot.clickOn("#explorer-search");
        waitFor(5, () -> text(robot, "#explorer-status").startsWith("No station, device, address, id or block is 'nonsense'"));
    }

    @Test
    void aCancelledAuditSaysSoAndCanRunAgain(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#explorer").queryAs(TabPane.class).getSelectionModel().select(1));
        Button run = robot.lookup("#explorer-audit").queryAs(Button.class);
        Button cancel = robot.lookup("#explorer-audit-cancel").queryAs(Button.class);
        robot.interact(() -> {
            run.fire();
            assertTrue(run.isDisabled(), "one audit at a time");
            cancel.fire(); // before the audit's thread reads its first block
        });
        waitFor(60, () -> text(robot, "#explorer-audit-verdict").startsWith("CANCELLED after 0 blocks"));
        assertFalse(run.isDisabled());
        assertTrue(cancel.isDisabled());
    }

    @Test
    void theAuditRunsInTheBackgroundAndReportsClean(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#explorer").queryAs(TabPane.class).getSelectionModel().select(1));
        robot.clickOn("#explorer-audit");
        waitFor(120, () -> text(robot, "#explorer-audit-verdict").startsWith("CLEAN"));
        assertTrue(robot.lookup("#explorer-audit-report").query().isVisible());
        shot("explorer-audit.png");
    }
}
