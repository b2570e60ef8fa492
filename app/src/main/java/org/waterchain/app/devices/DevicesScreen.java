package org.waterchain.app.devices;

import java.io.File;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.waterchain.app.session.Session;
import org.waterchain.app.shell.Screen;
import org.waterchain.devices.enroll.DeviceEnrollment;
import org.waterchain.devices.modbus.ModbusProfile;
import org.waterchain.devices.modbus.ModbusProfiles;
import org.waterchain.devices.replay.ColumnMapping;
import org.waterchain.devices.replay.LedgerImport;
import org.waterchain.devices.replay.ReplayFormat;
import org.waterchain.devices.replay.ReplayOptions;
import org.waterchain.devices.replay.ReplayReport;
import org.waterchain.devices.serial.SerialPorts;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;

/**
 * Serial ports and typed paths, Modbus profiles and installations, connection state, counters of refused
 * frames and records per source, and enrollment of a sensor node that announced itself.
 */
public final class DevicesScreen implements Screen {
    private final Session session;
    private final DeviceConnections connections;
    private final VBox root = new VBox(12);
    private final ComboBox<String> port = new ComboBox<>();
    private final TableView<ConnectionRow> table = new TableView<>();
    private final TableView<RegisterDevice> registered = new TableView<>();
    private final Label status = new Label();
    private final Button enroll = new Button("Enroll selected...");
    private final Timeline refresh;
    private final javafx.scene.control.ProgressBar importProgress = new javafx.scene.control.ProgressBar();
    private final Button importCancel = new Button("Cancel import");

    public DevicesScreen(Session session, DeviceConnections connections) {
        this.session = session;
        this.connections = connections;
        root.setPadding(new Insets(14));

        port.setId("devices-port");
        port.setEditable(true);
        port.setPromptText("/dev/ttyUSB0, /dev/serial/by-id/..., or a pty path");
        port.setPrefWidth(340);
        Button list = new Button("List ports");
        list.setOnAction(e -> listPorts());
        Button connect = new Button("Connect sensor node");
        connect.setId("devices-connect");
        connect.setOnAction(e -> connect());
        Button modbus = new Button("Load Modbus installation...");
        modbus.setOnAction(e -> loadModbus());
        Button importCsv = new Button("Import recorded CSV...");
        importCsv.setId("devices-import");
        importCsv.setOnAction(e -> askImport());
        importProgress.setId("devices-import-progress");
        importProgress.setVisible(false);
        importCancel.setId("devices-import-cancel");
        importCancel.setDisable(true);
        HBox connectRow = new HBox(8, port, list, connect, modbus, importCsv);
        HBox importRow = new HBox(8, importProgress, importCancel);

        table.setId("devices-table");
        table.getColumns().add(DevicesScreen.<ConnectionRow>col("Source", ConnectionRow::source, 230));
        table.getColumns().add(DevicesScreen.<ConnectionRow>col("Kind", ConnectionRow::kind, 150));
        table.getColumns().add(DevicesScreen.<ConnectionRow>col("State", ConnectionRow::state, 90));
        table.getColumns().add(DevicesScreen.<ConnectionRow>col("Device", ConnectionRow::device, 170));
        table.getColumns().add(DevicesScreen.<ConnectionRow>col("Accepted", r -> String.valueOf(r.accepted()), 80));
        table.getColumns().add(DevicesScreen.<ConnectionRow>col("Refused", r -> String.valueOf(r.refused()), 70));
        table.getColumns().add(DevicesScreen.<ConnectionRow>col("Refusals", ConnectionRow::refusals, 260));
        table.getColumns().add(DevicesScreen.<ConnectionRow>col("Last error", ConnectionRow::lastError, 260));
        table.setPrefHeight(260);
        enroll.setId("devices-enroll");
        enroll.setDisable(true);
        enroll.setOnAction(e -> enrollSelected());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> enroll.setDisable(b == null || !b.enrollable()));
        status.setId("devices-status");
        status.setWrapText(true);

