package org.waterchain.app.map.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.app.map.view.OnlineSourceTestSupport.fx;
import static org.waterchain.app.map.view.OnlineSourceTestSupport.waitFor;

import com.gluonhq.maps.MapView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waterchain.app.map.tiles.LoopbackTileServer;
import org.waterchain.app.map.tiles.MbTilesSource;
import org.waterchain.app.map.tiles.MbTilesWriter;
import org.waterchain.app.map.tiles.TestTiles;
import org.waterchain.app.map.tiles.TileId;
import org.waterchain.app.map.tiles.TileMath;
import org.waterchain.app.map.tiles.UserAgent;
import org.waterchain.app.map.tiles.XyzSource;
import org.waterchain.app.settings.AppSettings;

/**
 * The map on an online source the user configured, against a real HTTP tile server on loopback: tiles are fetched
 * live (off the FX thread, with the configured User-Agent) and kept in the cache; a failing tile is reported with its
 * z/x/y and reason while the rest of the map draws; nothing is requested while a file basemap is selected. No socket
 * goes to any host but loopback. Saves target/screenshots/online-basemap.png.
 */
@ExtendWith(ApplicationExtension.class)
class OnlineSourceUiTest {
    static final double LAT = 24.98;
    static final double LON = 121.22;
    static final int ZOOM = 12;

    @TempDir
    static Path home;
    static OnlineSourceTestSupport support;

    LoopbackTileServer server;
    XyzSource source;
    final List<String> problems = new CopyOnWriteArrayList<>();
    Runnable unsubscribe;
    StackPane holder;
    Scene scene;
    MapView map;

    @BeforeAll
    static void offline() {
        support = OnlineSourceTestSupport.offline(home);
    }

    @AfterAll
    static void restore() {
        support.restore();
        assertNull(System.getProperty("http.agent"), "the User-Agent goes on each request, never JVM-wide");
    }

