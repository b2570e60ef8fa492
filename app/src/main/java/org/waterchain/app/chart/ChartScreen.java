package org.waterchain.app.chart;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.jfree.chart.fx.ChartViewer;
import org.waterchain.app.fx.FxBatch;
import org.waterchain.app.session.LiveRecord;
import org.waterchain.app.session.Session;
import org.waterchain.app.shell.Screen;
import org.waterchain.app.standards.Standards;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;

/**
 * Live and historical trends: stations and quantities chosen on the left and top, a live window of session
 * time (6 h, 24 h, 7 d) or a range of history read from the ledger in the background with progress and cancel,
 * the standard's limits as markers, zoom and pan, CSV and PNG export. The controller: it owns the
 * {@link ChartModel}, the {@link SeriesStore} and the {@link TrendChart} on the FX thread and feeds them from the
 * live feed (batched per frame by {@link FxBatch}) and from {@link HistoryLoader} tasks.
 */
public final class ChartScreen implements Screen {
    private static final String GESTURES = "drag: pan · wheel: zoom time · Ctrl+wheel: zoom values · Shift+drag: zoom a box";

    private final Session session;
    private final ZoneId zone = ZoneId.systemDefault();
    private final ChartModel model = new ChartModel();
    private final TrendChart trend = new TrendChart(TimeZone.getTimeZone(zone));
    private SeriesStore store = SeriesStore.empty();

    private final BorderPane root = new BorderPane();
    private final ListView<String> stationList = new ListView<>();
    private final Map<Quantity, CheckBox> quantityBoxes = new EnumMap<>(Quantity.class);
    private final Map<ChartModel.Range, ToggleButton> rangeButtons = new EnumMap<>(ChartModel.Range.class);
    private final ToggleGroup rangeGroup = new ToggleGroup();
    private final TextField fromField = new TextField();
    private final TextField toField = new TextField();
    private final HBox customBox;
    private final ProgressBar progress = new ProgressBar();
    private final Button cancelButton = new Button("Cancel");
    private final Button resetButton = new Button("Reset zoom");
    private final Label status = new Label();
    private final Label empty = new Label("Choose a station and at least one quantity.");
    private final ChartViewer viewer;

    private final Runnable unsubscribe;
    private final Timeline ticker;
    private final ExecutorService loader = daemonExecutor("chart-history");
    private final ExecutorService exporter = daemonExecutor("chart-export");
    private Task<SeriesStore> loading;
    private final List<LiveRecord> liveDuringLoad = new ArrayList<>();
    private Map<String, String> stationNames = Map.of();
    private boolean syncing;
    private Path lastDirectory;

    public ChartScreen(Session session) {
        this.session = session;
        root.getStyleClass().add("chart-screen");
        root.getStylesheets().add(ChartScreen.class.getResource("chart.css").toExternalForm());

        viewer = new ChartViewer(trend.chart());
        viewer.setId("chart-viewer");
        // the canvas' size is its preferred size: without a small one the viewer could grow but never shrink
        viewer.setMinSize(200, 150);
        viewer.setPrefSize(800, 500);
        ChartGestures.install(viewer);
        // JFreeChart-FX's own menu exports on the FX thread: offer this screen's exports instead
        MenuItem csvItem = new MenuItem("Export CSV...");
        csvItem.setOnAction(e -> chooseCsv());
        MenuItem pngItem = new MenuItem("Export PNG...");
        pngItem.setOnAction(e -> choosePng());
        MenuItem resetItem = new MenuItem();
        resetItem.textProperty().bind(resetButton.textProperty());
        resetItem.setOnAction(e -> resetView());
        viewer.getContextMenu().getItems().setAll(csvItem, pngItem, new SeparatorMenuItem(), resetItem);
        trend.onUserMove(this::userMoved);
        empty.setId("chart-empty");
        empty.getStyleClass().add("chart-empty");
        StackPane center = new StackPane(viewer, empty);
        center.getStyleClass().add("chart-center");

        customBox = new HBox(6, new Label("from"), fromField, new Label("to"), toField, button("Load", "chart-load", e -> loadCustom()));
        customBox.setAlignment(Pos.CENTER_LEFT);
        root.setLeft(stationPane());
        root.setTop(new VBox(quantityBar(), rangeBar()));
        root.setCenter(center);
        status.setId("chart-status");
        status.getStyleClass().add("chart-status");
        status.setMaxWidth(Double.MAX_VALUE);
        root.setBottom(status);

        FxBatch<LiveRecord> batch = new FxBatch<>(this::onLive);
        unsubscribe = session.feed().subscribe(batch::addAll);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();

        refreshStations();
        selectRangeButton();
        List<String> ids = stationList.getItems();
        if (!ids.isEmpty()) {
            showStation(ids.get(0));
        } else {
            applyPanels();
        }
    }

