package org.waterchain.app.map.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
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
import org.testfx.util.WaitForAsyncUtils;
import org.waterchain.app.WaterChainApp;
import org.waterchain.app.alarm.AlarmRow;
import org.waterchain.app.alarm.AlarmService;
import org.waterchain.app.map.basemap.DefaultBasemap;
import org.waterchain.app.map.geo.GeoJsonException;
import org.waterchain.app.map.geo.IrrigationUnit;
import org.waterchain.app.map.geo.LayerKind;
import org.waterchain.app.map.geo.SharedData;
import org.waterchain.app.map.geo.UnitState;
import org.waterchain.app.session.Session;
import org.waterchain.app.settings.AppSettings;
import org.waterchain.app.standards.ComplianceClass;
import org.waterchain.devices.ingest.SystemAlarm;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.demo.DemoAlliance;

/**
 * The map on the demo, offline: our retriever serves the tiles from the demo basemap drawn at first start, no socket
 * goes to any host but this one; stations, channels and traced irrigation units wear their colours on screen; clicks,
 * search and alarms; import and export. Headless (Monocle) by default; {@code -Dui.window=true} runs it in a real
 * window. Saves screenshots in target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class MapScreenUiTest {

    static final Path SHOTS = Path.of("target", "screenshots");
    /** The demo basemap's land colour (the built-in basemap's land): seen once tiles are drawn. */
    static final Color LAND = Color.rgb(0xF2, 0xEF, 0xE6);
    static final Color CHANNEL = Color.web("#1565c0");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;
    static Session session;
    static AlarmService alarms;
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
        alarms = AlarmService.start(session);
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
        if (alarms != null) {
            alarms.close();
        }
        if (session != null) {
            session.close();
        }
        ProxySelector.setDefault(previousProxies);
        System.clearProperty(AppSettings.HOME_PROPERTY);
    }

    @Start
    void start(Stage stage) {
        screen = new MapScreen(session, alarms);
        scene = new Scene((javafx.scene.Parent) screen.view(), 1400, 880);
        scene.getStylesheets().add(WaterChainApp.class.getResource("waterchain.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** The map fits the district once it has its size; tests set their own views after that. */
    @BeforeEach
    void opened() {
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeScreen() {
        fx(() -> {
            screen.close();
            return null;
        });
    }

    // ---- helpers ----

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
                if (close(img.getPixelReader().getColor(x, y), LAND, 0.02)) {
                    land++;
                }
            }
        }
        return all == 0 ? 0 : land / (double) all;
    }

    private static boolean close(Color a, Color b, double tolerance) {
        return Math.abs(a.getRed() - b.getRed()) < tolerance && Math.abs(a.getGreen() - b.getGreen()) < tolerance
                && Math.abs(a.getBlue() - b.getBlue()) < tolerance;
    }

    /** A translucent fill over what lies beneath, as the renderer composes it. */
    private static Color over(Color fill, Color under) {
        double a = fill.getOpacity();
        return Color.color(fill.getRed() * a + under.getRed() * (1 - a), fill.getGreen() * a + under.getGreen() * (1 - a),
                fill.getBlue() * a + under.getBlue() * (1 - a));
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

    /** A feature's drawn place in scene coordinates (where a snapshot shows it). */
    private Point2D scenePoint(String layerId, String featureId) {
        return fx(() -> screen.mapView().localToScene(screen.featurePoint(layerId, featureId).orElseThrow()));
    }

    private Color pixel(WritableImage img, Point2D p) {
        return img.getPixelReader().getColor((int) Math.round(p.getX()), (int) Math.round(p.getY()));
    }

    private void clickAt(FxRobot robot, String layerId, String featureId) {
        Point2D p = fx(() -> screen.mapView().localToScreen(screen.featurePoint(layerId, featureId).orElseThrow()));
        robot.clickOn(p);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String detail(FxRobot robot, String label) {
        return fx(() -> robot.lookup("#map-details-" + label.replace(' ', '-')).queryAs(Label.class).getText());
    }

    private String detailsTitle(FxRobot robot) {
        return fx(() -> robot.lookup("#map-details-title").queryAs(Label.class).getText());
    }

    private List<String> layerIds() {
        return fx(() -> screen.layers().stream().map(VectorLayer::id).toList());
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(60, TimeUnit.SECONDS);
    }

    // ---- tests ----

    @Test
    void theMapIsDrawnOfflineFromOurTilesWithStationsChannelsAndUnitsInTheirColours(FxRobot robot) throws Exception {
        assertInstanceOf(MbTilesTileRetriever.class, ServiceLoader.load(TileRetriever.class).findFirst().orElseThrow(),
                "the first TileRetriever service is ours");
        assertInstanceOf(MbTilesTileRetriever.class, TileRetrieverProvider.getInstance().load());

        // the demo basemap is drawn at first start, then chosen
        waitFor(60, () -> fx(() -> BasemapRegistry.current().isPresent()));
        assertTrue(Files.exists(BasemapRegistry.directory().resolve(DefaultBasemap.FILE_NAME)));
        assertEquals(BasemapRegistry.current().orElseThrow(),
                fx(() -> robot.lookup("#map-basemap").queryComboBox().getValue()));
        waitFor(30, () -> landShare() > 0.3);

        // a station with a value, and its marker's colour on screen
        waitFor(60, () -> fx(() -> session.registry().stations().keySet().stream()
                .anyMatch(id -> screen.stationClass(id) != ComplianceClass.NONE)));
        String station = fx(() -> session.registry().stations().keySet().stream()
                .filter(id -> screen.stationClass(id) != ComplianceClass.NONE).findFirst().orElseThrow());
        waitFor(10, () -> fx(() -> ((Circle) scene.lookup("#map-station-" + station)).getFill()
                .equals(StationDrawing.colour(screen.stationClass(station)))));
        Color expected = fx(() -> StationDrawing.colour(screen.stationClass(station)));
        Color seen = pixel(snapshot(), scenePoint("stations", station));
        assertTrue(close(seen, expected, 0.02), "pixel at " + station + " is " + seen + ", expected " + expected);

        // a channel's line: the middle of C2 (R06 to R07), where no other feature is drawn
        Point2D mid = scenePoint("channels", "C2");
        WritableImage img = snapshot();
        double best = Double.MAX_VALUE;
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                Color c = pixel(img, mid.add(dx, dy));
                best = Math.min(best, Math.max(Math.abs(c.getRed() - CHANNEL.getRed()),
                        Math.max(Math.abs(c.getGreen() - CHANNEL.getGreen()), Math.abs(c.getBlue() - CHANNEL.getBlue()))));
            }
        }
        assertTrue(best < 0.03, "a pixel of channel C2 is within " + best + " of the channel colour");

        clickAt(robot, "stations", station);
        waitFor(10, () -> ("Station " + station).equals(detailsTitle(robot)));
        assertEquals(station, detail(robot, "id"));
        assertTrue(detail(robot, "class").matches("blue|yellow|red"));
        assertTrue(robot.lookup(".map-flow-arrow").queryAll().stream().anyMatch(Node::isVisible), "channels show flow arrows");

        // the screenshots show what tracing paints: units taking polluted water, and units upstream of a source
        fx(() -> {
            screen.markUnits(Map.of("IU-3-09", UnitState.POLLUTED, "IU-3-10", UnitState.POLLUTED, "IU-3-12", UnitState.POLLUTED,
                    "IU-3-03", UnitState.UPSTREAM, "IU-3-04", UnitState.UPSTREAM));
            return null;
        });
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
    void pollutedAndUpstreamUnitsWearTheirFillsOverTheBasemap(FxRobot robot) throws Exception {
        waitFor(60, () -> fx(() -> BasemapRegistry.current().isPresent()));
        zoomTo(13);
        fx(() -> {
            screen.markUnits(Map.of("IU-3-09", UnitState.POLLUTED, "IU-3-03", UnitState.UPSTREAM));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Point2D polluted = scenePoint("units", "IU-3-09");
        Point2D upstream = scenePoint("units", "IU-3-03");
        Point2D normal = scenePoint("units", "IU-3-06");
        WritableImage with = snapshot();
        robot.clickOn("#map-layer-units");
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage without = snapshot();
        robot.clickOn("#map-layer-units");
        for (Map.Entry<Point2D, UnitState> e : Map.of(polluted, UnitState.POLLUTED, upstream, UnitState.UPSTREAM,
                normal, UnitState.NORMAL).entrySet()) {
            Color expected = over(UnitDrawing.fill(e.getValue()), pixel(without, e.getKey()));
            Color seen = pixel(with, e.getKey());
            assertTrue(close(seen, expected, 0.02), e.getValue() + " unit: pixel " + seen + ", expected " + expected);
        }
        Color orange = pixel(with, polluted);
        assertTrue(orange.getHue() > 20 && orange.getHue() < 45 && orange.getSaturation() > 0.5, "polluted reads orange: " + orange);
        Color purple = pixel(with, upstream);
        assertTrue(purple.getHue() > 270 && purple.getHue() < 310, "upstream reads purple: " + purple);
        fx(() -> {
            screen.markUnits(Map.of());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Color cleared = pixel(snapshot(), polluted);
        assertTrue(close(cleared, over(UnitDrawing.fill(UnitState.NORMAL), pixel(without, polluted)), 0.02), "back to normal: " + cleared);
    }

    @Test
    void clicksSelectTheStationUnitOrFactoryUnderThePointer(FxRobot robot) throws Exception {
        waitFor(60, () -> fx(() -> BasemapRegistry.current().isPresent()));
        DemoAlliance.DemoStation r10 = DemoAlliance.STATIONS.get(4);
        fx(() -> {
            screen.setView(r10.lat(), r10.lon(), 14);
            screen.markUnits(Map.of("IU-3-09", UnitState.POLLUTED));
            return null;
        });
        waitFor(10, () -> fx(() -> screen.featurePoint("units", "IU-3-09").isPresent()));

        clickAt(robot, "units", "IU-3-09");
        waitFor(10, () -> "Irrigation unit IU-3-09".equals(detailsTitle(robot)));
        assertEquals("polluted water", detail(robot, "state"));
        assertEquals("R10", detail(robot, "supplied from"));
        assertEquals(Optional.of(new Selection("units", LayerKind.IRRIGATION_UNITS, "IU-3-09")), fx(() -> screen.selection()));

        clickAt(robot, "factories", "F-PCB-01");
        waitFor(10, () -> "Factory F-PCB-01".equals(detailsTitle(robot)));
        assertEquals("PCB manufacturing", detail(robot, "industry"));
        assertEquals("CU, NI", detail(robot, "pollutants"));
        assertEquals("800 m³/day", detail(robot, "permitted discharge"));

        clickAt(robot, "stations", "R10");
        waitFor(10, () -> "Station R10".equals(detailsTitle(robot)));
        assertTrue(fx(() -> scene.lookup("#map-station-R10").getStyleClass().contains("selected")));
        assertFalse(fx(() -> scene.lookup("#map-factory-F-PCB-01").getStyleClass().contains("selected")), "one selection at a time");

        // hovering names what a click would pick
        robot.moveTo(fx(() -> screen.mapView().localToScreen(screen.featurePoint("factories", "F-PCB-01").orElseThrow())));
        waitFor(10, () -> fx(() -> robot.lookup("#map-hover").queryAs(Label.class).isVisible()));
        assertEquals("F-PCB-01  Dayuan circuit boards — factory", fx(() -> robot.lookup("#map-hover").queryAs(Label.class).getText()));

        clickAt(robot, "channels", "C5");
        waitFor(10, () -> "Channel C5".equals(detailsTitle(robot)));
        assertEquals("R10", detail(robot, "from"));
        assertEquals("M02", detail(robot, "to"));
    }

    @Test
    void searchFindsByNameOrIdCentresAndSelects(FxRobot robot) throws Exception {
        robot.clickOn("#map-search").write("Dapu");
        waitFor(10, () -> robot.lookup("#map-search-result-0").tryQuery().isPresent());
        assertEquals("R06  Dapu bridge — station, Stations", fx(() -> robot.lookup("#map-search-result-0").queryAs(Label.class).getText()));
        robot.type(KeyCode.ENTER);
        waitFor(10, () -> "Station R06".equals(detailsTitle(robot)));
        DemoAlliance.DemoStation r06 = DemoAlliance.STATIONS.get(1);
        assertEquals(r06.lat(), fx(() -> screen.mapView().getCenter().getLatitude()), 1e-6, "centred on R06");
        assertEquals(r06.lon(), fx(() -> screen.mapView().getCenter().getLongitude()), 1e-6);

        fx(() -> {
            robot.lookup("#map-search").queryTextInputControl().clear();
            return null;
        });
        robot.clickOn("#map-search").write("iu-3-12");
        waitFor(10, () -> robot.lookup("#map-search-result-0").tryQuery().isPresent());
        robot.clickOn("#map-search-result-0");
        waitFor(10, () -> "Irrigation unit IU-3-12".equals(detailsTitle(robot)));
        assertEquals("M02", detail(robot, "supplied from"));
    }

    @Test
    void aStationWithAnUnacknowledgedAlarmFlashesUntilAcknowledged(FxRobot robot) throws Exception {
        alarms.raise(new SystemAlarm(SystemAlarm.Kind.DEVICE_TAMPERED, "test", "R09-A", "enclosure open", 1, session.now()));
        waitFor(20, () -> fx(() -> scene.lookup("#map-alarm-R09") != null && scene.lookup("#map-alarm-R09").isVisible()));
        assertTrue(fx(() -> screen.isFlashing()), "the shared pulse runs while a ring shows");
        Circle ring = fx(() -> (Circle) scene.lookup("#map-alarm-R09"));
        assertTrue(fx(() -> ring.scaleXProperty().isBound()), "rings follow the one shared animation");
        Point2D ringAt = fx(() -> new Point2D(ring.getCenterX() + ring.getParent().getTranslateX(), ring.getCenterY() + ring.getParent().getTranslateY()));
        assertEquals(fx(() -> screen.featurePoint("stations", "R09").orElseThrow()).getX(), ringAt.getX(), 0.5, "ring on its station");
        clickAt(robot, "stations", "R09");
        waitFor(10, () -> "Station R09".equals(detailsTitle(robot)));
        // the demo clock runs fast: the tamper switch may already read normal again, still unacknowledged
        List<String> open = fx(() -> robot.lookup(n -> n.getId() != null && n.getId().startsWith("map-details-alarm"))
                .queryAllAs(Label.class).stream().map(Label::getText).toList());
        assertTrue(open.stream().anyMatch(t -> t.matches("DEVICE_TAMPERED — (unacknowledged|cleared, unacked)")), open.toString());

        AlarmRow row = alarms.latest().row("R09-A DEVICE_TAMPERED").orElseThrow();
        await(alarms.acknowledge(List.of(row.alarmId()), "tester", "enclosure closed again"));
        waitFor(20, () -> fx(() -> scene.lookup("#map-alarm-R09") == null));
    }

    @Test
    void layerTogglesHideTheirFeatures(FxRobot robot) {
        String anyStation = session.registry().stations().keySet().iterator().next();
        Node marker = robot.lookup("#map-station-" + anyStation).query();
        assertTrue(marker.getParent().isVisible());
        robot.clickOn("#map-layer-stations");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(marker.getParent().isVisible(), "stations hidden");
        robot.clickOn("#map-layer-stations");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(marker.getParent().isVisible());
        Optional<String> factory = session.registry().factories().keySet().stream().findFirst();
        factory.ifPresent(id -> assertTrue(robot.lookup("#map-factory-" + id).tryQuery().isPresent()));
    }

    /** A surveyed footprint and a pump, written by hand: other key order, spacing and number forms than the writer's. */
    static final String SURVEY = """
            { "type": "FeatureCollection",
              "name": "factory survey",
              "features": [
                { "type": "Feature", "id": "F-SURVEY-1",
                  "properties": { "survey": "2024-03", "name": "Luzhu plating, footprint", "industry": "electroplating",
                                  "pollutants": ["CU", "NI", "ZN"], "permittedDischargeM3Day": 450.0, "dischargeNode": "R06" },
                  "geometry": { "type": "Polygon", "coordinates": [[[121.2290, 24.9124], [121.2311, 24.9124],
                                [121.2311, 24.9137], [121.2290, 24.9137], [121.2290, 24.9124]]] } },
                { "type": "Feature", "id": "F-SURVEY-2", "geometry": {"type": "Point", "coordinates": [121.2500, 24.8950]},
                  "properties": {"name": "Well pump", "industry": "", "pollutants": [], "permittedDischargeM3Day": 0,
                                 "dischargeNode": "", "depthM": 42} }
              ] }
            """;

    @Test
    void importThenExportGivesTheSameGeoJsonAndTheCopyIsKept(FxRobot robot) throws Exception {
        Path in = home.resolve("factory-survey.geojson");
        Files.writeString(in, SURVEY);
        VectorLayer imported = await(fx(() -> screen.importLayer(in, null)));
        assertEquals(LayerKind.FACTORIES, imported.kind());
        assertEquals("factory-survey", imported.title());
        assertTrue(robot.lookup("#map-layer-" + imported.id()).tryQuery().isPresent(), "listed with a switch");
        waitFor(10, () -> fx(() -> scene.lookup("#map-" + imported.id() + "-F-SURVEY-1") != null));

        Path out = home.resolve("exported.geojson");
        await(fx(() -> screen.exportLayer(imported.id(), out)));
        // Equal as parsed JSON, numbers by value: the writer puts the schema first, drops the collection's "name"
        // member and writes 0 as 0.0, so bytes differ from a hand-written file, but nothing a reader sees does.
        JsonNode original = JSON.readTree(SURVEY);
        ((com.fasterxml.jackson.databind.node.ObjectNode) original).remove("name");
        JsonNode written = JSON.readTree(out.toFile());
        assertTrue(original.equals((a, b) -> a.isNumber() && b.isNumber() ? Double.compare(a.doubleValue(), b.doubleValue())
                : a.equals(b) ? 0 : 1, written), "export equals the import:\n" + original + "\n" + written);

        // the writer's own output goes round byte for byte
        VectorLayer again = await(fx(() -> screen.importLayer(out, LayerKind.FACTORIES)));
        Path out2 = home.resolve("exported-again.geojson");
        await(fx(() -> screen.exportLayer(again.id(), out2)));
        assertEquals(Files.readString(out), Files.readString(out2));

        // a new screen (the next start) finds both imports kept in the layer store
        MapScreen next = fx(() -> new MapScreen(session, alarms));
        try {
            await(next.restored());
            WaitForAsyncUtils.waitForFxEvents();
            List<String> kept = fx(() -> next.layers().stream().filter(l -> l.origin() == VectorLayer.Origin.IMPORTED).map(VectorLayer::id).toList());
            assertTrue(kept.containsAll(List.of(imported.id(), again.id())), "kept: " + kept);
        } finally {
            fx(() -> {
                next.close();
                return null;
            });
        }
        robot.clickOn("#map-remove-" + again.id());
        robot.clickOn("#map-remove-" + imported.id());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(layerIds().contains(imported.id()));
    }

    @Test
    void aMalformedFileIsExplainedAndChangesNothing(FxRobot robot) throws Exception {
        List<String> before = layerIds();
        Path bad = home.resolve("broken-units.geojson");
        Files.writeString(bad, """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","id":"U1","geometry":{"type":"Polygon","coordinates":[[[121.2,24.9],[121.21,24.9],[121.21,24.91],[121.2,24.9]]]},
                 "properties":{"name":"fine","areaHa":3,"supplyNode":"R04"}},
                {"type":"Feature","id":"U2","geometry":{"type":"Polygon","coordinates":[[[121.2,24.9],[121.21,24.9],[121.21,24.91],[121.2,24.92]]]},
                 "properties":{"name":"open ring","areaHa":3,"supplyNode":"R04"}},
                {"type":"Feature","id":"U3","geometry":{"type":"Polygon","coordinates":[[[121.2,24.9],[121.21,94.9],[121.21,24.91],[121.2,24.9]]]},
                 "properties":{"name":"far north","areaHa":3,"supplyNode":"R04"}}
                ]}
                """);
        ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> await(fx(() -> screen.importLayer(bad, LayerKind.IRRIGATION_UNITS))));
        assertInstanceOf(GeoJsonException.class, failed.getCause());
        waitFor(10, () -> robot.lookup("#map-import-error").tryQuery().isPresent());
        String header = fx(() -> robot.lookup("#map-import-error").queryAs(DialogPane.class).getHeaderText());
        String report = fx(() -> robot.lookup("#map-import-errors").queryAs(TextArea.class).getText());
        assertTrue(header.contains("broken-units.geojson") && header.contains("2 problems") && header.contains("map is unchanged"), header);
        assertTrue(report.contains("broken-units.geojson: feature 1 (id U2): geometry.coordinates[0]: exterior ring: ring not closed"), report);
        assertTrue(report.contains("broken-units.geojson: feature 2 (id U3): geometry.coordinates[0][1][1]: latitude 94.9 out of range"), report);
        Files.createDirectories(SHOTS);
        Window dialog = fx(() -> robot.lookup("#map-import-error").queryAs(DialogPane.class).getScene().getWindow());
        WritableImage img = fx(() -> dialog.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", SHOTS.resolve("map-import-error.png").toFile());
        fx(() -> {
            dialog.hide();
            return null;
        });

        assertEquals(before, layerIds(), "no layer added");
        try (var kept = Files.list(AppSettings.home().resolve("layers"))) {
            assertTrue(kept.noneMatch(f -> f.toString().contains("broken")), "no copy kept");
        } catch (java.nio.file.NoSuchFileException nothingKeptYet) {
            // the store's folder is made by the first import that succeeds
        }
        // the map still answers
        clickAt(robot, "stations", "R04");
        waitFor(10, () -> "Station R04".equals(detailsTitle(robot)));
    }

    @Test
    void newHopeCreekImportsAsChannelsWithDownstreamArrowsAndFits(FxRobot robot) throws Exception {
        Path nhd = SharedData.nhdPlusFlowlines();
        VectorLayer layer = await(fx(() -> screen.importLayer(nhd, null)));
        try {
            assertEquals(LayerKind.CHANNELS, layer.kind());
            assertEquals(746, layer.data().features().size());
            assertTrue(fx(() -> robot.lookup("#map-status").queryAs(Label.class).getText())
                    .contains("NHDPlus flowlines: 1 outlet, 144 headwaters"));
            // fit-to-layer ran: the whole basin is in view
            waitFor(10, () -> fx(() -> screen.mapView().getZoom() > 9 && screen.mapView().getZoom() < 12));
            org.waterchain.app.map.geo.BoundingBox basin = layer.data().extent().orElseThrow();
            assertTrue(basin.contains(fx(() -> screen.mapView().getCenter().getLongitude()), fx(() -> screen.mapView().getCenter().getLatitude())));
            WaitForAsyncUtils.waitForFxEvents();
            shot("map-nhdplus.png");

            // the longest reach, found by search: every arrow points along the coordinates, which the import checked run downstream
            String reach = layer.data().features().stream().map(f -> (org.waterchain.app.map.geo.Channel) f)
                    .max(java.util.Comparator.comparingDouble(org.waterchain.app.map.geo.Channel::lengthM)).orElseThrow().id();
            robot.clickOn("#map-search").write(reach).type(KeyCode.ENTER);
            waitFor(10, () -> ("Channel " + reach).equals(detailsTitle(robot)));
            // close enough that the reach carries several arrows
            org.waterchain.app.map.geo.BoundingBox box = layer.data().features().stream().filter(f -> f.id().equals(reach))
                    .findFirst().orElseThrow().geometry().bbox();
            fx(() -> {
                FitView fit = FitView.of(box, screen.mapView().getWidth(), screen.mapView().getHeight(), 40, 2, 16);
                screen.setView(fit.lat(), fit.lon(), fit.zoom());
                return null;
            });
            waitFor(10, () -> fx(() -> arrowsOf(layer.id(), reach).size() >= 3));
            List<Node> arrows = fx(() -> arrowsOf(layer.id(), reach));
            javafx.scene.shape.Polyline line = fx(() -> (javafx.scene.shape.Polyline) scene.lookup("#map-" + layer.id() + "-" + reach));
            List<Double> pts = fx(() -> List.copyOf(line.getPoints()));
            for (Node a : arrows) {
                double angle = Math.toRadians(a.getRotate());
                double best = Double.MAX_VALUE;
                double along = 0;
                for (int i = 2; i < pts.size(); i += 2) {
                    double ax = pts.get(i - 2), ay = pts.get(i - 1), bx = pts.get(i), by = pts.get(i + 1);
                    double d = distance(a.getTranslateX(), a.getTranslateY(), ax, ay, bx, by);
                    if (d < best) {
                        best = d;
                        along = (bx - ax) * Math.cos(angle) + (by - ay) * Math.sin(angle);
                    }
                }
                assertTrue(best < 0.5 && along > 0, "arrow on its segment (" + best + " px) pointing downstream (" + along + ")");
            }
            shot("map-nhdplus-reach.png");
        } finally {
            robot.clickOn("#map-remove-" + layer.id());
        }
    }

    /** A channel's visible arrow heads: the line carries the id, its arrows are the group beside it. */
    private List<Node> arrowsOf(String layerId, String reach) {
        Node line = scene.lookup("#map-" + layerId + "-" + reach);
        if (line == null || !line.getParent().isVisible()) {
            return List.of();
        }
        return ((Group) line.getParent().getChildrenUnmodifiable().get(1)).getChildrenUnmodifiable().stream().filter(Node::isVisible).toList();
    }

    private static double distance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay;
        double t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(px - ax - t * dx, py - ay - t * dy);
    }

    @Test
    void theDemoUnitsAreListedForTracing() {
        List<IrrigationUnit> units = fx(() -> screen.irrigationUnits());
        assertEquals(14, units.size());
        assertTrue(units.stream().allMatch(u -> !u.supplyNode().isBlank()));
    }
}
