package org.waterchain.app.map.view;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.waterchain.app.fx.FxBatch;
import org.waterchain.app.map.tiles.AreaDownload;
import org.waterchain.app.map.tiles.MbTilesException;
import org.waterchain.app.map.tiles.RateLimiter;
import org.waterchain.app.map.tiles.TileMath;
import org.waterchain.app.map.tiles.XyzSource;

/**
 * "Download area...": fetches the map's current view (or typed bounds) over a zoom range from an online source that
 * permits bulk download into an MBTiles file under {@link BasemapRegistry#directory()}, so the area can be shown
 * with no network. Shows the cost before it starts (and refuses an absurd one), progress with failures while it
 * runs, cancels at once, resumes into the same file, credits the source (the attribution is stored in the file),
 * and lists the file as a basemap when it ends.
 *
 * <p>The download runs on its own thread; progress reaches the FX thread in batches.
 */
public final class AreaDownloadDialog {
    private final Stage stage = new Stage();
    private final AreaDownloadModel model = new AreaDownloadModel();
    private final Path dir;
    private final double tilesPerSecond;
    private final MapView map;
    private final ComboBox<XyzSource> source = new ComboBox<>();
    private final Label attribution = new Label();
    private final TextField west = coordinate("area-download-west");
    private final TextField south = coordinate("area-download-south");
    private final TextField east = coordinate("area-download-east");
    private final TextField north = coordinate("area-download-north");
    private final Button useView = new Button("Use map view");
    private final Spinner<Integer> minZoom = new Spinner<>();
    private final Spinner<Integer> maxZoom = new Spinner<>();
    private final Label estimate = new Label();
    private final TextField file = new TextField();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label count = new Label();
    private final Label status = new Label();
    private final Button start = new Button();
    private final Button cancel = new Button("Cancel");
    private final Button show = new Button("Show on map");
    private final Button close = new Button("Close");
    private final Map<XyzSource, OptionalLong> tileBytes = new HashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "area-download");
        t.setDaemon(true);
        return t;
    });
    private AreaDownloadPlan plan;
    private AreaDownload running;
    private Basemap downloaded;

    private AreaDownloadDialog(Window owner, MapView map, List<XyzSource> sources, Path dir, double tilesPerSecond) {
        this.map = map;
        this.dir = dir;
        this.tilesPerSecond = tilesPerSecond;
        buildView(owner, sources);
        useMapView();
        sources.stream().filter(XyzSource::permitsBulkDownload).findFirst()
                .or(() -> sources.stream().findFirst()).ifPresent(source::setValue);
        sourceChanged();
        measureTiles(sources);
    }

    /**
     * Opens the dialog over the map's current view, offering the online sources configured in the settings.
     *
     * @param map the map whose view is the default area; may be null (then the user types the bounds)
     */
    public static AreaDownloadDialog open(Window owner, MapView map) {
        return open(owner, map, BasemapRegistry.onlineSources(), BasemapRegistry.directory(),
                AreaDownload.DEFAULT_REQUESTS_PER_SECOND);
    }

    /** As {@link #open(Window, MapView)} with the sources, folder and request rate given (tests use a fast rate). */
    static AreaDownloadDialog open(Window owner, MapView map, List<XyzSource> sources, Path dir, double tilesPerSecond) {
        AreaDownloadDialog d = new AreaDownloadDialog(owner, map, sources, dir, tilesPerSecond);
        d.stage.show();
        return d;
    }

    public Stage stage() {
        return stage;
    }

    /** The basemap the finished download was listed as, once it is. */
    public Optional<Basemap> downloaded() {
        return Optional.ofNullable(downloaded);
    }

    private void buildView(Window owner, List<XyzSource> sources) {
        source.setId("area-download-source");
        source.getItems().setAll(sources);
        source.setCellFactory(v -> sourceCell());
        source.setButtonCell(sourceCell());
        source.setPromptText("no online source configured");
        source.valueProperty().addListener((o, was, now) -> sourceChanged());
        attribution.setId("area-download-attribution");
        attribution.getStyleClass().add("area-download-attribution");
        attribution.setWrapText(true);
        useView.setId("area-download-use-view");
        useView.setOnAction(e -> useMapView());
        useView.setDisable(map == null);
        minZoom.setId("area-download-min-zoom");
        maxZoom.setId("area-download-max-zoom");
        for (Spinner<Integer> s : List.of(minZoom, maxZoom)) {
            s.setValueFactory(new IntegerSpinnerValueFactory(0, TileMath.MAX_ZOOM, 0));
            s.setEditable(true);
            s.setPrefWidth(80);
            s.valueProperty().addListener((o, was, now) -> replan());
        }
        for (TextField f : List.of(west, south, east, north)) {
            f.textProperty().addListener((o, was, now) -> replan());
        }
        estimate.setId("area-download-estimate");
        estimate.getStyleClass().add("area-download-estimate");
        estimate.setWrapText(true);
        file.setId("area-download-file");
        file.setPrefColumnCount(26);
        file.setMaxWidth(Region.USE_PREF_SIZE);
        file.textProperty().addListener((o, was, now) -> replan());
        bar.setId("area-download-progress");
        bar.getStyleClass().add("area-download-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        count.setId("area-download-count");
        status.setId("area-download-status");
        status.setWrapText(true);
        start.setId("area-download-start");
        start.setDefaultButton(true);
        start.setOnAction(e -> start());
        cancel.setId("area-download-cancel");
        cancel.setOnAction(e -> cancel());
        show.setId("area-download-show");
        show.setOnAction(e -> BasemapRegistry.select(downloaded));
        close.setId("area-download-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());

        GridPane grid = new GridPane();
        grid.setId("area-download");
        grid.getStyleClass().add("area-download");
        int r = 0;
        grid.addRow(r++, new Label("Source"), source);
        grid.add(attribution, 1, r++);
        HBox bounds = new HBox(6, new Label("W"), west, new Label("S"), south, new Label("E"), east, new Label("N"),
                north, useView);
        bounds.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(r++, new Label("Area (degrees)"), bounds);
        HBox zooms = new HBox(6, minZoom, new Label("to"), maxZoom);
        zooms.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(r++, new Label("Zoom levels"), zooms);
        grid.addRow(r++, new Label("Estimate"), estimate);
        grid.addRow(r++, new Label("File"), file);
        Label folder = new Label("saved in " + dir);
        folder.getStyleClass().add("area-download-attribution");
        grid.add(folder, 1, r++);
        grid.add(bar, 0, r++, 2, 1);
        grid.add(count, 0, r++, 2, 1);
        grid.add(status, 0, r++, 2, 1);
        HBox buttons = new HBox(start, cancel, show, close);
        buttons.getStyleClass().add("area-download-buttons");
        grid.add(buttons, 0, r, 2, 1);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);

        Scene scene = new Scene(grid, 800, 440);
        scene.getStylesheets().add(AreaDownloadDialog.class.getResource("/org/waterchain/app/waterchain.css").toExternalForm());
        scene.getStylesheets().add(AreaDownloadDialog.class.getResource("area-download.css").toExternalForm());
        stage.setTitle("Download area for offline use");
        stage.setScene(scene);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.NONE);
        // Closing the window stops the download; what it fetched stays in the file.
        stage.setOnHidden(e -> {
            if (running != null) {
                running.cancel();
            }
            worker.shutdown();
        });
    }

    private static TextField coordinate(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(7);
        return f;
    }

    private static ListCell<XyzSource> sourceCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(XyzSource s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.permitsBulkDownload() ? s.name() : s.name() + " (viewing only)");
            }
        };
    }

    /** The map's visible area, clipped to the Mercator world, and a zoom range from a little above the view's zoom. */
    private void useMapView() {
        if (map == null || map.getWidth() <= 0 || map.getHeight() <= 0) {
            return;
        }
        MapPoint nw = map.getMapPosition(0, 0);
        MapPoint se = map.getMapPosition(map.getWidth(), map.getHeight());
        west.setText(degrees(Math.max(-180, nw.getLongitude())));
        north.setText(degrees(Math.min(TileMath.MAX_LATITUDE, nw.getLatitude())));
        east.setText(degrees(Math.min(180, se.getLongitude())));
        south.setText(degrees(Math.max(-TileMath.MAX_LATITUDE, se.getLatitude())));
        int z = (int) Math.round(map.getZoom());
        minZoom.getValueFactory().setValue(Math.max(0, z - 4));
        maxZoom.getValueFactory().setValue(z + 2);
    }

    private static String degrees(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }

    private void sourceChanged() {
        XyzSource s = source.getValue();
        attribution.setText(s == null ? "Add an online source whose terms allow bulk download in Settings"
                + " (Online map sources)." : "Tiles " + s.attribution() + ". The credit is stored in the file and shown"
                + " whenever the map uses it.");
        if (s != null) {
            ((IntegerSpinnerValueFactory) maxZoom.getValueFactory()).setMax(s.maxZoom());
            ((IntegerSpinnerValueFactory) minZoom.getValueFactory()).setMax(s.maxZoom());
            if (model.canEditPlan()) {
                file.setText(AreaDownloadPlan.defaultFileName(s));
            }
        }
        replan();
    }

    /** The mean tile size of each source's live-map cache, read off the FX thread, for a better estimate. */
    private void measureTiles(List<XyzSource> sources) {
        List<Basemap> online = BasemapRegistry.all().stream().filter(Basemap::isOnline).toList();
        worker.execute(() -> {
            Map<XyzSource, OptionalLong> sizes = new HashMap<>();
            for (Basemap b : online) {
                if (sources.contains(b.online().source())) {
                    try {
                        sizes.put(b.online().source(), b.online().cache().averageTileBytes());
                    } catch (MbTilesException | IllegalStateException e) {
                        // no measurement: the estimate assumes a typical tile size and says so
                    }
                }
            }
            Platform.runLater(() -> {
                tileBytes.putAll(sizes);
                replan();
            });
        });
    }

    private void replan() {
        XyzSource s = source.getValue();
        try {
            plan = AreaDownloadPlan.of(s, west.getText(), south.getText(), east.getText(), north.getText(),
                    minZoom.getValue(), maxZoom.getValue(), file.getText(), dir,
                    s == null ? OptionalLong.empty() : tileBytes.getOrDefault(s, OptionalLong.empty()), tilesPerSecond);
            String text = plan.summary(tilesPerSecond);
            if (Files.exists(plan.target())) {
                text += ". The file exists: tiles already in it are skipped.";
            }
            estimate.setText(text);
            estimate.getStyleClass().remove("refused");
        } catch (IllegalArgumentException e) {
            plan = null;
            estimate.setText(e.getMessage());
            if (!estimate.getStyleClass().contains("refused")) {
                estimate.getStyleClass().add("refused");
            }
        }
        refresh();
    }

    private void start() {
        AreaDownloadPlan p = plan;
        if (p == null || !model.canStart()) {
            return;
        }
        AreaDownload download;
        try {
            download = new AreaDownload(p.source(), p.area(), p.minZoom(), p.maxZoom(), p.target(),
                    new RateLimiter(tilesPerSecond), AreaDownload.DEFAULT_TIMEOUT);
        } catch (IllegalArgumentException e) {
            model.failed(e.getMessage());
            refresh();
            return;
        }
        running = download;
        downloaded = null;
        model.started(p.tiles());
        refresh();
        FxBatch<AreaDownload.Progress> progress = new FxBatch<>(batch -> {
            model.progressed(batch.get(batch.size() - 1));
            refresh();
        });
        worker.execute(() -> {
            try {
                Files.createDirectories(p.target().getParent());
                AreaDownload.Result result = download.run(progress::add);
                Basemap listed = null;
                String listing = "";
                if (result.stored() + result.skipped() > 0) {
                    try {
                        listed = BasemapRegistry.refresh(result.target());
                    } catch (MbTilesException e) {
                        listing = e.getMessage();
                    }
                }
                Basemap b = listed;
                String problem = listing;
                Platform.runLater(() -> ended(result, b, problem));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> {
                    running = null;
                    model.failed(e.getMessage());
                    refresh();
                });
            }
        });
    }

    private void ended(AreaDownload.Result result, Basemap listed, String problem) {
        running = null;
        downloaded = listed;
        model.finished(result);
        if (listed != null) {
            model.registered(listed.name());
        } else if (!problem.isEmpty()) {
            model.notListed(problem);
        }
        replan();
    }

    private void cancel() {
        if (running != null && model.canCancel()) {
            model.cancelRequested();
            running.cancel();
            refresh();
        }
    }

    private void refresh() {
        boolean editable = model.canEditPlan();
        for (javafx.scene.Node n : List.of(source, west, south, east, north, minZoom, maxZoom, file)) {
            n.setDisable(!editable);
        }
        useView.setDisable(!editable || map == null);
        start.setText(model.startLabel());
        start.setDisable(!model.canStart() || plan == null);
        cancel.setDisable(!model.canCancel());
        show.setVisible(downloaded != null);
        show.setManaged(downloaded != null);
        bar.setProgress(model.fraction());
        count.setText(model.progressText());
        status.setText(model.statusText());
    }
}
