package org.waterchain.app.alarm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.waterchain.app.fx.ChoiceLabels;
import org.waterchain.app.fx.FxBatch;
import org.waterchain.app.session.Session;
import org.waterchain.app.shell.Screen;
import org.waterchain.ledger.alarm.JournaledAlarm;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.store.LedgerQueries;

/**
 * The alarm list (ISA-18.2's alarm summary) with filters and the operator's actions, and the alarm history as
 * the ledger holds it: who raised, acknowledged, shelved or cleared what, when, in which block. The alarm
 * system runs in {@link AlarmService}; this screen shows its snapshots and sends it commands, and reads the
 * history off the FX thread.
 */
public final class AlarmsScreen implements Screen {
    static final int HISTORY_LIMIT = 2_000;
    private static final long DAY = 24 * AlarmSettings.HOUR;

    /** The history's time ranges, back from now on the session's clock. */
    enum Range {
        DAY("Last 24 h", AlarmsScreen.DAY), WEEK("Last 7 days", 7 * AlarmsScreen.DAY), MONTH("Last 30 days", 30 * AlarmsScreen.DAY),
        ALL("Everything", Long.MAX_VALUE);

        final String label;
        final long ms;

        Range(String label, long ms) {
            this.label = label;
            this.ms = ms;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Session session;
    private final AlarmService alarms;
    /** The settings' operator, read at each action: a name changed in the settings applies at once. */
    private final java.util.function.Supplier<String> operatorName;
    private final Label who = new Label();
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Tab historyTab = new Tab("History");

    private final TableView<AlarmRow> table = new TableView<>();
    private final ObservableList<AlarmRow> items = FXCollections.observableArrayList();
    private final TextField comment = new TextField();
    private final Button ack = new Button("Acknowledge");
    private final Button shelve = new Button("Shelve\u2026");
    private final Button unshelve = new Button("Unshelve");
    private final MenuItem outOfService = new MenuItem("Take out of service");
    private final MenuItem returnToService = new MenuItem("Return to service");
    private final MenuButton service = new MenuButton("Service", null, outOfService, returnToService);
    private final Label status = new Label();
    private final Label message = new Label();
    private AlarmSnapshot snapshot = AlarmSnapshot.EMPTY;
    private AlarmFilter filter = AlarmFilter.ALL;

    private final TableView<HistoryRow> history = new TableView<>();
    private final ObservableList<HistoryRow> historyItems = FXCollections.observableArrayList();
    private final ChoiceBox<Range> range = new ChoiceBox<>(FXCollections.observableArrayList(Range.values()));
    private final TextField historySearch = new TextField();
    private final Label historyFocus = new Label();
    private final Button historyAll = new Button("All alarms");
    private final Label historyStatus = new Label();
    private List<HistoryRow> loaded = List.of();
    private String historyAlarm;
    private long historyGeneration;
    private volatile boolean historyStale = true;
    private final ExecutorService historyReader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alarm-history");
        t.setDaemon(true);
        return t;
    });

    private final Runnable unsubscribe;
    private final Runnable unwatchLedger;
    private final Timeline refresh;