        registered.setId("devices-registered");
        registered.getColumns().add(DevicesScreen.<RegisterDevice>col("Device", RegisterDevice::deviceId, 140));
        registered.getColumns().add(DevicesScreen.<RegisterDevice>col("Station", RegisterDevice::stationId, 80));
        registered.getColumns().add(DevicesScreen.<RegisterDevice>col("Signs", d -> d.gateway() ? "this node's gateway" : "its own key", 150));
        registered.getColumns().add(DevicesScreen.<RegisterDevice>col("Model", RegisterDevice::model, 220));
        registered.getColumns().add(DevicesScreen.<RegisterDevice>col("Public key", d -> HexFormat.of().formatHex(d.publicKey()).substring(0, 16) + "...", 170));
        registered.setPrefHeight(220);

        ListView<String> profiles = new ListView<>(FXCollections.observableArrayList(
                ModbusProfiles.bundled().stream().map(DevicesScreen::describe).toList()));
        profiles.setPrefHeight(150);
        TitledPane profilePane = new TitledPane("Bundled Modbus transmitter profiles", profiles);
        profilePane.setExpanded(false);

        Label connTitle = new Label("Sources of readings");
        connTitle.getStyleClass().add("section-title");
        Label regTitle = new Label("Registered devices (from the ledger)");
        regTitle.getStyleClass().add("section-title");
        importRow.managedProperty().bind(importProgress.visibleProperty());
        importRow.visibleProperty().bind(importProgress.visibleProperty());
        root.getChildren().addAll(connectRow, importRow, connTitle, table, new HBox(8, enroll, status), regTitle, registered, profilePane);
        VBox.setVgrow(table, Priority.ALWAYS);

        refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> update()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
        update();
        listPorts();
    }

    private void update() {
        ConnectionRow selected = table.getSelectionModel().getSelectedItem();
        List<ConnectionRow> rows = ConnectionRow.of(connections.sensorNodes(), connections.transmitters(), session.ingest().stats(),
                session.registry());
        table.getItems().setAll(rows);
        if (selected != null) {
            rows.stream().filter(r -> r.source().equals(selected.source())).findFirst().ifPresent(r -> table.getSelectionModel().select(r));
        }
        List<RegisterDevice> devices = session.registry().devices().values().stream()
                .sorted(java.util.Comparator.comparing(RegisterDevice::deviceId)).toList();
        if (!devices.equals(registered.getItems())) {
            registered.getItems().setAll(devices);
        }
    }

    private void listPorts() {
        Task<List<String>> t = new Task<>() {
            @Override
            protected List<String> call() {
                return SerialPorts.list().stream().map(SerialPorts.PortInfo::path).toList();
            }
        };
        t.setOnSucceeded(e -> port.getItems().setAll(t.getValue()));
        t.setOnFailed(e -> status.setText("could not list ports: " + t.getException().getMessage()));
        background(t, "list-ports");
    }

    private void connect() {
        String p = port.getEditor().getText() == null ? "" : port.getEditor().getText().trim();
        if (p.isEmpty()) {
            status.setText("type or pick a port first");
            return;
        }
        try {
            connections.connectSensorNode(p);
            status.setText("connecting to " + p + "; the sensor node answers with its HELLO");
        } catch (IllegalArgumentException ex) {
            status.setText(ex.getMessage());
        }
        update();
    }

    private void loadModbus() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Modbus installation file");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        File f = fc.showOpenDialog(root.getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            int n = connections.startModbus(f.toPath()).size();
            status.setText("polling " + n + " transmitters from " + f.getName());
        } catch (RuntimeException ex) {
            status.setText(ex.getMessage());
        }
    }

    private void askImport() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Recorded series (USGS NWIS, GECCO 2018, CANARY)");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = fc.showOpenDialog(root.getScene().getWindow());
        if (f == null) {
            return;
        }
        List<String> stations = session.registry().stationList().stream().map(RegisterStation::id).toList();
        ChoiceDialog<String> dialog = new ChoiceDialog<>(stations.isEmpty() ? null : stations.get(0), stations);
        dialog.setTitle("Import " + f.getName());
        dialog.setHeaderText("Record the series as a gateway-signed device of the station:");
        dialog.showAndWait().ifPresent(station -> importCsv(f.toPath(), station, station + "-CSV"));
    }

    /**
     * Imports a recorded series into the ledger as {@code deviceId} at {@code station}, enrolling the device as
     * gateway-signed if need be; progress in the status line, cancellable. Returns the task (tests wait on it).
     */
    public Task<ReplayReport> importCsv(java.nio.file.Path file, String station, String deviceId) {
        Task<ReplayReport> t = new Task<>() {
            @Override
            protected ReplayReport call() throws Exception {
                ColumnMapping m = ReplayFormat.detect(file).orElseThrow(() -> new IllegalArgumentException(file.getFileName()
                        + ": the header matches no built-in format (USGS NWIS, GECCO 2018, CANARY Station B)")).mapping();
                DeviceEnrollment enrollment = new DeviceEnrollment(session.node(), session.nodeKey(), session.ingest());
                for (String suffix : m.deviceSuffixes()) {
                    enrollment.ensureGatewaySigned(deviceId + suffix, station, session.nodeKey(), "import of " + m.name());
                }
                return LedgerImport.run(file, m, ReplayOptions.forDevice(deviceId), session.ingest(), session.nodeKey(),
                        "import:" + file.getFileName(), this::isCancelled, r -> updateMessage(r.summary()));
            }
        };
        status.textProperty().bind(t.messageProperty());
        importProgress.setVisible(true);
        importCancel.setDisable(false);
        importCancel.setOnAction(e -> t.cancel(false));
        t.setOnSucceeded(e -> finishImport(t.getValue().summary() + "; committed to the ledger"));
        t.setOnCancelled(e -> finishImport("import cancelled; what was read before stays on the ledger"));
        t.setOnFailed(e -> finishImport("import failed: " + t.getException().getMessage()));
        background(t, "import");
        return t;
    }

    private void finishImport(String message) {
        status.textProperty().unbind();
        status.setText(message);
        importProgress.setVisible(false);
        importCancel.setDisable(true);
    }

    private void enrollSelected() {
        ConnectionRow row = table.getSelectionModel().getSelectedItem();
        if (row == null || row.hello() == null) {
            return;
        }
        List<String> stations = session.registry().stationList().stream().map(RegisterStation::id).toList();
        ChoiceDialog<String> dialog = new ChoiceDialog<>(stations.isEmpty() ? null : stations.get(0), stations);
        dialog.setTitle("Enroll " + row.hello().deviceId());
        dialog.setHeaderText("Register " + row.hello().deviceId() + " (" + row.hello().model() + " " + row.hello().firmware()
                + ") with key " + HexFormat.of().formatHex(row.hello().publicKey()).substring(0, 16) + "... for the station:");
        dialog.showAndWait().ifPresent(station -> enroll(row, station));
    }

    /** Enrolls the device announced on a row, for a station; the answer comes back on the FX thread. */
    public void enroll(ConnectionRow row, String station) {
        DeviceEnrollment enrollment = new DeviceEnrollment(session.node(), session.nodeKey(), session.ingest());
        Task<Receipt> t = new Task<>() {
            @Override
            protected Receipt call() throws Exception {
                return enrollment.enroll(row.hello(), station).get(30, TimeUnit.SECONDS);
            }
        };
        t.setOnSucceeded(e -> status.setText(t.getValue().valid()
                ? "enrolled " + row.hello().deviceId() + " at " + station + " in value-chain block " + t.getValue().height()
                : "the ledger refused the enrollment: " + t.getValue().reason()));
        t.setOnFailed(e -> status.setText("enrollment failed: " + t.getException().getMessage()));
        status.setText("enrolling " + row.hello().deviceId() + "...");
        background(t, "enroll");
    }

    private static void background(Task<?> t, String name) {
        Thread th = new Thread(t, name);
        th.setDaemon(true);
        th.start();
    }

    private static String describe(ModbusProfile p) {
        String q = p.points().stream().map(pt -> pt.quantity().symbol()).distinct().reduce((a, b) -> a + ", " + b).orElse("");
        return p.title() + "  (" + q + ")  " + p.id();
    }

    private static <R> TableColumn<R, String> col(String title, java.util.function.Function<R, String> f, double w) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setPrefWidth(w);
        return c;
    }

    @Override
    public String id() {
        return "devices";
    }

    @Override
    public String title() {
        return "Devices";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void close() {
        refresh.stop();
    }
}
