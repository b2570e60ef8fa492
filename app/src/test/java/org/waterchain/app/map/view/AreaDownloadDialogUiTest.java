package org.waterchain.app.map.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.app.map.view.OnlineSourceTestSupport.fx;
import static org.waterchain.app.map.view.OnlineSourceTestSupport.waitFor;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waterchain.app.map.tiles.LoopbackTileServer;
import org.waterchain.app.map.tiles.MbTilesSource;
import org.waterchain.app.map.tiles.XyzSource;

/**
 * The Download area dialog against a real HTTP tile server on loopback: the area comes from the map's view, the
 * estimate shows before anything starts, OpenStreetMap is refused, the download shows its progress, cancels with a
 * request in flight, resumes without fetching a tile twice, and ends with the file listed as a basemap carrying the
 * source's attribution. Headless by default; saves target/screenshots/area-download-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class AreaDownloadDialogUiTest {
    @TempDir
    static Path home;
    static OnlineSourceTestSupport support;

    LoopbackTileServer server;
    XyzSource local;
    XyzSource osm = XyzSource.openStreetMap("ops@waterchain.example");
    Stage stage;
    MapView map;
    AreaDownloadDialog dialog;

    @BeforeAll
    static void offline() {
        support = OnlineSourceTestSupport.offline(home);
    }

    @AfterAll
    static void restore() {
        support.restore();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        map = new MapView();
        map.setZoom(11);
        map.setCenter(24.98, 121.22);
        stage.setScene(new Scene(new StackPane(map), 900, 640));
        stage.show();
    }

    @BeforeEach
    void serve() throws Exception {
        server = LoopbackTileServer.start();
        local = new XyzSource("Local test tiles", server.urlTemplate(), "© Local test tiles", true, 18,
                "ops@waterchain.example");
    }

    @AfterEach
    void clear() throws Exception {
        fx(() -> {
            if (dialog != null) {
                dialog.stage().close();
            }
            return null;
        });
        OnlineSourceTestSupport.clearBasemaps();
        server.close();
    }

    private String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryLabeled().getText());
    }

    private String field(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(TextField.class).getText());
    }

    private void type(FxRobot robot, String id, String value) {
        fx(() -> {
            robot.lookup(id).queryAs(TextField.class).setText(value);
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private void zooms(FxRobot robot, int min, int max) {
        fx(() -> {
            robot.lookup("#area-download-min-zoom").queryAs(Spinner.class).getValueFactory().setValue(min);
            robot.lookup("#area-download-max-zoom").queryAs(Spinner.class).getValueFactory().setValue(max);
            return null;
        });
    }

    private boolean disabled(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Button.class).isDisabled());
    }

    @Test
    @SuppressWarnings("unchecked")
    void downloadsShowsProgressCancelsResumesAndListsTheBasemap(FxRobot robot) throws Exception {
        Path dir = BasemapRegistry.directory();
        dialog = fx(() -> AreaDownloadDialog.open(stage, map, List.of(local, osm), dir, 50));

        // the map's view is the area
        MapPoint nw = fx(() -> map.getMapPosition(0, 0));
        assertEquals(String.format(Locale.ROOT, "%.5f", nw.getLongitude()), field(robot, "#area-download-west"));
        assertEquals(String.format(Locale.ROOT, "%.5f", nw.getLatitude()), field(robot, "#area-download-north"));
        assertTrue(text(robot, "#area-download-attribution").contains("© Local test tiles"));
        assertEquals("local-test-tiles-offline.mbtiles", field(robot, "#area-download-file"));
        assertTrue(text(robot, "#area-download-estimate").matches("[\\d,]+ tiles, about .*"),
                text(robot, "#area-download-estimate"));

        // typed bounds: the world at zooms 0 to 2 is 21 tiles
        type(robot, "#area-download-west", "-180");
        type(robot, "#area-download-south", "-85");
        type(robot, "#area-download-east", "180");
        type(robot, "#area-download-north", "85");
        zooms(robot, 0, 2);
        assertEquals("21 tiles, about 420 KB (assuming 20 KB a tile), about 1 s at 50 tiles a second",
                text(robot, "#area-download-estimate"));
        assertFalse(disabled(robot, "#area-download-start"));

        // absurd, and OpenStreetMap: refused before anything starts
        zooms(robot, 0, 12);
        assertTrue(text(robot, "#area-download-estimate").contains("more than the 100,000 one download may fetch"));
        assertTrue(disabled(robot, "#area-download-start"));
        zooms(robot, 0, 2);
        fx(() -> {
            robot.lookup("#area-download-source").queryAs(ComboBox.class).setValue(osm);
            return null;
        });
        assertTrue(text(robot, "#area-download-estimate").startsWith("OpenStreetMap (tile.openstreetmap.org) does not"
                + " allow bulk download"), text(robot, "#area-download-estimate"));
        assertTrue(disabled(robot, "#area-download-start"));
        fx(() -> {
            robot.lookup("#area-download-source").queryAs(ComboBox.class).setValue(local);
            return null;
        });
        zooms(robot, 0, 2);
        assertEquals(List.of(), server.requests(), "nothing requested before Download");

        // five tiles, then the server holds the sixth request: progress shows, cancel cuts the request short
        server.holdAfter(5);
        assertEquals("Download", text(robot, "#area-download-start"));
        robot.clickOn("#area-download-start");
        waitFor(30, () -> text(robot, "#area-download-count").startsWith("5 of 21 tiles: 5 fetched")
                && server.requests().size() == 6);
        assertTrue(disabled(robot, "#area-download-start"));
        assertFalse(disabled(robot, "#area-download-cancel"));
        assertEquals(5 / 21.0, fx(() -> robot.lookup("#area-download-progress").queryAs(ProgressBar.class).getProgress()),
                1e-9);
        OnlineSourceTestSupport.shot(dialog.stage().getScene(), "area-download-progress.png");
        robot.clickOn("#area-download-cancel");
        waitFor(30, () -> "Resume".equals(text(robot, "#area-download-start")));
        assertTrue(text(robot, "#area-download-status").startsWith("Cancelled; the tiles fetched so far are kept"),
                text(robot, "#area-download-status"));
        assertTrue(disabled(robot, "#area-download-cancel"));
        assertTrue(text(robot, "#area-download-estimate").endsWith("The file exists: tiles already in it are skipped."));

        // resume: the five stored tiles are skipped, the rest fetched once each
        server.release();
        robot.clickOn("#area-download-start");
        waitFor(30, () -> text(robot, "#area-download-status").startsWith("Done"));
        assertEquals("21 of 21 tiles: 16 fetched, 5 already in the file", text(robot, "#area-download-count"));
        Path file = dir.resolve("local-test-tiles-offline.mbtiles");
        assertEquals("Done: every tile the server has for the area is in local-test-tiles-offline.mbtiles. Listed as"
                + " basemap \"Local test tiles\".", text(robot, "#area-download-status"));
        List<String> asked = server.requests().stream().map(LoopbackTileServer.Request::tile).toList();
        assertEquals(22, asked.size(), "21 tiles and the one cut short by the cancel, asked again: " + asked);
        assertEquals(21, asked.stream().distinct().count());
        OnlineSourceTestSupport.shot(dialog.stage().getScene(), "area-download-done.png");

        // listed as a basemap the map can select, offline, crediting the source
        Basemap listed = dialog.downloaded().orElseThrow();
        assertEquals(file.toAbsolutePath().normalize(), listed.file());
        assertTrue(BasemapRegistry.all().contains(listed));
        assertEquals("© Local test tiles", listed.attribution());
        try (MbTilesSource s = MbTilesSource.open(file)) {
            assertEquals(21, s.tileCount());
            assertEquals("© Local test tiles", s.metadata().attribution());
            assertEquals(2, s.metadata().maxZoom());
        }
        robot.clickOn("#area-download-show");
        waitFor(10, () -> BasemapRegistry.current().orElse(null) == listed);
    }
}