    /**
     * @param alarms       the window's alarm system (shared with the banner)
     * @param operatorName who acknowledges and shelves here (the settings' operator); recorded with each action
     */
    public AlarmsScreen(Session session, AlarmService alarms, java.util.function.Supplier<String> operatorName) {
        this.session = session;
        this.alarms = alarms;
        this.operatorName = operatorName;
        root.getStylesheets().add(AlarmsScreen.class.getResource("alarm.css").toExternalForm());
        root.setId("alarms-screen");
        Tab listTab = new Tab("Alarms", buildList());
        listTab.setId("alarm-list-tab");
        historyTab.setContent(buildHistory());
        historyTab.setId("alarm-history-tab");
        tabs.getTabs().setAll(listTab, historyTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("alarm-tabs");
        historyTab.setOnSelectionChanged(e -> {
            if (historyTab.isSelected()) {
                loadHistory();
            }
        });
        root.setCenter(tabs);

        FxBatch<AlarmSnapshot> batch = new FxBatch<>(list -> show(list.get(list.size() - 1)));
        unsubscribe = alarms.subscribe(batch::add);
        // alarm entries land on the value chain: a new value block may hold history to show
        unwatchLedger = session.node().subscribe(applied -> {
            if (applied.header().chain() == ChainId.VALUE) {
                historyStale = true;
            }
        });
        refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            updateStatus();
            if (historyStale && historyTab.isSelected()) {
                loadHistory();
            }
        }));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
        updateStatus();
    }

    // ---- the alarm list ----

    private Node buildList() {
        ChoiceBox<AlarmFilter.States> states = new ChoiceBox<>(FXCollections.observableArrayList(AlarmFilter.States.values()));
        states.setId("alarm-filter-state");
        states.setValue(AlarmFilter.States.ALL);
        states.valueProperty().addListener((o, a, b) -> refilter(filter.withStates(b)));
        ChoiceBox<AlarmPriority> priority = new ChoiceBox<>();
        priority.setId("alarm-filter-priority");
        priority.getItems().add(null);
        priority.getItems().addAll(AlarmPriority.CRITICAL, AlarmPriority.HIGH, AlarmPriority.MEDIUM);
        priority.setConverter(ChoiceLabels.of(p -> p == null ? "All priorities"
                : p == AlarmPriority.CRITICAL ? "Critical" : p.label() + " and above"));
        priority.setValue(null);
        priority.valueProperty().addListener((o, a, b) -> refilter(filter.withMinPriority(b)));
        TextField search = new TextField();
        search.setId("alarm-search");
        search.setPromptText("Search station, device, condition, operator, comment");
        search.setPrefColumnCount(26);
        search.textProperty().addListener((o, a, b) -> refilter(filter.withText(b)));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        showOperator();
        who.setId("alarm-operator");
        who.getStyleClass().add("caption");
        HBox filters = new HBox(states, priority, search, grow, who);
        filters.getStyleClass().add("alarm-toolbar");

        comment.setId("alarm-comment");
        comment.setPromptText("Comment for acknowledge, shelve or service (goes on the ledger)");
        HBox.setHgrow(comment, Priority.ALWAYS);
        ack.setId("alarm-ack");
        ack.setDefaultButton(false);
        ack.setOnAction(e -> acknowledge());
        shelve.setId("alarm-shelve");
        shelve.setOnAction(e -> shelve());
        unshelve.setId("alarm-unshelve");
        unshelve.setOnAction(e -> run("Unshelve", selected(r -> r.state() == AlarmState.SHELVED),
                ids -> alarms.unshelve(ids, operator(), comment.getText())));
        service.setId("alarm-service");
        outOfService.setId("alarm-oos");
        outOfService.setOnAction(e -> takeOutOfService());
        returnToService.setId("alarm-rts");
        returnToService.setOnAction(e -> run("Return to service", selected(r -> r.state() == AlarmState.OUT_OF_SERVICE),
                ids -> alarms.returnToService(ids, operator(), comment.getText())));
        HBox actions = new HBox(comment, ack, shelve, unshelve, service);
        actions.getStyleClass().add("alarm-toolbar");

        table.setId("alarm-table");
        table.getStyleClass().add("alarm-table");
        table.setItems(items);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No alarms"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                priorityColumn(),
                column("State", 165, r -> r.state() == AlarmState.SHELVED
                        ? "Shelved until " + AlarmText.time(r.shelvedUntil()).substring(5) : r.state().label()),
                column("Time", 175, r -> AlarmText.time(r.timeMs())),
                column("Source", 110, AlarmRow::source),
                column("Condition", 140, AlarmRow::condition),
                column("Value", 110, r -> r.system() ? r.occurrences() + "\u00d7" : AlarmText.value(r.value(), r.unit())),
                column("Limit", 110, AlarmRow::limit),
                column("Operator", 110, AlarmRow::operator),
                column("Comment", 260, AlarmRow::comment)));
        table.setRowFactory(tv -> {
            TableRow<AlarmRow> row = new TableRow<>() {
                @Override
                protected void updateItem(AlarmRow r, boolean empty) {
                    super.updateItem(r, empty);
                    getStyleClass().removeAll("alarm-unack", "alarm-rtn-unack", "alarm-acked", "alarm-hidden", "alarm-normal");
                    if (r != null && !empty) {
                        getStyleClass().add(switch (r.state()) {
                            case UNACK -> "alarm-unack";
                            case RTN_UNACK -> "alarm-rtn-unack";
                            case SHELVED, SUPPRESSED, OUT_OF_SERVICE -> "alarm-hidden";
                            case ACKED -> "alarm-acked";
                            case NORMAL -> "alarm-normal";
                        });
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    showHistoryOf(row.getItem().alarmId());
                }
            });
            return row;
        });
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<AlarmRow>) c -> enableActions());
        VBox.setVgrow(table, Priority.ALWAYS);

        status.setId("alarm-status");
        status.getStyleClass().add("alarm-status");
        message.setId("alarm-message");
        message.getStyleClass().add("alarm-message");
        HBox bar = new HBox(status, message);
        bar.getStyleClass().add("alarm-status-bar");
        enableActions();
        return new VBox(filters, actions, table, bar);
    }

    private TableColumn<AlarmRow, AlarmRow> priorityColumn() {
        TableColumn<AlarmRow, AlarmRow> c = new TableColumn<>("Priority");
        c.setPrefWidth(90);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setComparator(java.util.Comparator.comparing(AlarmRow::priority));
        c.setCellFactory(col -> new TableCell<>() {
            private final Label badge = new Label();

            @Override
            protected void updateItem(AlarmRow r, boolean empty) {
                super.updateItem(r, empty);
                if (r == null || empty) {
                    setGraphic(null);
                    return;
                }
                badge.setText(r.priority().label().toUpperCase(Locale.ROOT));
                badge.getStyleClass().setAll("label", "priority-badge", "priority-" + r.priority().name().toLowerCase(Locale.ROOT));
                setGraphic(badge);
            }
        });
        return c;
    }

    /** A text column whose cells show their whole text as a tooltip when it does not fit. */
    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> text) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                tip.setText(s);
                setTooltip(empty || s == null || s.isEmpty() ? null : tip);
            }
        });
        return c;
    }

    private void show(AlarmSnapshot s) {
        snapshot = s;
        refilter(filter);
    }

    /** New rows in, the selection kept by alarm id. */
    private void refilter(AlarmFilter f) {
        filter = f;
        Set<String> keep = new HashSet<>();
        for (AlarmRow r : table.getSelectionModel().getSelectedItems()) {
            keep.add(r.alarmId());
        }
        items.setAll(f.apply(snapshot.rows()));
        table.getSelectionModel().clearSelection();
        for (int i = 0; i < items.size(); i++) {
            if (keep.contains(items.get(i).alarmId())) {
                table.getSelectionModel().select(i);
            }
        }
        enableActions();
        updateStatus();
    }

    private List<String> selected(Predicate<AlarmRow> applies) {
        List<String> ids = new ArrayList<>();
        for (AlarmRow r : table.getSelectionModel().getSelectedItems()) {
            if (r != null && applies.test(r)) {
                ids.add(r.alarmId());
            }
        }
        return ids;
    }

    private void enableActions() {
        ack.setDisable(selected(r -> r.state().unacknowledged()).isEmpty());
        shelve.setDisable(selected(r -> !r.state().hidden()).isEmpty());
        unshelve.setDisable(selected(r -> r.state() == AlarmState.SHELVED).isEmpty());
        outOfService.setDisable(selected(r -> r.state() != AlarmState.OUT_OF_SERVICE).isEmpty());
        returnToService.setDisable(selected(r -> r.state() == AlarmState.OUT_OF_SERVICE).isEmpty());
        service.setDisable(outOfService.isDisable() && returnToService.isDisable());
    }

    private void acknowledge() {
        run("Acknowledge", selected(r -> r.state().unacknowledged()), ids -> alarms.acknowledge(ids, operator(), comment.getText()));
    }

    private void shelve() {
        List<String> ids = selected(r -> !r.state().hidden());
        if (ids.isEmpty()) {
            return;
        }
        ShelveDialog.ask(root.getScene() == null ? null : root.getScene().getWindow(), ids, operator(), comment.getText())
                .ifPresent(req -> run("Shelve", ids, x -> alarms.shelve(x, operator(), req.comment(), req.durationMs())));
    }

    private void takeOutOfService() {
        if (AlarmEngine.cleanComment(comment.getText()).isEmpty()) {
            say(false, "Say why in the comment: taking an alarm out of service needs a reason on the record");
            comment.requestFocus();
            return;
        }
        run("Take out of service", selected(r -> r.state() != AlarmState.OUT_OF_SERVICE),
                ids -> alarms.removeFromService(ids, operator(), comment.getText()));
    }

    /** Sends a command to the alarm thread; its answer comes back to the FX thread. */
    private void run(String what, List<String> ids, Function<List<String>, CompletableFuture<List<CommandResult>>> command) {
        if (ids.isEmpty()) {
            return;
        }
        command.apply(ids).whenComplete((results, error) -> Platform.runLater(() -> {
            if (error != null) {
                say(false, what + " failed: " + error.getMessage());
                return;
            }
            List<CommandResult> refused = results.stream().filter(r -> !r.ok()).toList();
            if (refused.isEmpty()) {
                comment.clear();
                say(true, results.size() == 1 ? results.get(0).message() : what + ": " + results.size() + " alarms done");
            } else {
                say(false, refused.get(0).message() + (refused.size() > 1 ? " (and " + (refused.size() - 1) + " more)" : ""));
            }
        }));
    }

    private void say(boolean ok, String text) {
        message.setText(text);
        message.getStyleClass().remove("refused");
        if (!ok) {
            message.getStyleClass().add("refused");
        }
    }

    private void updateStatus() {
        AlarmJournal.JournalStatus j = alarms.journalStatus();
        StringBuilder sb = new StringBuilder()
                .append(items.size()).append(" of ").append(snapshot.rows().size()).append(" alarms shown, ")
                .append(snapshot.unacknowledged()).append(" unacknowledged.  Journal: ")
                .append(j.written()).append(" on the ledger");
        if (j.pending() > 0) {
            sb.append(", ").append(j.pending()).append(" pending");
        }
        if (j.refused() > 0) {
            sb.append(", ").append(j.refused()).append(" not journaled (").append(j.lastProblem()).append(')');
        }
        status.setText(sb.toString());
    }

    // ---- the history ----

    private Node buildHistory() {
        range.setId("history-range");
        range.setValue(Range.WEEK);
        range.valueProperty().addListener((o, a, b) -> loadHistory());
        historySearch.setId("history-search");
        historySearch.setPromptText("Search alarm, action, operator, comment");
        historySearch.setPrefColumnCount(24);
        historySearch.textProperty().addListener((o, a, b) -> filterHistory());
        historyFocus.setId("history-focus");
        historyFocus.getStyleClass().add("caption");
        historyAll.setId("history-all");
        historyAll.setOnAction(e -> {
            historyAlarm = null;
            loadHistory();
        });
        Button reload = new Button("Refresh");
        reload.setId("history-refresh");
        reload.setOnAction(e -> loadHistory());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(range, historySearch, historyFocus, historyAll, grow, reload);
        bar.getStyleClass().add("alarm-toolbar");

        history.setId("alarm-history");
        history.setItems(historyItems);
        history.setPlaceholder(new Label("No alarm events on the ledger in this range"));
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.getColumns().setAll(List.of(
                column("Time", 165, HistoryRow::time),
                column("Block", 70, r -> Long.toString(r.height())),
                column("Action", 140, HistoryRow::action),
                column("Alarm", 180, HistoryRow::alarmId),
                column("Priority", 75, HistoryRow::priority),
                column("Value", 100, HistoryRow::value),
                column("Operator", 120, HistoryRow::operator),
                column("Shelved until", 150, HistoryRow::shelvedUntil),
                column("Comment", 220, HistoryRow::comment),
                column("Signed by", 150, HistoryRow::signer)));
        VBox.setVgrow(history, Priority.ALWAYS);
        historyStatus.setId("history-status");
        historyStatus.getStyleClass().add("history-status");
        Label note = new Label("Each event is a signed entry on the value chain; the block's Merkle root covers it, and an"
                + " audit finds any edit.");
        note.getStyleClass().add("history-status");
        HBox foot = new HBox(historyStatus, note);
        foot.getStyleClass().add("alarm-status-bar");
        VBox box = new VBox(bar, history, foot);
        box.setPadding(Insets.EMPTY);
        updateFocus();
        return box;
    }

    /** Opens the history tab on every alarm's events. */
    public void showHistory() {
        historyAlarm = null;
        tabs.getSelectionModel().select(historyTab);
        loadHistory();
    }

    /** Opens the history tab on one alarm's events. */
    public void showHistoryOf(String alarmId) {
        historyAlarm = alarmId;
        tabs.getSelectionModel().select(historyTab);
        loadHistory();
    }

    private void updateFocus() {
        historyFocus.setText(historyAlarm == null ? "" : "Alarm " + historyAlarm);
        historyAll.setVisible(historyAlarm != null);
        historyAll.setManaged(historyAlarm != null);
        range.setDisable(historyAlarm != null);
    }

    /** Reads on the history thread; a newer load supersedes an older one still running. */
    private void loadHistory() {
        historyStale = false;
        updateFocus();
        long generation = ++historyGeneration;
        String alarm = historyAlarm;
        Range r = range.getValue();
        long now = alarms.now();
        LedgerQueries q = session.node().queries();
        historyStatus.setText("Reading the ledger\u2026");
        historyReader.execute(() -> {
            List<HistoryRow> rows;
            String note;
            try {
                List<JournaledAlarm> events;
                if (alarm != null) {
                    events = new ArrayList<>(q.alarmHistory(alarm));
                    java.util.Collections.reverse(events);
                } else {
                    long from = r.ms == Long.MAX_VALUE ? Long.MIN_VALUE : now - r.ms;
                    events = q.alarmJournal(from, Long.MAX_VALUE, HISTORY_LIMIT);
                }
                rows = events.stream().map(HistoryRow::of).toList();
                note = rows.size() + (rows.size() == HISTORY_LIMIT ? "+ (the newest)" : "") + " events, newest first.";
            } catch (RuntimeException e) {
                rows = List.of();
                note = "Cannot read the alarm journal: " + e.getMessage();
            }
            List<HistoryRow> result = rows;
            String text = note;
            Platform.runLater(() -> {
                if (generation == historyGeneration) {
                    loaded = result;
                    historyStatus.setText(text);
                    filterHistory();
                }
            });
        });
    }

    private void filterHistory() {
        String text = historySearch.getText();
        historyItems.setAll(loaded.stream().filter(h -> h.matches(text)).toList());
    }

    // ---- Screen ----

    @Override
    public String id() {
        return "alarms";
    }

    @Override
    public String title() {
        return "Alarms";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        showOperator();
        if (historyTab.isSelected()) {
            loadHistory();
        }
    }

    @Override
    public void close() {
        refresh.stop();
        unsubscribe.run();
        unwatchLedger.run();
        historyReader.shutdownNow();
    }

    private void showOperator() {
        who.setText(operator().isEmpty() ? "No operator name set" : "Operator: " + operator());
    }

    private String operator() {
        String o = operatorName.get();
        return o == null ? "" : o.strip();
    }
}
