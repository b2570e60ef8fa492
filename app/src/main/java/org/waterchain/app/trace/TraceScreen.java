package org.waterchain.app.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.fx.ChartViewer;
import org.waterchain.app.session.Session;
import org.waterchain.app.shell.Screen;
import org.waterchain.app.trace.TraceModel.CandidateRow;
import org.waterchain.app.trace.TraceModel.EventRow;
import org.waterchain.ledger.record.Quantity;

/**
 * Pollution tracing: the traced events on the left; for the chosen one its procedure tree as the coins moved
 * (downstream right, upstream left), the candidate factories ranked by the reverse simulation, and the simulated
 * concentration along the channel. "Show on map" draws the pathway and the irrigation units; "Export report"
 * writes a self-contained HTML report for enforcement.
 */
public final class TraceScreen implements Screen {
    /** How far back the event list reaches. */
    static final long LIST_WINDOW_MS = 30L * 24 * 3_600_000;

    private final Session session;
    private final TraceService service;
    private final Consumer<TraceFinding> showOnMap;
    private final TraceModel model = new TraceModel();
    private final BorderPane root = new BorderPane();
    private final ListView<EventRow> events = new ListView<>();
    private final Label headline = new Label();
    private final Label assumptions = new Label();
    private final Label status = new Label();
    private final ProcedureTreeView tree = new ProcedureTreeView();
    private final TableView<CandidateRow> candidates = new TableView<>();
    private final ProfileChart profile = new ProfileChart();
    private final Button mapButton = new Button("Show on map");
    private final Button exportButton = new Button("Export report...");
    private final Runnable unsubscribe;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "trace-screen");
        t.setDaemon(true);
        return t;
    });

    public TraceScreen(Session session, TraceService service, Consumer<TraceFinding> showOnMap) {
        this.session = session;
        this.service = service;
        this.showOnMap = showOnMap;
        build();
        unsubscribe = service.subscribe(f -> Platform.runLater(this::refresh));
        refresh();
    }

    @Override
    public String id() {
        return "trace";
    }

    @Override
    public String title() {
        return "Tracing";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        refresh();
    }

    @Override
    public void close() {
        unsubscribe.run();
        io.shutdownNow();
    }

    /** Selects the event of (quantity, time point) once the list holds it; tests and the alarm list use it. */
    public void select(String quantity, long timePointMs) {
        events.getItems().stream().filter(r -> r.quantity().equals(quantity) && r.timePointMs() == timePointMs)
                .findFirst().ifPresent(r -> events.getSelectionModel().select(r));
    }

    public TraceModel model() {
        return model;
    }

    private void build() {
        root.getStyleClass().add("trace-screen");
        root.getStylesheets().add(TraceScreen.class.getResource("trace.css").toExternalForm());
        events.setId("trace-events");
        events.setPlaceholder(new Label(service.isIssuer()
                ? "No pollution traced yet.\nA station exceeding its standard\nis traced when its hour closes."
                : "No pollution traced yet.\nThis node reads the traces the\nlicensed issuer puts on the ledger."));
        events.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> load(row));
        Button refresh = new Button("Refresh");
        refresh.setId("trace-refresh");
        refresh.setOnAction(e -> refresh());
        Label listTitle = new Label("Traced events");
        listTitle.getStyleClass().add("trace-title");
        VBox left = new VBox(8, listTitle, events, refresh);
        VBox.setVgrow(events, Priority.ALWAYS);
        left.setPadding(new Insets(10));
        left.setPrefWidth(340);

        headline.setId("trace-headline");
        headline.getStyleClass().add("trace-headline");
        headline.setWrapText(true);
        assumptions.setId("trace-assumptions");
        assumptions.getStyleClass().add("trace-note");
        assumptions.setWrapText(true);
        mapButton.setId("trace-show-map");
        mapButton.setOnAction(e -> {
            if (model.finding() != null) {
                showOnMap.accept(model.finding());
            }
        });
        exportButton.setId("trace-export");
        exportButton.setOnAction(e -> export());
        HBox actions = new HBox(8, mapButton, exportButton, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        status.setId("trace-status");

        tree.setId("trace-tree");
        ScrollPane treeScroll = new ScrollPane(tree);
        treeScroll.setId("trace-tree-scroll");
        treeScroll.setPrefViewportHeight(220);

        candidates.setId("trace-candidates");
        candidates.setPlaceholder(new Label("No candidate factory"));
        candidates.getColumns().setAll(List.of(
                column("#", r -> Integer.toString(r.rank()), 36), column("Source", CandidateRow::source, 70),
                column("Factory", CandidateRow::factoryId, 90), column("Name", CandidateRow::name, 190),
                column("Industry", CandidateRow::industry, 150), column("Along channel", CandidateRow::distance, 110),
                column("Permit", CandidateRow::permitted, 100), column("Fitted load", CandidateRow::load, 100),
                column("Explains", CandidateRow::explained, 80), column("Plausible", CandidateRow::plausible, 140)));
        candidates.setPrefHeight(150);

        ChartViewer chart = new ChartViewer(profile.chart());
        chart.setId("trace-profile");
        chart.setMinSize(200, 150);
        chart.setPrefSize(700, 280);

        VBox top = new VBox(6, headline, assumptions, actions);
        top.setPadding(new Insets(10, 10, 4, 10));
        SplitPane center = new SplitPane(treeScroll, candidates, chart);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.36, 0.62);
        BorderPane main = new BorderPane(center, top, null, null, null);
        root.setLeft(left);
        root.setCenter(main);
        show();
    }

    private static TableColumn<CandidateRow, String> column(String title, Function<CandidateRow, String> value,
                                                            double width) {
        TableColumn<CandidateRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private void refresh() {
        long now = session.now();
        io.submit(() -> {
            try {
                var traced = service.events(now - LIST_WINDOW_MS, Long.MAX_VALUE);
                Platform.runLater(() -> {
                    EventRow chosen = events.getSelectionModel().getSelectedItem();
                    model.setEvents(traced);
                    events.getItems().setAll(model.events());
                    if (chosen != null) {
                        select(chosen.quantity(), chosen.timePointMs());
                    } else if (!model.events().isEmpty()) {
                        events.getSelectionModel().selectFirst();
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> status.setText("Cannot read the traces: " + e.getMessage()));
            }
        });
    }

    private void load(EventRow row) {
        if (row == null) {
            return;
        }
        if (model.finding() != null && model.finding().quantity().equals(row.quantity())
                && model.finding().timePointMs() == row.timePointMs()) {
            return;
        }
        status.setText("Analysing " + row.quantity() + "...");
        service.finding(Quantity.bySymbol(row.quantity()).orElseThrow(), row.timePointMs())
                .whenComplete((f, e) -> Platform.runLater(() -> {
                    if (e != null) {
                        status.setText("Analysis failed: " + e.getMessage());
                        return;
                    }
                    EventRow now = events.getSelectionModel().getSelectedItem();
                    if (now != null && now.quantity().equals(f.quantity()) && now.timePointMs() == f.timePointMs()) {
                        model.setFinding(f);
                        status.setText("");
                        show();
                    }
                }));
    }

    private void show() {
        headline.setText(model.headline());
        assumptions.setText(model.assumptions());
        TraceModel.Tree t = model.tree();
        tree.show(t.stations(), t.edges(), t.minted(), t.sources(), t.captions());
        candidates.getItems().setAll(model.candidates());
        TraceFinding f = model.finding();
        profile.show(f, f == null || f.sources().isEmpty() ? null : f.sources().get(0));
        mapButton.setDisable(f == null || !f.result().traced());
        exportButton.setDisable(f == null || !f.result().traced());
    }

    private void export() {
        TraceFinding f = model.finding();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the tracing report");
        chooser.setInitialFileName("trace-" + f.quantity() + "-" + TraceReport.FILE_TIME.format(
                java.time.Instant.ofEpochMilli(f.timePointMs())) + ".html");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML report", "*.html"));
        java.io.File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            exportTo(file.toPath());
        }
    }

    /** Writes the report of the shown finding off the FX thread; the status line says where it went. */
    public void exportTo(Path file) {
        TraceFinding f = model.finding();
        io.submit(() -> {
            try {
                Files.writeString(file, TraceReport.html(f, session.registry()), StandardCharsets.UTF_8);
                Platform.runLater(() -> status.setText("Report written to " + file));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> status.setText("Report not written to " + file + ": " + e.getMessage()));
            }
        });
    }
}