    // ---- the view ----

    private Node stationPane() {
        stationList.setId("chart-station");
        stationList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        stationList.setCellFactory(v -> new ListCell<>() {
            {
                // a cell as wide as its text would give the list a horizontal scroll bar: cut long names with "..."
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(String id, boolean emptyCell) {
                super.updateItem(id, emptyCell);
                String text = emptyCell || id == null ? null : id + "  " + stationNames.getOrDefault(id, "");
                setText(text);
                setTooltip(text == null ? null : new Tooltip(text));
            }
        });
        stationList.getSelectionModel().getSelectedItems().addListener((ListChangeListener<String>) c -> {
            if (!syncing) {
                stationsChosen();
            }
        });
        Label title = new Label("Stations");
        title.getStyleClass().add("chart-heading");
        Label hint = new Label("Ctrl+click to compare stations");
        hint.getStyleClass().add("chart-hint");
        hint.setWrapText(true);
        VBox box = new VBox(6, title, stationList, hint);
        VBox.setVgrow(stationList, Priority.ALWAYS);
        box.setPadding(new Insets(10, 8, 10, 10));
        box.setPrefWidth(230);
        box.getStyleClass().add("chart-side");
        return box;
    }

    private Node quantityBar() {
        FlowPane boxes = new FlowPane(10, 4);
        for (Quantity q : Quantity.values()) {
            CheckBox b = new CheckBox(q.symbol());
            b.setId("chart-q-" + q.symbol());
            b.setTooltip(new Tooltip(q.displayName() + (q.unit().isEmpty() ? "" : " (" + q.unit() + ")")));
            b.selectedProperty().addListener((o, was, is) -> {
                if (!syncing) {
                    model.setQuantity(q, is);
                    applyPanels();
                    redraw();
                }
            });
            quantityBoxes.put(q, b);
            boxes.getChildren().add(b);
        }
        Label title = new Label("Quantities");
        title.getStyleClass().add("chart-heading");
        HBox bar = new HBox(10, title, boxes);
        HBox.setHgrow(boxes, Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 4, 12));
        bar.getStyleClass().add("chart-toolbar");
        return bar;
    }

