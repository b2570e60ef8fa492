package org.waterchain.app.overview;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.waterchain.app.fx.FxBatch;
import org.waterchain.app.session.LiveRecord;
import org.waterchain.app.session.Session;
import org.waterchain.app.shell.Screen;
import org.waterchain.app.standards.ComplianceClass;

/** Every station as a tile: latest values classed against the standards, freshness, device health. */
public final class OverviewScreen implements Screen {
    private final Session session;
    private final OverviewModel model;
    private final FlowPane tiles = new FlowPane(12, 12);
    private final ScrollPane scroll = new ScrollPane(tiles);
    private final javafx.scene.layout.BorderPane root = new javafx.scene.layout.BorderPane(scroll);
    private final DemoEvents demoEvents;
    private final Map<String, TileView> views = new HashMap<>();
    private final Runnable unsubscribe;
    private final Timeline ages;
    private final Consumer<String> openChart;

    /** @param openChart called with a station id when the operator asks for its chart */
    public OverviewScreen(Session session, Consumer<String> openChart) {
        this.session = session;
        this.openChart = openChart;
        // demo stations report every minute of demo time, real ones hourly by default
        this.model = new OverviewModel(session.isDemo() ? 15 * 60_000L : 3_600_000L);
        tiles.setPadding(new Insets(14));
        tiles.setId("overview-tiles");
        scroll.setFitToWidth(true);
        demoEvents = session.isDemo() ? new DemoEvents(session) : null;
        if (demoEvents != null) {
            root.setTop(demoEvents.bar());
        }
        FxBatch<LiveRecord> batch = new FxBatch<>(this::accept);
        unsubscribe = session.feed().subscribe(batch::addAll);
        // the last known values first, read off the FX thread; newer records from the feed win in the model
        Thread seed = new Thread(() -> batch.addAll(session.feed().latest(session.registry().stations().keySet())), "overview-seed");
        seed.setDaemon(true);
        seed.start();
        ages = new Timeline(new KeyFrame(Duration.millis(500), e -> refresh()));
        ages.setCycleCount(Timeline.INDEFINITE);
        ages.play();
        refresh();
    }

    private void accept(List<LiveRecord> records) {
        model.accept(records);
        // the ledger may commit many blocks a second; a person reads tiles a few times a second at most
        long now = System.nanoTime();
        if (now - lastRefresh > 250_000_000L) {
            refresh();
        }
    }

    private long lastRefresh;

    private void refresh() {
        lastRefresh = System.nanoTime();
        List<StationTile> now = model.tiles(session.registry(), session.now());
        if (views.size() != now.size()) {
            views.clear();
            tiles.getChildren().clear();
        }
        for (StationTile t : now) {
            views.computeIfAbsent(t.stationId(), id -> {
                TileView v = new TileView(id);
                tiles.getChildren().add(v.root);
                return v;
            }).update(t);
        }
    }

    /** The demo's pollution event, as its button does it (tests call this). */
    public org.waterchain.devices.sim.PollutionEvent injectDemoEvent(String site, org.waterchain.ledger.record.Quantity q,
            double magnitude, long durationMs) {
        if (demoEvents == null) {
            throw new IllegalStateException("pollution events are injected in the demo only");
        }
        return demoEvents.inject(site, q, magnitude, durationMs);
    }

    @Override
    public String id() {
        return "overview";
    }

    @Override
    public String title() {
        return "Overview";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void close() {
        ages.stop();
        unsubscribe.run();
    }

    /** One tile's nodes, kept and updated in place. */
    private final class TileView {
        final VBox root = new VBox(6);
        final Label title = new Label();
        final Label subtitle = new Label();
        final Label health = new Label();
        final Label age = new Label();
        final GridPane values = new GridPane();
        final java.util.List<ValueRow> rows = new java.util.ArrayList<>();
        private String tileClass = "";
        private String healthClass = "";

        TileView(String stationId) {
            root.setId("tile-" + stationId);
            root.getStyleClass().add("station-tile");
            root.setPrefWidth(250);
            root.setPadding(new Insets(10));
            title.getStyleClass().add("tile-title");
            subtitle.getStyleClass().add("tile-subtitle");
            values.setHgap(8);
            values.setVgap(2);
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox foot = new HBox(6, health, grow, age);
            health.getStyleClass().add("health");
            age.getStyleClass().add("age");
            root.getChildren().addAll(title, subtitle, values, foot);
            root.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    openChart.accept(stationId);
                }
            });
        }

        void update(StationTile t) {
            title.setText(t.stationId() + "  " + t.name());
            subtitle.setText(t.kind() + (t.deviceId() == null ? "" : "  ·  " + t.deviceId()));
            String tc = "compliance-" + t.compliance().name().toLowerCase(Locale.ROOT);
            if (!tc.equals(tileClass)) {
                root.getStyleClass().remove(tileClass);
                root.getStyleClass().add(tc);
                tileClass = tc;
            }
            health.setText(switch (t.health()) {
                case SIGNED -> "signed by device";
                case GATEWAY -> "gateway-signed";
                case STALE -> "STALE";
                case UNREGISTERED -> "unregistered device";
                case WAITING -> "waiting for data";
            });
            String hc = "health-" + t.health().name().toLowerCase(Locale.ROOT);
            if (!hc.equals(healthClass)) {
                health.getStyleClass().remove(healthClass);
                health.getStyleClass().add(hc);
                healthClass = hc;
            }
            age.setText(t.ageMs() < 0 ? "" : ago(t.ageMs()));
            int row = 0;
            for (StationTile.Value v : t.values()) {
                ValueRow r = row < rows.size() ? rows.get(row) : addRow(t.stationId(), row);
                r.show(t.stationId(), v);
                row++;
            }
            while (rows.size() > row) {
                ValueRow r = rows.remove(rows.size() - 1);
                values.getChildren().removeAll(r.symbol, r.value, r.unit);
            }
        }

        private ValueRow addRow(String stationId, int index) {
            ValueRow r = new ValueRow();
            values.addRow(index, r.symbol, r.value, r.unit);
            rows.add(r);
            return r;
        }
    }

    /** One quantity's labels in a tile, reused from update to update: the overview redraws often. */
    private static final class ValueRow {
        final Label symbol = new Label();
        final Label value = new Label();
        final Label unit = new Label();
        private String limit = "";
        private String cls = "";

        ValueRow() {
            value.getStyleClass().add("value");
            unit.getStyleClass().add("unit");
        }

        void show(String stationId, StationTile.Value v) {
            symbol.setText(v.symbol());
            value.setText(format(v.value()));
            value.setId("value-" + stationId + "-" + v.symbol());
            unit.setText(v.unit());
            String c = "compliance-" + v.compliance().name().toLowerCase(Locale.ROOT);
            if (!c.equals(cls)) {
                value.getStyleClass().remove(cls);
                value.getStyleClass().add(c);
                cls = c;
            }
            if (!v.limit().equals(limit)) {
                limit = v.limit();
                value.setTooltip(limit.isEmpty() ? null : new javafx.scene.control.Tooltip("standard: " + limit));
            }
        }
    }

    static String format(double v) {
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String ago(long ms) {
        long m = ms / 60_000;
        if (m < 1) {
            return "just now";
        }
        if (m < 120) {
            return m + " min ago";
        }
        return (m / 60) + " h ago";
    }
}
