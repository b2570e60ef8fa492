package org.waterchain.app.map.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.app.map.view.OnlineSourceTestSupport.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
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
import org.waterchain.app.settings.AppSettings;
import org.waterchain.app.settings.OnlineSourceSettings;
import org.waterchain.app.settings.SettingsScreen;

/**
 * Online sources are entered in the Settings screen: a field left wrong is named, sources without the operator's
 * contact are not saved, and saved ones are kept in app.json and listed as basemaps at once (without any request).
 * Saves target/screenshots/settings-online-sources.png.
 */
@ExtendWith(ApplicationExtension.class)
class OnlineSourceSettingsUiTest {
    @TempDir
    static Path home;
    static Session session;
    static OnlineSourceTestSupport support;
    Scene scene;

    @BeforeAll
    static void demo() {
        support = OnlineSourceTestSupport.offline(home);
        session = Session.demo(home.resolve("demo"), Session.DEMO_SPEED);
    }

    @AfterAll
    static void close() throws Exception {
        OnlineSourceTestSupport.clearBasemaps();
        session.close();
        support.restore();
    }

    @Start
    void start(Stage stage) {
        SettingsScreen screen = new SettingsScreen(session, AppSettings.load(), s -> {});
        scene = new Scene((Parent) screen.view(), 1200, 820);
        scene.getStylesheets().add(WaterChainApp.class.getResource("waterchain.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void set(FxRobot robot, String id, String text) {
        fx(() -> {
            robot.lookup(id).queryAs(TextField.class).setText(text);
            return null;
        });
    }

    private void press(FxRobot robot, String id) {
        fx(() -> {
            robot.lookup(id).queryAs(Button.class).fire();
            return null;
        });
    }

    private String label(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void sourcesAreEnteredCheckedSavedAndListedAsBasemaps(FxRobot robot) throws Exception {
        set(robot, "#settings-source-name", "District survey");
        set(robot, "#settings-source-url", "https://tiles.district.example/{z}/{x}.png");
        set(robot, "#settings-source-attribution", "© District survey");
        set(robot, "#settings-source-max-zoom", "18");
        fx(() -> {
            robot.lookup("#settings-source-bulk").queryAs(CheckBox.class).setSelected(true);
            return null;
        });
        press(robot, "#settings-source-add");
        assertTrue(label(robot, "#settings-source-status").contains("URL template must contain {z}, {x} and {y}"),
                label(robot, "#settings-source-status"));
        set(robot, "#settings-source-url", "https://tiles.district.example/{z}/{x}/{y}.png");
        press(robot, "#settings-source-add");
        assertEquals("added District survey; Save to keep it", label(robot, "#settings-source-status"));

        press(robot, "#settings-save");
        assertTrue(label(robot, "#settings-status").contains("no contact for tile servers is set"),
                label(robot, "#settings-status"));
        assertTrue(!Files.exists(AppSettings.file()) || AppSettings.load().onlineSources().isEmpty(), "not saved");

        set(robot, "#settings-tile-contact", "ops@district.example");
        press(robot, "#settings-save");
        assertTrue(label(robot, "#settings-status").startsWith("saved"), label(robot, "#settings-status"));
        assertEquals(List.of(new OnlineSourceSettings("District survey", "https://tiles.district.example/{z}/{x}/{y}.png",
                "© District survey", true, 18)), AppSettings.load().onlineSources());
        assertEquals("ops@district.example", AppSettings.load().tileContact());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> BasemapRegistry.all().stream()
                .anyMatch(b -> b.isOnline() && b.name().equals("District survey")));
        assertTrue(!BasemapRegistry.current().map(Basemap::isOnline).orElse(false), "listing is not selecting");

        OnlineSourceTestSupport.shot(scene, "settings-online-sources.png");
    }
}