    @Start
    void start(Stage stage) {
        holder = new StackPane();
        scene = new Scene(holder, 900, 640);
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void serve() throws IOException {
        server = LoopbackTileServer.start();
        source = new XyzSource("Local test tiles", server.urlTemplate(), "© Local test tiles", false, 18,
                "ops@waterchain.example");
        unsubscribe = BasemapRegistry.onTileProblem(problems::add);
        assertEquals(List.of(), BasemapRegistry.setOnlineSources(List.of(source), AppSettings.tileCacheDirectory()));
    }

    @AfterEach
    void clear() throws Exception {
        unsubscribe.run();
        OnlineSourceTestSupport.clearBasemaps();
        server.close();
    }

    private Basemap online() {
        return BasemapRegistry.all().stream().filter(Basemap::isOnline).findFirst().orElseThrow();
    }

    /** A new map view at the district, as the map screen builds one when the basemap changes. */
    private void showMap(Basemap basemap) {
        fx(() -> {
            BasemapRegistry.select(basemap);
            map = new MapView();
            map.setZoom(ZOOM);
            map.setCenter(LAT, LON);
            holder.getChildren().setAll(map);
            return null;
        });
    }

    /** The tile colour TestTiles gives the tile under the point of the map at (dx, dy) pixels from its centre. */
    private Color expected(double dx, double dy) {
        com.gluonhq.maps.MapPoint p = fx(() -> map.getMapPosition(map.getWidth() / 2 + dx, map.getHeight() / 2 + dy));
        TileId t = TileMath.tileAt(p.getLongitude(), p.getLatitude(), ZOOM);
        return colour(t);
    }

    private static Color colour(TileId t) {
        int rgb = TestTiles.rgb(t.z(), t.x(), t.y());
        return Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
    }

    private Color seen(double dx, double dy) {
        return fx(() -> {
            if (map.getWidth() <= 0) {
                return Color.TRANSPARENT; // not laid out yet
            }
            Point2D p = map.localToScene(map.getWidth() / 2 + dx, map.getHeight() / 2 + dy);
            WritableImage img = scene.snapshot(null);
            return img.getPixelReader().getColor((int) Math.round(p.getX()), (int) Math.round(p.getY()));
        });
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.02 && Math.abs(a.getGreen() - b.getGreen()) < 0.02
                && Math.abs(a.getBlue() - b.getBlue()) < 0.02;
    }

    @Test
    void theSelectedOnlineSourceIsFetchedLiveAndKeptInTheCache() throws Exception {
        assertEquals(List.of(), server.requests(), "listing an online source requests nothing");
        Basemap b = online();
        assertEquals("Local test tiles (online)", b.toString());
        assertEquals("© Local test tiles", b.attribution());
        showMap(b);
        waitFor(30, () -> close(seen(0, 0), expected(0, 0)) && close(seen(-440, -310), expected(-440, -310))
                && close(seen(440, 310), expected(440, 310)) && close(seen(-440, 310), expected(-440, 310))
                && close(seen(440, -310), expected(440, -310)));

        List<LoopbackTileServer.Request> requests = server.requests();
        assertTrue(requests.size() >= 6, "a screenful of tiles: " + requests);
        String ua = "WaterChain/" + UserAgent.version() + " (+ops@waterchain.example)";
        assertTrue(requests.stream().allMatch(r -> ua.equals(r.userAgent())), requests.toString());
        TileId centre = TileMath.tileAt(LON, LAT, ZOOM);
        assertTrue(requests.stream().anyMatch(r -> r.tile().equals(centre.toString())), requests.toString());
        assertEquals(List.of(), problems);

        OnlineSourceTestSupport.shot(scene, "online-basemap.png");

        // what was seen is in the cache file, readable offline by any MBTiles reader
        Path cache = b.file();
        assertTrue(cache.startsWith(AppSettings.tileCacheDirectory()), cache.toString());
        try (MbTilesSource s = MbTilesSource.open(cache)) {
            assertTrue(s.tile(centre).isPresent());
            assertEquals("© Local test tiles", s.metadata().attribution());
        }
    }

    @Test
    void aFailingTileIsNamedAndTheRestOfTheMapDraws() throws Exception {
        TileId centre = TileMath.tileAt(LON, LAT, ZOOM);
        server.answer(centre.toString(), 500);
        showMap(online());
        waitFor(30, () -> problems.contains("Local test tiles: tile " + centre + " failed: HTTP 500")
                && close(seen(-300, -200), expected(-300, -200)));
        assertTrue(!close(seen(0, 0), expected(0, 0)), "the failed tile is not drawn");

        // the server goes away: tiles already fetched still draw from the cache, new ones say why they fail
        server.close();
        problems.clear();
        showMap(online());
        waitFor(30, () -> close(seen(-300, -200), expected(-300, -200)));
        fx(() -> {
            map.setZoom(ZOOM + 1);
            return null;
        });
        waitFor(30, () -> problems.stream().anyMatch(p -> p.matches(
                "Local test tiles: tile 13/\\d+/\\d+ failed: request failed: java\\.net\\.ConnectException.*")));
    }

    @Test
    void nothingIsRequestedWhileAFileBasemapIsSelected() throws Exception {
        Path file = home.resolve("basemaps").resolve("district.mbtiles");
        Files.createDirectories(file.getParent());
        try (MbTilesWriter w = MbTilesWriter.open(file)) {
            w.putMetadata(java.util.Map.of("name", "District file", "format", "png", "attribution", "© District"));
            TileMath.range(new org.waterchain.app.map.tiles.BoundingBox(120.9, 24.8, 121.5, 25.2), ZOOM)
                    .forEach(t -> {
                        try {
                            w.put(t, TestTiles.png(t));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    });
        }
        Basemap district = BasemapRegistry.add(file);
        showMap(district);
        waitFor(30, () -> close(seen(0, 0), expected(0, 0)) && close(seen(-300, -200), expected(-300, -200)));
        assertEquals(List.of(), server.requests(), "an online source that is only listed is never asked");
        assertEquals(List.of(), problems);
    }
}
