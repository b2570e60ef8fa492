package org.waterchain.app.map.view;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import org.waterchain.app.fx.FxBatch;
import org.waterchain.app.map.tiles.MbTilesException;
import org.waterchain.app.session.LiveRecord;
import org.waterchain.app.session.Session;
import org.waterchain.app.shell.Screen;
import org.waterchain.app.standards.ComplianceClass;

/**
 * The district on a map: channels with their flow direction, stations coloured by their latest compliance class,
 * factories, over an offline MBTiles basemap the user picks. Clicking a feature shows its details.
 */
public final class MapScreen implements Screen {
    /** The zoom the map opens at: the whole demo district (Taoyuan irrigation district) in view. */
    public static final double HOME_ZOOM = 12;
    static final double SCALE_BAR_MAX_PX = 120;

    private final Session session;
    private final MapModel model;
    private final FeatureLayer layer;
    private final BorderPane root = new BorderPane();
    private final StackPane mapHolder = new StackPane();
    private final ComboBox<Basemap> basemaps = new ComboBox<>();
    private final Label status = new Label();
    private final Label attribution = new Label();
    private final Line scaleLine = new Line();
    private final Label scaleLabel = new Label();
    private final Label detailsTitle = new Label("Nothing selected");
    private final GridPane detailsRows = new GridPane();
    private final Runnable unsubscribeFeed;
    private final Runnable unsubscribeBasemaps;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "map-basemaps");
        t.setDaemon(true);
        return t;
    });
    private final MapPoint home;
    private MapView map;
    private Selection selection;
    private boolean updatingChoice;

    public MapScreen(Session session) {
        this.session = session;
        this.model = new MapModel(session.registry(), session::now);
        org.waterchain.app.map.tiles.BoundingBox area = DemoBasemap.area(session.registry());
        this.home = new MapPoint((area.south() + area.north()) / 2, (area.west() + area.east()) / 2);
        this.layer = new FeatureLayer(session.registry(), this::select, this::updateScale);
        buildView();
        FxBatch<LiveRecord> batch = new FxBatch<>(this::accept);
        this.unsubscribeFeed = session.feed().subscribe(batch::addAll);
        // stations show their last known class at once, read off the FX thread
        Thread seed = new Thread(() -> batch.addAll(session.feed().latest(session.registry().stations().keySet())), "map-seed");
        seed.setDaemon(true);
        seed.start();
        this.unsubscribeBasemaps = BasemapRegistry.onSelect(b -> Platform.runLater(() -> basemapChanged(b)));
        newMapView(home.getLatitude(), home.getLongitude(), HOME_ZOOM);
        loadBasemaps();
    }

    @Override
    public String id() {
        return "map";
    }

    @Override
    public String title() {
        return "Map";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void close() {
        unsubscribeFeed.run();
        unsubscribeBasemaps.run();
        background.shutdownNow();
    }

    /** The map view now showing (replaced when the basemap changes). */
    public MapView mapView() {
        return map;
    }

    /** Centre and zoom, as the user would pan and zoom. */
    public void setView(double lat, double lon, double zoom) {
        map.setZoom(zoom);
        map.setCenter(lat, lon);
    }

    /** The centre of the registry's features: where the map opens. */
    public MapPoint home() {
        return home;
    }

    /** Where a station is drawn, in the map view's coordinates. */
    public Optional<Point2D> stationPoint(String stationId) {
        return layer.stationPoint(stationId);
    }

    public ComplianceClass stationClass(String stationId) {
        return model.stationClass(stationId);
    }

    private void accept(List<LiveRecord> records) {
        model.accept(records);
        for (String id : model.registry().stations().keySet()) {
            layer.setClass(id, model.stationClass(id));
        }
        if (selection != null && selection.kind() == Selection.Kind.STATION) {
            showDetails(selection);
        }
    }

    private void buildView() {
        root.setId("map-screen");
        root.getStylesheets().add(MapScreen.class.getResource("map.css").toExternalForm());

        basemaps.setId("map-basemap");
        basemaps.setPromptText("no basemap");
        basemaps.valueProperty().addListener((o, was, now) -> {
            if (!updatingChoice && now != null) {
                BasemapRegistry.select(now);
            }
        });
        Button add = new Button("Add basemap…");
        add.setId("map-basemap-add");
        add.setOnAction(e -> chooseBasemap());
        CheckBox channels = toggle("map-layer-channels", "Channels", Selection.Kind.CHANNEL);
        CheckBox stations = toggle("map-layer-stations", "Stations", Selection.Kind.STATION);
        CheckBox factories = toggle("map-layer-factories", "Factories", Selection.Kind.FACTORY);
        Button home = new Button("District");
        home.setId("map-home");
        home.setOnAction(e -> setView(this.home.getLatitude(), this.home.getLongitude(), HOME_ZOOM));
        Button zoomIn = new Button("+");
        zoomIn.setId("map-zoom-in");
        zoomIn.setOnAction(e -> map.setZoom(Math.min(19, Math.round(map.getZoom()) + 1)));
        Button zoomOut = new Button("−");
        zoomOut.setId("map-zoom-out");
        zoomOut.setOnAction(e -> map.setZoom(Math.max(2, Math.round(map.getZoom()) - 1)));
        status.setId("map-status");
        status.getStyleClass().add("map-status");
        HBox toolbar = new HBox(new Label("Basemap"), basemaps, add, new Separator(javafx.geometry.Orientation.VERTICAL),
                channels, stations, factories, new Separator(javafx.geometry.Orientation.VERTICAL), zoomOut, zoomIn, home,
                status);
        toolbar.getStyleClass().add("map-toolbar");
        root.setTop(toolbar);

        mapHolder.setId("map-holder");
        mapHolder.setMinSize(0, 0);
        Pane overlay = new Pane();
        overlay.setPickOnBounds(false);
        Node legend = legend();
        Node scale = scaleBar();
        attribution.setId("map-attribution");
        attribution.getStyleClass().addAll("map-attribution", "map-overlay-box");
        StackPane.setAlignment(legend, Pos.TOP_RIGHT);
        StackPane.setAlignment(scale, Pos.BOTTOM_LEFT);
        StackPane.setAlignment(attribution, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(legend, new Insets(10));
        StackPane.setMargin(scale, new Insets(10));
        StackPane.setMargin(attribution, new Insets(10));
        mapHolder.getChildren().addAll(legend, scale, attribution);
        root.setCenter(mapHolder);

        VBox details = new VBox(detailsTitle, detailsRows);
        details.setId("map-details");
        details.getStyleClass().add("map-details");
        detailsTitle.setId("map-details-title");
        detailsTitle.getStyleClass().add("map-details-title");
        detailsRows.setHgap(10);
        detailsRows.setVgap(4);
        root.setRight(details);
    }

    private CheckBox toggle(String id, String text, Selection.Kind kind) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setSelected(true);
        box.selectedProperty().addListener((o, was, now) -> layer.show(kind, now));
        return box;
    }

    private Node legend() {
        VBox box = new VBox(4);
        box.setId("map-legend");
        box.getStyleClass().add("map-overlay-box");
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        box.setMouseTransparent(true);
        Label title = new Label("Legend");
        title.getStyleClass().add("map-legend-title");
        box.getChildren().add(title);
        Line channel = new Line(0, 0, 18, 0);
        channel.getStyleClass().add("map-channel");
        Polygon arrow = new Polygon(5, 0, -4, -4.5, -4, 4.5);
        arrow.getStyleClass().add("map-flow-arrow");
        box.getChildren().add(entry(new HBox(2, channel, arrow), "channel, arrows = flow"));
        box.getChildren().add(entry(dot(ComplianceClass.BLUE), "station within standard"));
        box.getChildren().add(entry(dot(ComplianceClass.YELLOW), "station near the limit"));
        box.getChildren().add(entry(dot(ComplianceClass.RED), "station beyond the limit"));
        box.getChildren().add(entry(dot(ComplianceClass.NONE), "station without data"));
        Rectangle factory = new Rectangle(FeatureLayer.FACTORY_SIZE, FeatureLayer.FACTORY_SIZE);
        factory.getStyleClass().add("map-factory");
        box.getChildren().add(entry(factory, "factory"));
        return box;
    }

    private static Node dot(ComplianceClass c) {
        Circle dot = new Circle(6, FeatureLayer.colour(c));
        dot.getStyleClass().add("map-station");
        return dot;
    }

    private static Node entry(Node symbol, String text) {
        StackPane slot = new StackPane(symbol);
        slot.setMinWidth(30);
        HBox row = new HBox(6, slot, new Label(text));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node scaleBar() {
        scaleLine.getStyleClass().add("map-scale-bar");
        scaleLine.setStrokeWidth(3);
        scaleLine.setStroke(Color.web("#212121"));
        scaleLabel.setId("map-scale-label");
        VBox box = new VBox(2, scaleLabel, scaleLine);
        box.setId("map-scale");
        box.getStyleClass().add("map-overlay-box");
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        box.setMouseTransparent(true);
        return box;
    }

    /** Runs after each layer layout (pan or zoom); a few arithmetic operations, no allocation of nodes. */
    private void updateScale() {
        if (map == null || map.getHeight() <= 0) {
            return;
        }
        MapPoint centre = map.getMapPosition(map.getWidth() / 2, map.getHeight() / 2);
        ScaleBar bar = ScaleBar.fit(centre.getLatitude(), map.getZoom(), SCALE_BAR_MAX_PX);
        scaleLine.setEndX(bar.pixels());
        scaleLabel.setText(bar.label());
    }

    /**
     * Gluon Maps keeps the tiles it loaded and offers no way to drop them, so a basemap switch builds a new map view
     * at the same place and zoom and moves the feature layer onto it.
     */
    private void newMapView(double lat, double lon, double zoom) {
        if (map != null) {
            map.removeLayer(layer);
            mapHolder.getChildren().remove(map);
        }
        map = new MapView();
        map.setId("map-view");
        map.getStyleClass().add("map-view");
        map.setMinSize(0, 0);
        map.addLayer(layer);
        map.setZoom(zoom);
        map.setCenter(lat, lon);
        mapHolder.getChildren().add(0, map);
        layer.refresh();
    }

    private void basemapChanged(Optional<Basemap> b) {
        updatingChoice = true;
        try {
            basemaps.getItems().setAll(BasemapRegistry.all());
            basemaps.setValue(b.orElse(null));
        } finally {
            updatingChoice = false;
        }
        attribution.setText(b.map(x -> x.attribution().isBlank() ? x.name() : x.attribution()).orElse("no basemap"));
        MapPoint centre = map.getHeight() > 0 ? map.getMapPosition(map.getWidth() / 2, map.getHeight() / 2)
                : home;
        newMapView(centre.getLatitude(), centre.getLongitude(), map.getZoom());
    }

    /** Finds the basemaps in the home folder, drawing the demo one first when there is none. Off the FX thread. */
    private void loadBasemaps() {
        status.setText("Opening basemaps…");
        background.execute(() -> {
            List<String> problems = new ArrayList<>(BasemapRegistry.scan(BasemapRegistry.directory()));
            if (BasemapRegistry.all().isEmpty()) {
                Platform.runLater(() -> status.setText("Drawing the demo basemap…"));
                try {
                    Path file = DemoBasemap.ensure(BasemapRegistry.directory().resolve(DemoBasemap.FILE_NAME), session.registry());
                    BasemapRegistry.add(file);
                } catch (java.io.IOException e) {
                    problems.add("cannot draw the demo basemap: " + e.getMessage());
                }
            }
            Platform.runLater(() -> {
                status.setText(String.join("; ", problems));
                Optional<Basemap> now = BasemapRegistry.current().or(() -> BasemapRegistry.all().stream().findFirst());
                if (BasemapRegistry.current().equals(now)) {
                    basemapChanged(now);
                } else {
                    now.ifPresent(BasemapRegistry::select);
                }
            });
        });
    }

    private void chooseBasemap() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add an MBTiles basemap");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MBTiles", "*" + BasemapRegistry.EXTENSION));
        if (Files.isDirectory(BasemapRegistry.directory())) {
            chooser.setInitialDirectory(BasemapRegistry.directory().toFile());
        }
        File f = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            addBasemap(f.toPath());
        }
    }

    /** Opens the file off the FX thread and switches to it; a bad file is named in the status line. */
    public void addBasemap(Path file) {
        status.setText("Opening " + file.getFileName() + "…");
        background.execute(() -> {
            try {
                Basemap b = BasemapRegistry.add(file);
                Platform.runLater(() -> {
                    status.setText("");
                    BasemapRegistry.select(b);
                });
            } catch (MbTilesException e) {
                Platform.runLater(() -> status.setText(e.getMessage()));
            }
        });
    }

    private void select(Selection f) {
        selection = f;
        layer.select(f);
        showDetails(f);
    }

    private void showDetails(Selection f) {
        detailsRows.getChildren().clear();
        Optional<MapModel.Details> d = model.details(f);
        detailsTitle.setText(d.map(MapModel.Details::title).orElse("Nothing selected"));
        int row = 0;
        for (MapModel.Row r : d.map(MapModel.Details::rows).orElse(List.of())) {
            Label label = new Label(r.label());
            label.getStyleClass().add("map-details-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(r.value());
            value.setId("map-details-" + r.label().replace(' ', '-'));
            value.setWrapText(true);
            GridPane.setHgrow(value, Priority.ALWAYS);
            detailsRows.addRow(row++, label, value);
        }
    }
}
