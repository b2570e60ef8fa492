package org.waterchain.app.map.view;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.waterchain.app.alarm.AlarmService;
import org.waterchain.app.alarm.AlarmSnapshot;
import org.waterchain.app.fx.FxBatch;
import org.waterchain.app.map.basemap.DefaultBasemap;
import org.waterchain.app.map.geo.BoundingBox;
import org.waterchain.app.map.geo.DemoLayers;
import org.waterchain.app.map.geo.Geometry;
import org.waterchain.app.map.geo.IrrigationUnit;
import org.waterchain.app.map.geo.LayerKind;
import org.waterchain.app.map.geo.MapFeature;
import org.waterchain.app.map.geo.Position;
import org.waterchain.app.map.geo.RegistryLayers;
import org.waterchain.app.map.geo.UnitState;
import org.waterchain.app.map.tiles.MbTilesException;
import org.waterchain.app.session.LiveRecord;
import org.waterchain.app.session.RegistryView;
import org.waterchain.app.session.Session;
import org.waterchain.app.settings.AppSettings;
import org.waterchain.app.trace.TraceFinding;
import org.waterchain.app.trace.TraceModel;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.RegisterFactory;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;
import org.waterchain.app.trace.narrowing.Candidate;
import org.waterchain.app.trace.narrowing.UnitStatus;
import org.waterchain.ledger.trace.Pathway;
import org.waterchain.app.shell.Screen;
import org.waterchain.app.standards.ComplianceClass;
import org.waterchain.ledger.registry.RegistryAction;

/**
 * The district on a map over an offline MBTiles basemap the user picks: the registry's channels (with their flow),
 * stations (in their compliance class colour, flashing while an alarm is unacknowledged) and factories, the demo's
 * irrigation units, and any GeoJSON layer the user imports; all drawn the same way by one {@link FeatureLayer}.
 * Search, a click or the layer list select a feature and show its details. Imports are read and kept off the FX
 * thread, all or nothing; a bad file is explained in a dialog and changes nothing.
 */
public final class MapScreen implements Screen {
    /** The zoom the map opens at until it knows its size, and then fits the district (registry and demo layers). */
    public static final double HOME_ZOOM = 12;
    static final double SCALE_BAR_MAX_PX = 120;
    static final double MIN_ZOOM = 2;
    static final double MAX_ZOOM = 19;
    /** How far a search result or a point layer's "Fit" zooms in at most. */
    static final double FOCUS_ZOOM = 15;
    static final double FIT_PADDING_PX = 40;
    /** Where the demo district lies, for a registry without features. */
    private static final BoundingBox TAOYUAN = new BoundingBox(121.05, 24.85, 121.40, 25.10);

    private static final Object BASEMAP_SETUP = new Object();

