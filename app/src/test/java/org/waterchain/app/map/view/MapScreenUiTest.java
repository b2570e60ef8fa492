package org.waterchain.app.map.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gluonhq.maps.tile.TileRetriever;
import com.gluonhq.maps.tile.TileRetrieverProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
import org.waterchain.app.settings.AppSettings;
import org.waterchain.app.session.Session;
import org.waterchain.app.standards.ComplianceClass;
import org.waterchain.ledger.chain.ChainId;

/**
 * The map on the demo, offline: our retriever serves the tiles from the demo basemap drawn at first start, no socket
 * goes to any host but this one, stations wear their class colour, a click shows a station's details. Headless
 * (Monocle) by default; {@code -Dui.window=true} runs it in a real window. Saves screenshots in target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class MapScreenUiTest {

    static final Path SHOTS = Path.of("target", "screenshots");
    /** The demo basemap's land colour (DemoBasemap.LAND): seen once tiles are drawn. */
    static final Color LAND = Color.rgb(0xF2, 0xEF, 0xE6);

    @TempDir
    static Path home;
    static Session session;
    static final List<URI> offLoopback = new CopyOnWriteArrayList<>();
    static ProxySelector previousProxies;
    MapScreen screen;
    Scene scene;

    @BeforeAll
    static void openDemoOffline() throws TimeoutException {
        System.setProperty(AppSettings.HOME_PROPERTY, home.toString());
        previousProxies = ProxySelector.getDefault();
        // Every URL connection and plain socket asks the default selector first: a request for a host other than
        // loopback is recorded (and refused), so the test sees it even if it happens on a thread of Gluon's.
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                if (!loopback(uri.getHost())) {
                    offLoopback.add(uri);
                    throw new IllegalStateException("network blocked in this test: " + uri);
                }
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        });
        session = Session.demo(home.resolve("demo"), Session.DEMO_SPEED);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session.node().tip(ChainId.DATA).height() >= 3);
    }

    static boolean loopback(String host) {
        if (host == null) {
            return true; // e.g. file: URIs
        }
        try {
            return host.equals("localhost") || InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    @AfterAll
    static void closeDemo() {
        if (session != null) {
            session.close();
        }
        ProxySelector.setDefault(previousProxies);
        System.clearProperty(AppSettings.HOME_PROPERTY);
    }

    @Start
    void start(Stage stage) {
        screen = new MapScreen(session);
        scene = new Scene((javafx.scene.Parent) screen.view(), 1400, 880);
        scene.getStylesheets().add(WaterChainApp.class.getResource("waterchain.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static void waitFor(long seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private WritableImage snapshot() {
        WritableImage[] image = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = scene.snapshot(null));
        WaitForAsyncUtils.waitForFxEvents();
        return image[0];
    }

    /** Share of the map's pixels in the basemap's land colour: tiles are there once it is high. */
    private double landShare() {
        WritableImage img = snapshot();
        Point2D origin = fx(() -> screen.mapView().localToScene(0, 0));
        double w = fx(() -> screen.mapView().getWidth());
        double h = fx(() -> screen.mapView().getHeight());
        int land = 0;
        int all = 0;
        for (int y = (int) origin.getY(); y < origin.getY() + h; y += 8) {
            for (int x = (int) origin.getX(); x < origin.getX() + w; x += 8) {
                all++;
                if (close(img.getPixelReader().getColor(x, y), LAND)) {
                    land++;
                }
            }
        }
        return all == 0 ? 0 : land / (double) all;
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.02 && Math.abs(a.getGreen() - b.getGreen()) < 0.02
                && Math.abs(a.getBlue() - b.getBlue()) < 0.02;
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void shot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(snapshot(), null), "png", SHOTS.resolve(name).toFile());
    }

    private void zoomTo(double zoom) throws TimeoutException {
        WaitForAsyncUtils.asyncFx(() -> screen.setView(screen.home().getLatitude(), screen.home().getLongitude(), zoom));
        waitFor(30, () -> landShare() > 0.3);
    }

    @Test
    void theMapIsDrawnOfflineFromOurTilesWithStationsInTheirClassColours(FxRobot robot) throws Exception {
        assertInstanceOf(MbTilesTileRetriever.class, ServiceLoader.load(TileRetriever.class).findFirst().orElseThrow(),
                "the first TileRetriever service is ours");
        assertInstanceOf(MbTilesTileRetriever.class, TileRetrieverProvider.getInstance().load());

        // the demo basemap is drawn at first start, then chosen
        waitFor(60, () -> fx(() -> BasemapRegistry.current().isPresent()));
        assertTrue(Files.exists(BasemapRegistry.directory().resolve(DemoBasemap.FILE_NAME)));
        assertEquals(BasemapRegistry.current().orElseThrow(),
                fx(() -> robot.lookup("#map-basemap").queryComboBox().getValue()));
        waitFor(30, () -> landShare() > 0.3);

        // a station with a value, and its marker's colour on screen
        waitFor(60, () -> fx(() -> session.registry().stations().keySet().stream()
                .anyMatch(id -> screen.stationClass(id) != ComplianceClass.NONE)));
        String station = fx(() -> session.registry().stations().keySet().stream()
                .filter(id -> screen.stationClass(id) != ComplianceClass.NONE).findFirst().orElseThrow());
        Object[] seen = fx(() -> {
            Circle marker = (Circle) scene.lookup("#map-station-" + station);
            Point2D p = screen.mapView().localToScene(screen.stationPoint(station).orElseThrow());
            WritableImage img = scene.snapshot(null);
            return new Object[] {marker.getFill(), FeatureLayer.colour(screen.stationClass(station)),
                    img.getPixelReader().getColor((int) Math.round(p.getX()), (int) Math.round(p.getY()))};
        });
        assertEquals(seen[1], seen[0], "the marker wears the station's class colour");
        assertTrue(close((Color) seen[2], (Color) seen[1]), "pixel at " + station + " is " + seen[2] + ", expected " + seen[1]);

        robot.clickOn("#map-station-" + station);
        waitFor(10, () -> ("Station " + station).equals(fx(() -> robot.lookup("#map-details-title").queryAs(Label.class).getText())));
        assertEquals(station, robot.lookup("#map-details-id").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#map-details-class").queryAs(Label.class).getText().matches("blue|yellow|red"));
        assertTrue(robot.lookup(".map-flow-arrow").queryAll().stream().anyMatch(javafx.scene.Node::isVisible),
                "channels show flow arrows");

        zoomTo(11);
        shot("map-z11.png");
        zoomTo(13);
        assertTrue(robot.lookup("#map-scale-label").queryAs(Label.class).getText().matches("\\d+ k?m"));
        shot("map-z13.png");
        zoomTo(15);
        shot("map-z15.png");

        assertEquals(List.of(), offLoopback, "no connection to any host but loopback");
        assertNull(System.getProperty("http.agent"), "Gluon's OpenStreetMap retriever sets http.agent; it never ran");
    }

    @Test
    void layerTogglesHideTheirFeatures(FxRobot robot) {
        String anyStation = session.registry().stations().keySet().iterator().next();
        javafx.scene.Node marker = robot.lookup("#map-station-" + anyStation).query();
        assertTrue(marker.getParent().isVisible());
        robot.clickOn("#map-layer-stations");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!marker.getParent().isVisible(), "stations hidden");
        robot.clickOn("#map-layer-stations");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(marker.getParent().isVisible());
        Optional<String> factory = session.registry().factories().keySet().stream().findFirst();
        factory.ifPresent(id -> assertTrue(robot.lookup("#map-factory-" + id).tryQuery().isPresent()));
    }
}