    private Node rangeBar() {
        Label title = new Label("Time");
        title.getStyleClass().add("chart-heading");
        HBox toggles = new HBox(0);
        toggles.getStyleClass().add("chart-segments");
        for (ChartModel.Range r : ChartModel.Range.values()) {
            ToggleButton b = new ToggleButton(r.live() ? "last " + r.label() : r.label());
            b.setId("chart-range-" + r.id());
            b.setToggleGroup(rangeGroup);
            b.setOnAction(e -> rangeChosen(r));
            rangeButtons.put(r, b);
            toggles.getChildren().add(b);
        }
        fromField.setId("chart-from");
        toField.setId("chart-to");
        fromField.setPromptText("yyyy-MM-dd HH:mm");
        toField.setPromptText("yyyy-MM-dd HH:mm");
        fromField.setPrefColumnCount(10);
        toField.setPrefColumnCount(10);
        fromField.setOnAction(e -> loadCustom());
        toField.setOnAction(e -> loadCustom());
        progress.setId("chart-progress");
        progress.setPrefWidth(140);
        cancelButton.setId("chart-cancel");
        cancelButton.setOnAction(e -> cancelLoading());
        showLoading(false);
        resetButton.setId("chart-reset-zoom");
        resetButton.setOnAction(e -> resetView());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, title, toggles, customBox, grow, progress, cancelButton, resetButton,
                button("Export CSV", "chart-export-csv", e -> chooseCsv()), button("Export PNG", "chart-export-png", e -> choosePng()));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 8, 12));
        bar.getStyleClass().add("chart-toolbar");
        return bar;
    }

    private static Button button(String text, String id, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(action);
        return b;
    }

    // ---- choices ----

    /**
     * Shows one station's chart: the quantities shown so far if it has them, else those of its data that have a
     * standard. The overview calls it on a double-click (after switching the window to this screen).
     */
    public void showStation(String stationId) {
        model.showStation(stationId, store.quantitiesOf(stationId), standards());
        syncControls();
        reload();
    }

    /** Shows several stations and quantities at once, e.g. EC along a channel (R04 to R12). */
    public void show(List<String> stationIds, Set<Quantity> quantities) {
        model.setStations(inRegistryOrder(stationIds));
        model.setQuantities(quantities);
        syncControls();
        reload();
    }

    /** Chooses a live window or, with {@link ChartModel.Range#CUSTOM}, the from-to fields' range. */
    public void showRange(ChartModel.Range range) {
        rangeChosen(range);
    }

    /** Reads the range {@code [fromMs, toMs)} of session time from the ledger and shows it. */
    public void showHistory(long fromMs, long toMs) {
        model.setCustom(fromMs, toMs);
        syncControls();
        reload();
    }

    private void stationsChosen() {
        model.setStations(inRegistryOrder(stationList.getSelectionModel().getSelectedItems()));
        reload();
    }

    private List<String> inRegistryOrder(List<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        List<String> out = new ArrayList<>();
        for (String id : stationList.getItems()) {
            if (wanted.remove(id)) {
                out.add(id);
            }
        }
        out.addAll(ids.stream().filter(wanted::contains).toList());
        return out;
    }

    private void rangeChosen(ChartModel.Range r) {
        if (r == ChartModel.Range.CUSTOM) {
            ChartModel.Window w = model.window(session.now());
            if (fromField.getText().isBlank()) {
                fromField.setText(ChartModel.formatTime(w.fromMs(), zone));
                toField.setText(ChartModel.formatTime(w.toMs(), zone));
            }
            customBox.setVisible(true);
            customBox.setManaged(true);
            selectRangeButton(r);
            loadCustom();
            return;
        }
        model.setRange(r);
        syncControls();
        reload();
    }

    private void loadCustom() {
        try {
            long from = ChartModel.parseTime(fromField.getText(), zone);
            long to = ChartModel.parseTime(toField.getText(), zone);
            model.setCustom(from, to);
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        syncControls();
        reload();
    }

    private void resetView() {
        model.resetView();
        trend.resetValueAxes();
        ChartModel.Window w = model.window(session.now());
        trend.setWindow(w.fromMs(), w.toMs());
        updateResetButton();
        redraw();
    }

    private void userMoved() {
        if (model.following()) {
            model.stopFollowing();
            updateResetButton();
        }
    }

    // ---- data ----

    private void reload() {
        cancelLoading();
        applyPanels();
        ChartModel.Window w = model.window(session.now());
        trend.setWindow(w.fromMs(), w.toMs());
        redraw();
        if (model.stations().isEmpty()) {
            store = SeriesStore.empty();
            applyPanels();
            redraw();
            return;
        }
        HistoryLoader.Request req = model.request(session.now(), SeriesStore.DEFAULT_CAPACITY);
        long storeTo = model.storeToMs();
        HistoryLoader.SliceReader reader = HistoryLoader.fromLedger(session.node().queries());
        Task<SeriesStore> task = new Task<>() {
            @Override
            protected SeriesStore call() {
                return HistoryLoader.load(req, storeTo, reader, (done, total, points) -> {
                    updateProgress(done, total);
                    updateMessage(String.format(Locale.ROOT, "Reading %s from the ledger: %d of %d slices, %,d points",
                            String.join(", ", req.stations()), done, total, points));
                }, this::isCancelled);
            }
        };
        liveDuringLoad.clear();
        loading = task;
        progress.progressProperty().bind(task.progressProperty());
        // not bound: an error in the from-to fields must be able to say so while a load runs
        task.messageProperty().addListener((o, was, message) -> {
            if (loading == task) {
                status.setText(message);
            }
        });
        showLoading(true);
        task.setOnSucceeded(e -> {
            if (loading != task) {
                return;
            }
            endLoading();
            SeriesStore loaded = task.getValue();
            loaded.accept(liveDuringLoad);
            liveDuringLoad.clear();
            store = loaded;
            if (model.pickQuantities(store, standards())) {
                syncControls();
            }
            applyPanels();
            redraw();
        });
        task.setOnFailed(e -> {
            if (loading != task) {
                return;
            }
            endLoading();
            Throwable t = task.getException();
            status.setText("Could not read the history from the ledger: " + (t.getMessage() == null ? t : t.getMessage()));
        });
        loader.execute(task);
    }

    private void cancelLoading() {
        if (loading != null) {
            // no interrupt: the loader stops between slices, and a query is not left half-read on a pooled connection
            loading.cancel(false);
            endLoading();
            status.setText("Loading cancelled: showing what was read before.");
        }
    }

    private void endLoading() {
        loading = null;
        progress.progressProperty().unbind();
        showLoading(false);
        updateStatus();
    }

    private void showLoading(boolean on) {
        progress.setVisible(on);
        progress.setManaged(on);
        cancelButton.setVisible(on);
        cancelButton.setManaged(on);
    }

    private void onLive(List<LiveRecord> records) {
        if (loading != null) {
            Set<String> wanted = Set.copyOf(model.stations());
            for (LiveRecord r : records) {
                if (wanted.contains(r.stationId())) {
                    liveDuringLoad.add(r);
                }
            }
        }
        if (store.accept(records)) {
            if (model.pickQuantities(store, standards())) {
                syncControls();
                applyPanels();
            }
            updateQuantityHints();
            trend.markChanged();
        }
        follow();
        redraw();
    }

    private void tick() {
        if (model.range().live()) {
            // the trail behind a live window: one more window's worth is kept for a look back by panning
            store.dropBefore(session.now() - 2 * model.range().spanMs());
        }
        follow();
        redraw();
    }

    private void follow() {
        if (model.range().live() && model.following()) {
            ChartModel.Window w = model.window(session.now());
            trend.setWindow(w.fromMs(), w.toMs());
        }
    }

    private void applyPanels() {
        List<ChartModel.Panel> panels = model.panels(standards());
        trend.show(panels, store, stationNames);
        trend.markChanged();
        empty.setVisible(panels.isEmpty());
        updateQuantityHints();
        updateStatus();
    }

    /** Dims the quantities the chosen stations have no data for (they stay choosable: data may come). */
    private void updateQuantityHints() {
        for (Map.Entry<Quantity, CheckBox> e : quantityBoxes.entrySet()) {
            boolean has = model.stations().stream().anyMatch(s -> store.has(new SeriesKey(s, e.getKey())));
            List<String> classes = e.getValue().getStyleClass();
            if (has) {
                classes.remove("chart-q-nodata");
            } else if (!classes.contains("chart-q-nodata")) {
                classes.add("chart-q-nodata");
            }
        }
    }

    /** Redraws now if the screen is on show; otherwise the change waits for {@link #shown()}. */
    private void redraw() {
        if (root.getScene() != null) {
            trend.flush();
        }
        updateStatus();
    }

    private Standards standards() {
        return session.registry().standards();
    }

    // ---- keeping controls in step with the model ----

    private void refreshStations() {
        Map<String, String> names = new LinkedHashMap<>();
        for (RegisterStation s : session.registry().stationList()) {
            names.put(s.id(), s.name());
        }
        stationNames = Map.copyOf(names);
        if (!stationList.getItems().equals(List.copyOf(names.keySet()))) {
            syncing = true;
            try {
                stationList.getItems().setAll(names.keySet());
            } finally {
                syncing = false;
            }
            syncControls();
        }
    }

    private void syncControls() {
        syncing = true;
        try {
            stationList.getSelectionModel().clearSelection();
            for (String id : model.stations()) {
                int i = stationList.getItems().indexOf(id);
                if (i >= 0) {
                    stationList.getSelectionModel().select(i);
                }
            }
            Set<Quantity> qs = model.quantities();
            quantityBoxes.forEach((q, b) -> b.setSelected(qs.contains(q)));
            selectRangeButton();
            boolean custom = model.range() == ChartModel.Range.CUSTOM;
            customBox.setVisible(custom);
            customBox.setManaged(custom);
            if (custom) {
                fromField.setText(ChartModel.formatTime(model.customFromMs(), zone));
                toField.setText(ChartModel.formatTime(model.customToMs(), zone));
            }
        } finally {
            syncing = false;
        }
        updateResetButton();
    }

    private void selectRangeButton() {
        selectRangeButton(model.range());
    }

    private void selectRangeButton(ChartModel.Range r) {
        rangeButtons.get(r).setSelected(true);
    }

    private void updateResetButton() {
        resetButton.setText(model.range().live() && !model.following() ? "Follow live" : "Reset zoom");
    }

    private void updateStatus() {
        if (loading != null) {
            return;
        }
        String range = model.range().live() ? "live, last " + model.range().label()
                : ChartModel.formatTime(model.customFromMs(), zone) + " to " + ChartModel.formatTime(model.customToMs(), zone);
        String points = String.format(Locale.ROOT, "%,d points", trend.points());
        String truncated = store.truncated() ? " (more than a series keeps: the oldest were left out)" : "";
        status.setText(model.describe() + "  ·  " + range + "  ·  " + points + truncated + "  ·  " + GESTURES);
    }

    // ---- export ----

    /**
     * Writes the points inside the time axis' current range, every shown series at full resolution, as CSV.
     * Callable from any thread; the copy is taken on the FX thread, the file written on the export thread.
     *
     * @return the number of rows written
     */
    public CompletableFuture<Long> exportCsv(Path file) {
        return onFx(trend::visibleData).thenApplyAsync(data -> {
            try {
                return CsvExport.write(data, file);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
            }
        }, exporter);
    }

    /** Writes the chart as it is on screen (its size, at least 800x500) as PNG. Callable from any thread. */
    public CompletableFuture<Path> exportPng(Path file) {
        return onFx(() -> {
            int w = Math.max(800, (int) viewer.getWidth());
            int h = Math.max(500, (int) viewer.getHeight());
            return trend.render(w, h, exportTitle());
        }).thenApplyAsync(img -> writePng(img, file), exporter);
    }

    /** Writes the chart at the given size as PNG. Callable from any thread. */
    public CompletableFuture<Path> exportPng(Path file, int width, int height) {
        return onFx(() -> trend.render(width, height, exportTitle())).thenApplyAsync(img -> writePng(img, file), exporter);
    }

    /** What the image shows and when: the exported file travels without the screen around it. */
    private String exportTitle() {
        org.jfree.data.Range r = trend.window();
        String zoneName = zone.getRules().getOffset(java.time.Instant.ofEpochMilli((long) r.getLowerBound())).getId();
        return model.describe() + "  ·  " + ChartModel.formatTime((long) r.getLowerBound(), zone) + " to "
                + ChartModel.formatTime((long) r.getUpperBound(), zone) + " (UTC" + ("Z".equals(zoneName) ? "" : zoneName) + ")";
    }

    private static Path writePng(BufferedImage img, Path file) {
        try {
            ExportFile.write(file, tmp -> {
                if (!ImageIO.write(img, "png", tmp.toFile())) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
            });
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private static <T> CompletableFuture<T> onFx(Supplier<T> work) {
        if (Platform.isFxApplicationThread()) {
            try {
                return CompletableFuture.completedFuture(work.get());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private void chooseCsv() {
        File f = chooseFile("Export the shown data as CSV", "CSV", "*.csv", ".csv");
        if (f != null) {
            exportCsv(f.toPath()).whenComplete((rows, err) -> Platform.runLater(() ->
                    status.setText(err == null ? String.format(Locale.ROOT, "Exported %,d rows to %s", rows, f) : failure(err))));
        }
    }

    private void choosePng() {
        File f = chooseFile("Export the chart as PNG", "PNG image", "*.png", ".png");
        if (f != null) {
            exportPng(f.toPath()).whenComplete((p, err) -> Platform.runLater(() ->
                    status.setText(err == null ? "Exported the chart to " + f : failure(err))));
        }
    }

    private File chooseFile(String title, String kind, String glob, String suffix) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, glob));
        fc.setInitialFileName(model.fileStem(session.now(), zone) + suffix);
        Path dir = lastDirectory != null ? lastDirectory : Path.of(System.getProperty("user.home"));
        if (Files.isDirectory(dir)) {
            fc.setInitialDirectory(dir.toFile());
        }
        File f = fc.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            lastDirectory = f.toPath().toAbsolutePath().getParent();
        }
        return f;
    }

    private static String failure(Throwable err) {
        Throwable t = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        return "Export failed: " + (t.getMessage() == null ? t.toString() : t.getMessage());
    }

    // ---- Screen ----

    @Override
    public String id() {
        return "charts";
    }

    @Override
    public String title() {
        return "Charts";
    }

    @Override
    public Node view() {
        return root;
    }

    /** The chart model (tests read what is chosen). */
    public ChartModel model() {
        return model;
    }

    TrendChart trend() {
        return trend;
    }

    boolean loading() {
        return loading != null;
    }

    @Override
    public void shown() {
        refreshStations();
        applyPanels();
        follow();
        redraw();
    }

    @Override
    public void close() {
        ticker.stop();
        unsubscribe.run();
        if (loading != null) {
            loading.cancel(false);
        }
        loader.shutdownNow();
        exporter.shutdown();
    }

    private static ExecutorService daemonExecutor(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