    private final Session session;
    private final MapModel model;
    private final FeatureLayer layer = new FeatureLayer();
    private final TraceOverlay trace = new TraceOverlay();
    private final Label traceLabel = new Label();
    private final HBox traceBar = new HBox(8);
    private final Map<String, VectorLayer> layers = new LinkedHashMap<>();
    /** The units of {@link #layers}, published for the tracing thread; written on the FX thread. */
    private volatile List<IrrigationUnit> units = List.of();
    private final BorderPane root = new BorderPane();
    private final StackPane mapHolder = new StackPane();
    private final ComboBox<Basemap> basemaps = new ComboBox<>();
    private final Label status = new Label();
    private final Label attribution = new Label();
    private final Line scaleLine = new Line();
    private final Label scaleLabel = new Label();
    private final Label hover = new Label();
    private final MenuButton export = new MenuButton("Export");
    private final DetailsPanel details = new DetailsPanel();
    private final SearchBox search;
    private final LayerPanel panel;
    private final LayerFiles files;
    private final Runnable unsubscribeFeed;
    private final Runnable unsubscribeAlarms;
    private final Runnable unsubscribeBasemaps;
    private final Runnable unsubscribeTileProblems;
    private final Runnable unsubscribeBasemapList;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "map-basemaps");
        t.setDaemon(true);
        return t;
    });
    private final MapPoint home;
    private final BoundingBox district;
    private MapView map;
    private boolean updatingChoice;

    /** @param alarms the window's alarm service: stations with unacknowledged alarms flash on the map */
    public MapScreen(Session session, AlarmService alarms) {
        this.session = session;
        this.model = new MapModel(session.registry(), session::now);
        this.panel = new LayerPanel(this::switchLayer, this::fitLayer, this::removeLayer);
        this.search = new SearchBox(this::focus, text -> status.setText("Nothing on the map is called \"" + text + "\""));
        this.files = new LayerFiles(new LayerFiles.Host() {
            @Override
            public void add(PreparedLayer p, boolean visible) {
                MapScreen.this.add(p, visible);
            }

            @Override
            public void fitLayer(String layerId) {
                MapScreen.this.fitLayer(layerId);
            }

            @Override
            public void status(String text) {
                status.setText(text);
            }

            @Override
            public Window window() {
                return root.getScene() == null ? null : root.getScene().getWindow();
            }
        }, AppSettings.home().resolve("layers"));
        layer.onLayout(() -> {
            updateScale();
            // what was under the pointer has moved away
            hover.setVisible(false);
        });
        putRegistryLayers(session.registry());
        if (session.isDemo()) {
            // 14 polygons from the app's own classes: read at once so the demo opens complete
            add(new VectorLayer("units", "Irrigation units (demo)", VectorLayer.Origin.DEMO, DemoLayers.irrigationUnits()));
        }
        this.district = extent(layers.values().stream().filter(l -> l.origin() != VectorLayer.Origin.IMPORTED).toList())
                .orElse(TAOYUAN);
        FitView centre = FitView.of(district, 1, 1, 0, HOME_ZOOM, HOME_ZOOM); // for its centre; the zoom is fixed
        this.home = new MapPoint(centre.lat(), centre.lon());
        buildView();
        FxBatch<LiveRecord> batch = new FxBatch<>(this::accept);
        this.unsubscribeFeed = session.feed().subscribe(batch::addAll);
        // stations show their last known class at once, read off the FX thread
        Thread seed = new Thread(() -> batch.addAll(session.feed().latest(session.registry().stations().keySet())), "map-seed");
        seed.setDaemon(true);
        seed.start();
        FxBatch<AlarmPins> pins = new FxBatch<>(list -> showAlarms(list.get(list.size() - 1)));
        this.unsubscribeAlarms = alarms.subscribe(
                (AlarmSnapshot s) -> pins.add(AlarmPins.of(s, device -> session.registry().stationOf(device))));
        this.unsubscribeBasemaps = BasemapRegistry.onSelect(b -> Platform.runLater(() -> basemapChanged(b)));
        this.unsubscribeTileProblems = BasemapRegistry.onTileProblem(m -> Platform.runLater(() -> status.setText(m)));
        // sources saved in the settings or a finished download: new chooser items, the same map view
        this.unsubscribeBasemapList = BasemapRegistry.onListChange(() -> Platform.runLater(this::listBasemaps));
        newMapView(home.getLatitude(), home.getLongitude(), HOME_ZOOM);
        fitDistrictOnceSized();
        loadBasemaps();
        files.restore();
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
        unsubscribeAlarms.run();
        unsubscribeBasemaps.run();
        unsubscribeTileProblems.run();
        unsubscribeBasemapList.run();
        layer.setAlarmed(java.util.Set.of());
        // let started work finish: a half-drawn demo basemap would be drawn again, a layer removal not be kept
        background.shutdown();
        files.close();
    }

    // ---- the API other screens and tests use ----

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

    /** The layers on the map, in the order the layer list shows them. */
    public List<VectorLayer> layers() {
        return List.copyOf(layers.values());
    }

    /** Where a feature is drawn (a polygon's inside, a line's middle), in the map view's coordinates. */
    public Optional<Point2D> featurePoint(String layerId, String featureId) {
        return layer.screenPoint(layerId, featureId);
    }

    public ComplianceClass stationClass(String stationId) {
        return model.stationClass(stationId);
    }

    public Optional<Selection> selection() {
        return Optional.ofNullable(layer.selection());
    }

    /**
     * Shows a traced pollution event: its pathway channels and polluted stations, the likeliest discharger of each
     * source, the irrigation units it touches (orange) or searched upstream (purple), fitted into view. On the FX
     * thread; {@link #clearTrace()} takes it away.
     */
    public void showTrace(TraceFinding f) {
        RegistryView reg = session.registry();
        List<List<GeoPoint>> lines = new ArrayList<>();
        for (AddChannel c : reg.channels()) {
            if (f.channels().contains(c.id()) && c.geometry().size() >= 2) {
                lines.add(c.geometry());
            }
        }
        List<TraceOverlay.Station> polluted = new ArrayList<>();
        List<GeoPoint> extent = new ArrayList<>();
        Set<String> sources = new HashSet<>(f.result().sources());
        for (Pathway p : f.pathways()) {
            for (String id : p.stations()) {
                RegisterStation st = reg.stations().get(id);
                if (st != null) {
                    polluted.add(new TraceOverlay.Station(id, st.location(), sources.contains(id)));
                    extent.add(st.location());
                }
            }
        }
        List<TraceOverlay.Suspect> suspects = new ArrayList<>();
        for (Candidate c : f.leaders()) {
            RegisterFactory factory = reg.factories().get(c.factoryId());
            if (factory != null) {
                suspects.add(new TraceOverlay.Suspect(c.factoryId(), c.name(), factory.location()));
                extent.add(factory.location());
            }
        }
        trace.show(lines, polluted, suspects);
        Map<String, UnitState> states = new HashMap<>();
        f.units().forEach((unit, status) -> states.put(unit,
                status == UnitStatus.POLLUTED ? UnitState.POLLUTED : UnitState.UPSTREAM));
        markUnits(states);
        traceLabel.setText("Traced " + f.quantity() + " at " + TraceModel.hour(f.timePointMs()) + ": source "
                + String.join(", ", f.result().sources())
                + (suspects.isEmpty() ? "" : "; likeliest " + suspects.stream().map(TraceOverlay.Suspect::id)
                        .reduce((a, b) -> a + ", " + b).orElseThrow()));
        traceBar.setVisible(true);
        traceBar.setManaged(true);
        if (!extent.isEmpty() && map.getWidth() > 0) {
            FitView fit = FitView.of(BoundingBox.of(extent.stream().map(g -> new Position(g.lon(), g.lat())).toList()),
                    map.getWidth(), map.getHeight(), FIT_PADDING_PX, MIN_ZOOM, FOCUS_ZOOM);
            setView(fit.lat(), fit.lon(), fit.zoom());
        }
    }

    /** Takes a shown trace off the map and returns the units to normal. */
    public void clearTrace() {
        trace.clear();
        markUnits(Map.of());
        traceBar.setVisible(false);
        traceBar.setManaged(false);
    }

    public boolean showsTrace() {
        return trace.isShowing();
    }

    /**
     * Paints the irrigation units of every unit layer as pollution tracing found them; units not named are NORMAL.
     * On the FX thread.
     */
    public void markUnits(Map<String, UnitState> states) {
        model.setUnitStates(states);
        layer.setUnitStates(states);
        refreshDetails();
    }

    /**
     * The irrigation units of every unit layer on the map (id and supply node are what tracing needs). Callable from
     * any thread: the list is immutable and replaced whenever the layers change.
     */
    public List<IrrigationUnit> irrigationUnits() {
        return units;
    }

    /** Whether the shared alarm animation runs, and for which stations: for tests. */
    boolean isFlashing() {
        return layer.isFlashing();
    }

    /** Completes once the layers imported in earlier sessions are back on the map (or could not be). */
    CompletableFuture<Void> restored() {
        return files.restored();
    }

    // ---- layers ----

    private void add(VectorLayer v) {
        add(PreparedLayer.of(v), true);
    }

    private void add(PreparedLayer p, boolean visible) {
        VectorLayer v = p.layer();
        layers.put(v.id(), v);
        layer.put(p);
        layer.setVisible(v.id(), visible);
        layersChanged();
    }

    private void layersChanged() {
        List<IrrigationUnit> out = new ArrayList<>();
        for (VectorLayer l : layers.values()) {
            for (MapFeature f : l.data().features()) {
                if (f instanceof IrrigationUnit u) {
                    out.add(u);
                }
            }
        }
        units = List.copyOf(out);
        search.setLayers(List.copyOf(layers.values()));
        panel.show(List.copyOf(layers.values()), layer::isVisible);
        exportChoices();
        refreshDetails();
    }

    /** Only shown layers are offered for export: what the user sees is what they export. */
    private void exportChoices() {
        export.getItems().setAll(layers.values().stream().filter(l -> layer.isVisible(l.id())).map(l -> {
            MenuItem item = new MenuItem(l.title() + "…");
            item.setMnemonicParsing(false);
            item.setOnAction(x -> files.chooseExport(l));
            return item;
        }).toList());
        export.setDisable(export.getItems().isEmpty());
    }

    /** The registry's layers, replaced one by one only when what they hold changed (the registry is re-read often). */
    private void putRegistryLayers(RegistryView registry) {
        List<RegistryAction> actions = new ArrayList<>(registry.stationList());
        actions.addAll(registry.factories().values());
        actions.addAll(registry.channels());
        RegistryLayers r = RegistryLayers.from(actions);
        boolean changed = false;
        for (VectorLayer v : List.of(new VectorLayer("stations", "Stations", VectorLayer.Origin.REGISTRY, r.stations()),
                new VectorLayer("factories", "Factories", VectorLayer.Origin.REGISTRY, r.factories()),
                new VectorLayer("channels", "Channels", VectorLayer.Origin.REGISTRY, r.channels()))) {
            VectorLayer old = layers.get(v.id());
            if (old == null || !old.data().equals(v.data())) {
                layers.put(v.id(), v);
                layer.put(PreparedLayer.of(v));
                changed = true;
            }
        }
        if (changed) {
            layersChanged();
        }
    }

    private void switchLayer(String layerId, boolean visible) {
        layer.setVisible(layerId, visible);
        exportChoices();
        VectorLayer v = layers.get(layerId);
        if (v != null && v.origin() == VectorLayer.Origin.IMPORTED) {
            files.keepSwitch(layerId, visible);
        }
    }

    /** Zooms and centres so the layer's features fill the view. */
    public void fitLayer(String layerId) {
        VectorLayer v = layers.get(layerId);
        if (v == null || map.getWidth() <= 0) {
            return;
        }
        v.data().extent().ifPresent(box -> {
            FitView fit = FitView.of(box, map.getWidth(), map.getHeight(), FIT_PADDING_PX, MIN_ZOOM, FOCUS_ZOOM);
            setView(fit.lat(), fit.lon(), fit.zoom());
        });
    }

    /**
     * Opens on the whole district rather than a fixed zoom, once the map has a size. Listens on the holder, which
     * stays when a basemap switch replaces the map view.
     */
    private void fitDistrictOnceSized() {
        ChangeListener<Number> firstSize = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> o, Number was, Number now) {
                if (mapHolder.getWidth() > 0 && mapHolder.getHeight() > 0) {
                    mapHolder.widthProperty().removeListener(this);
                    mapHolder.heightProperty().removeListener(this);
                    Platform.runLater(MapScreen.this::fitDistrict);
                }
            }
        };
        mapHolder.widthProperty().addListener(firstSize);
        mapHolder.heightProperty().addListener(firstSize);
    }

    /** The registry's and the demo's features filling the view. */
    private void fitDistrict() {
        if (map.getWidth() > 0 && map.getHeight() > 0) {
            FitView fit = FitView.of(district, map.getWidth(), map.getHeight(), FIT_PADDING_PX, MIN_ZOOM, FOCUS_ZOOM);
            setView(fit.lat(), fit.lon(), fit.zoom());
        }
    }

    private void removeLayer(String layerId) {
        VectorLayer v = layers.get(layerId);
        if (v == null || v.origin() != VectorLayer.Origin.IMPORTED) {
            return;
        }
        layers.remove(layerId);
        layer.remove(layerId); // clears the selection when it is in this layer
        layersChanged();
        status.setText("Removed " + v.title());
        files.forget(v);
    }

    private static Optional<BoundingBox> extent(List<VectorLayer> ls) {
        BoundingBox all = null;
        for (VectorLayer l : ls) {
            Optional<BoundingBox> b = l.data().extent();
            if (b.isPresent()) {
                all = all == null ? b.get() : all.union(b.get());
            }
        }
        return Optional.ofNullable(all);
    }

    /**
     * Reads a GeoJSON file off the FX thread as a layer of {@code kind} (null: told from the file; NHDPlus flowlines
     * become channels), keeps a copy in the layer store, adds it and zooms to it. A file with errors changes nothing:
     * a dialog lists every error, and the future fails with them.
     */
    public CompletableFuture<VectorLayer> importLayer(Path file, LayerKind kind) {
        return files.importLayer(file, kind);
    }

    /** Writes a layer as RFC 7946 GeoJSON off the FX thread; the typed layers read back equal. */
    public CompletableFuture<Path> exportLayer(String layerId, Path file) {
        VectorLayer v = layers.get(layerId);
        return v == null ? CompletableFuture.failedFuture(new IllegalArgumentException("no layer " + layerId + " on the map"))
                : files.export(v, file);
    }

    // ---- live data and alarms ----

    private void accept(List<LiveRecord> records) {
        RegistryView now = session.registry();
        if (now != model.registry()) {
            model.setRegistry(now);
            putRegistryLayers(now);
        }
        model.accept(records);
        layer.setStationClasses(model.stationClasses());
        if (stationSelected()) {
            refreshDetails();
        }
    }

    private void showAlarms(AlarmPins pins) {
        model.setAlarms(pins);
        layer.setAlarmed(pins.flashing());
        if (stationSelected()) {
            refreshDetails();
        }
    }

    // ---- selection, search, details ----

    private boolean stationSelected() {
        Selection s = layer.selection();
        return s != null && s.kind() == LayerKind.STATIONS;
    }

    /** Selects a feature and shows its details; null clears. The feature layer holds the selection. */
    public void select(Selection s) {
        layer.select(s);
        refreshDetails();
    }

    /** Brings a feature into view (zooming in on a point, out if a line or polygon does not fit) and selects it. */
    public void focus(Selection s) {
        Optional<MapFeature> f = layer.feature(s);
        if (f.isEmpty()) {
            return;
        }
        BoundingBox box = f.get().geometry().bbox();
        double zoom = map.getZoom();
        FitView fit = FitView.of(box, Math.max(1, map.getWidth()), Math.max(1, map.getHeight()), FIT_PADDING_PX, MIN_ZOOM, FOCUS_ZOOM);
        double target = f.get().geometry() instanceof Geometry.Point ? Math.max(zoom, Math.min(fit.zoom(), 14)) : Math.min(zoom, fit.zoom());
        if (!layer.isVisible(s.layerId())) {
            switchLayer(s.layerId(), true);
            panel.show(List.copyOf(layers.values()), layer::isVisible);
        }
        setView(fit.lat(), fit.lon(), target);
        select(s);
    }

    private void refreshDetails() {
        Selection selection = layer.selection();
        Optional<MapFeature> f = selection == null ? Optional.empty() : layer.feature(selection);
        details.show(f.map(x -> model.details(layers.get(selection.layerId()), x)));
    }

    // ---- the view ----

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

        MenuButton importMenu = new MenuButton("Import layer");
        importMenu.setId("map-import");
        MenuItem detect = new MenuItem("GeoJSON, kind told from the file…");
        detect.setOnAction(e -> files.chooseImport(null));
        importMenu.getItems().add(detect);
        for (LayerKind k : LayerKind.values()) {
            MenuItem item = new MenuItem(k.title() + "…");
            item.setOnAction(e -> files.chooseImport(k));
            importMenu.getItems().add(item);
        }
        export.setId("map-export");
        exportChoices();

        Button home = new Button("District");
        home.setId("map-home");
        home.setOnAction(e -> fitDistrict());
        Button zoomIn = new Button("+");
        zoomIn.setId("map-zoom-in");
        zoomIn.setOnAction(e -> map.setZoom(Math.min(MAX_ZOOM, Math.round(map.getZoom()) + 1)));
        Button zoomOut = new Button("−");
        zoomOut.setId("map-zoom-out");
        zoomOut.setOnAction(e -> map.setZoom(Math.max(MIN_ZOOM, Math.round(map.getZoom()) - 1)));
        status.setId("map-status");
        status.getStyleClass().add("map-status");
        Button clearTrace = new Button("Clear trace");
        clearTrace.setId("map-clear-trace");
        clearTrace.setOnAction(e -> clearTrace());
        traceLabel.setId("map-trace-label");
        traceLabel.getStyleClass().add("map-trace-label");
        traceBar.getChildren().setAll(traceLabel, clearTrace);
        traceBar.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        traceBar.setVisible(false);
        traceBar.setManaged(false);
        Button download = new Button("Download area…");
        download.setId("map-download-area");
        download.setOnAction(e -> AreaDownloadDialog.open(root.getScene().getWindow(), map));
        HBox toolbar = new HBox(new Label("Basemap"), basemaps, add, download, new Separator(Orientation.VERTICAL),
                search.view(), new Separator(Orientation.VERTICAL), importMenu, export, new Separator(Orientation.VERTICAL),
                zoomOut, zoomIn, home);
        toolbar.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
        // the status has a row of its own: a long message gives way (ellipsis, full text on hover), no control does
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.control.Tooltip statusTip = new javafx.scene.control.Tooltip();
        statusTip.textProperty().bind(status.textProperty());
        status.setTooltip(statusTip);
        toolbar.getStyleClass().add("map-toolbar");
        HBox statusRow = new HBox(status, traceBar);
        HBox.setHgrow(status, Priority.ALWAYS);
        statusRow.getStyleClass().add("map-status-row");
        root.setTop(new VBox(toolbar, statusRow));

        mapHolder.setId("map-holder");
        mapHolder.setMinSize(0, 0);
        Pane overlay = new Pane(hover);
        overlay.setPickOnBounds(false);
        overlay.setMouseTransparent(true);
        hover.setId("map-hover");
        hover.getStyleClass().add("map-hover");
        hover.setVisible(false);
        hover.setManaged(false);
        Node legend = MapLegend.create();
        Node scale = scaleBar();
        attribution.setId("map-attribution");
        attribution.visibleProperty().bind(attribution.textProperty().isNotEmpty());
        attribution.getStyleClass().addAll("map-attribution", "map-overlay-box");
        StackPane.setAlignment(legend, Pos.TOP_RIGHT);
        StackPane.setAlignment(scale, Pos.BOTTOM_LEFT);
        StackPane.setAlignment(attribution, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(legend, new Insets(10));
        StackPane.setMargin(scale, new Insets(10));
        StackPane.setMargin(attribution, new Insets(10));
        mapHolder.getChildren().addAll(overlay, legend, scale, attribution);
        root.setCenter(mapHolder);

        VBox side = new VBox(panel.view(), new Separator(), details.view());
        side.getStyleClass().add("map-side");
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("map-side-scroll");
        root.setRight(scroll);
    }

    private Node scaleBar() {
        scaleLine.getStyleClass().add("map-scale-bar");
        scaleLine.setStrokeWidth(3);
        scaleLine.setStroke(Color.web("#212121"));
        scaleLabel.setId("map-scale-label");
        VBox box = MapLegend.overlayBox("map-scale", 2, scaleLabel, scaleLine);
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

    private void clicked(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
            layer.hit(e.getX(), e.getY()).ifPresent(this::select);
        }
    }

    /** A label beside the pointer naming what a click would pick; one label, moved, for every feature. */
    private void hovered(MouseEvent e) {
        Optional<Selection> s = layer.hit(e.getX(), e.getY());
        Optional<MapFeature> f = s.flatMap(layer::feature);
        if (f.isEmpty()) {
            hover.setVisible(false);
            map.setCursor(Cursor.DEFAULT);
            return;
        }
        String name = f.get().name().isBlank() ? "" : "  " + f.get().name();
        hover.setText(f.get().id() + name + " — " + s.get().kind().featureName());
        hover.resize(hover.prefWidth(-1), hover.prefHeight(-1));
        Point2D at = mapHolder.sceneToLocal(map.localToScene(e.getX(), e.getY()));
        double x = Math.min(at.getX() + 14, mapHolder.getWidth() - hover.getWidth() - 4);
        hover.relocate(Math.max(0, x), Math.max(0, at.getY() + 16));
        hover.setVisible(true);
        map.setCursor(Cursor.HAND);
    }

    /**
     * Gluon Maps keeps the tiles it loaded and offers no way to drop them, so a basemap switch builds a new map view
     * at the same place and zoom and moves the feature layer onto it.
     */
    private void newMapView(double lat, double lon, double zoom) {
        if (map != null) {
            map.removeLayer(layer);
            map.removeLayer(trace);
            mapHolder.getChildren().remove(map);
        }
        map = new MapView();
        map.setId("map-view");
        map.getStyleClass().add("map-view");
        map.setMinSize(0, 0);
        map.addLayer(layer);
        map.addLayer(trace);
        map.setZoom(zoom);
        map.setCenter(lat, lon);
        map.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        map.addEventHandler(MouseEvent.MOUSE_MOVED, this::hovered);
        map.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setVisible(false));
        mapHolder.getChildren().add(0, map);
        layer.refresh();
    }

    private void listBasemaps() {
        updatingChoice = true;
        try {
            basemaps.getItems().setAll(BasemapRegistry.all());
            basemaps.setValue(BasemapRegistry.current().orElse(null));
        } finally {
            updatingChoice = false;
        }
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
            List<String> problems = new ArrayList<>();
            // one screen at a time: a second window must find the first one's demo basemap, not draw the same file
            synchronized (BASEMAP_SETUP) {
                // drawn (or redrawn when outdated) before the folder is opened, so the file is never replaced open
                Path builtIn = BasemapRegistry.directory().resolve(DefaultBasemap.FILE_NAME);
                boolean redraw = !DefaultBasemap.isCurrent(builtIn, session.registry());
                // ensure checks again whether the file is current: called only when this check said no
                if (redraw) {
                    try {
                        Platform.runLater(() -> status.setText("Drawing the built-in basemap…"));
                        DefaultBasemap.ensure(builtIn, session.registry());
                        if (BasemapRegistry.all().stream().anyMatch(b -> b.file().equals(builtIn.toAbsolutePath().normalize()))) {
                            BasemapRegistry.refresh(builtIn);
                        }
                    } catch (IOException e) {
                        problems.add("cannot draw the built-in basemap: " + e.getMessage());
                    }
                }
                problems.addAll(BasemapRegistry.scan(BasemapRegistry.directory()));
                try {
                    problems.addAll(BasemapRegistry.useOnlineSources(AppSettings.load()));
                } catch (IllegalStateException e) {
                    problems.add(e.getMessage());
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
}
