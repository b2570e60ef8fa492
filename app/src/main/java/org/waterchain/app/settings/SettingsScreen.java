package org.waterchain.app.settings;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.waterchain.app.map.view.BasemapRegistry;
import org.waterchain.app.session.Session;
import org.waterchain.app.shell.Screen;
import org.waterchain.ledger.node.DataDirectory;

/**
 * Who operates this control room, which node it opens, and which online tile sources the map may use; kept per user
 * in app.json.
 */
public final class SettingsScreen implements Screen {
    private final ScrollPane root = new ScrollPane();
    private final TextField operator = new TextField();
    private final TextField dataDir = new TextField();
    private final TextField contact = new TextField();
    private final ObservableList<OnlineSourceSettings> sources = FXCollections.observableArrayList();
    private final ListView<OnlineSourceSettings> sourceList = new ListView<>(sources);
    private final TextField sourceName = new TextField();
    private final TextField sourceUrl = new TextField();
    private final TextField sourceAttribution = new TextField();
    private final TextField sourceMaxZoom = new TextField();
    private final CheckBox sourceBulk = new CheckBox("Its terms allow bulk download (prefetching an area for offline use)");
    private final Label sourceStatus = new Label();
    private final Label status = new Label();
    private final Consumer<AppSettings> applied;
    private AppSettings settings;

    /** @param applied told about saved settings (the operator name takes effect at once) */
    public SettingsScreen(Session session, AppSettings settings, Consumer<AppSettings> applied) {
        this.settings = settings;
        this.applied = applied;
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        operator.setId("settings-operator");
        operator.setText(settings.operatorName());
        operator.setPrefColumnCount(24);
        dataDir.setId("settings-data-dir");
        dataDir.setText(settings.dataDirectory() == null ? "" : settings.dataDirectory());
        dataDir.setPromptText("empty: the demo");
        dataDir.setPrefColumnCount(40);
        Button browse = new Button("Browse...");
        browse.setOnAction(e -> {
            File f = new DirectoryChooser().showDialog(root.getScene().getWindow());
            if (f != null) {
                dataDir.setText(f.getPath());
            }
        });
        Button save = new Button("Save");
        save.setId("settings-save");
        save.setOnAction(e -> save());
        status.setId("settings-status");
        status.setWrapText(true);
        int r = 0;
        grid.addRow(r++, new Label("Operator name"), operator);
        grid.addRow(r++, new Label("Node data directory"), dataDir, browse);
        grid.addRow(r++, new Label("This node's address"), new Label(session.nodeKey().address().toString()));
        grid.addRow(r++, new Label("Opened now"), new Label(session.directory().root() + (session.isDemo() ? " (demo)" : "")));
        grid.addRow(r++, new Label("Settings file"), new Label(AppSettings.file().toString()));

        VBox page = new VBox(14, grid, new Separator(), onlineSources(), new Separator(), new HBox(10, save, status));
        page.setPadding(new Insets(18));
        root.setContent(page);
        root.setFitToWidth(true);
    }

    private Node onlineSources() {
        Label title = new Label("Online map sources");
        title.getStyleClass().add("tile-title");
        Label rule = new Label("The map stays offline unless you select one of these as its basemap; tiles it fetches"
                + " are kept under " + AppSettings.tileCacheDirectory() + " for use offline. OpenStreetMap's own tile"
                + " servers may be viewed (their attribution is shown) but never prefetched.");
        rule.setWrapText(true);
        rule.getStyleClass().add("tile-subtitle");
        contact.setId("settings-tile-contact");
        contact.setText(settings.tileContact());
        contact.setPromptText("ops@district.example or https://district.example/contact");
        contact.setPrefColumnCount(32);

        sourceList.setId("settings-sources");
        sourceList.setPrefHeight(110);
        sourceList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(OnlineSourceSettings item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        });
        sources.setAll(settings.onlineSources());
        sourceList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                sourceName.setText(now.name());
                sourceUrl.setText(now.urlTemplate());
                sourceAttribution.setText(now.attribution());
                sourceMaxZoom.setText(Integer.toString(now.maxZoom()));
                sourceBulk.setSelected(now.bulkDownloadAllowed());
            }
        });
        sourceName.setId("settings-source-name");
        sourceName.setPromptText("District survey");
        sourceUrl.setId("settings-source-url");
        sourceUrl.setPromptText("https://tiles.example/{z}/{x}/{y}.png");
        sourceUrl.setPrefColumnCount(40);
        sourceAttribution.setId("settings-source-attribution");
        sourceAttribution.setPromptText("required: the credit the provider asks for, e.g. © OpenStreetMap contributors");
        sourceMaxZoom.setId("settings-source-max-zoom");
        sourceMaxZoom.setPromptText(Integer.toString(OnlineSourceSettings.DEFAULT_MAX_ZOOM));
        sourceMaxZoom.setPrefColumnCount(4);
        sourceBulk.setId("settings-source-bulk");
        sourceStatus.setId("settings-source-status");
        sourceStatus.setWrapText(true);

        Button add = new Button("Add");
        add.setId("settings-source-add");
        add.setOnAction(e -> formSource().ifPresent(s -> {
            sources.add(s);
            sourceStatus.setText("added " + s.name() + "; Save to keep it");
        }));
        Button replace = new Button("Replace selected");
        replace.setId("settings-source-replace");
        replace.disableProperty().bind(sourceList.getSelectionModel().selectedItemProperty().isNull());
        replace.setOnAction(e -> formSource().ifPresent(s -> {
            int i = sourceList.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                sources.set(i, s);
                sourceStatus.setText("changed " + s.name() + "; Save to keep it");
            }
        }));
        Button remove = new Button("Remove selected");
        remove.setId("settings-source-remove");
        remove.disableProperty().bind(sourceList.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            OnlineSourceSettings gone = sourceList.getSelectionModel().getSelectedItem();
            sources.remove(gone);
            sourceStatus.setText("removed " + gone.name() + "; Save to keep it removed");
        });

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        int r = 0;
        form.addRow(r++, new Label("Contact for tile servers"), contact);
        form.add(new Label("Sent in the User-Agent of every tile request, as tile servers' usage policies ask."),
                1, r++);
        form.addRow(r++, new Label("Sources"), sourceList);
        form.addRow(r++, new Label("Name"), sourceName);
        form.addRow(r++, new Label("URL template"), sourceUrl);
        form.addRow(r++, new Label("Attribution"), sourceAttribution);
        form.addRow(r++, new Label("Maximum zoom"), sourceMaxZoom);
        form.add(sourceBulk, 1, r++);
        form.add(new HBox(8, add, replace, remove), 1, r++);
        form.add(sourceStatus, 1, r);
        return new VBox(8, title, rule, form);
    }

    private Optional<OnlineSourceSettings> formSource() {
        try {
            return Optional.of(OnlineSourceSettings.parse(sourceName.getText(), sourceUrl.getText(),
                    sourceAttribution.getText(), sourceBulk.isSelected(), sourceMaxZoom.getText()));
        } catch (IllegalArgumentException e) {
            sourceStatus.setText(e.getMessage());
            return Optional.empty();
        }
    }

    private void save() {
        String name = operator.getText().trim();
        if (name.isEmpty()) {
            status.setText("the operator name is recorded with every acknowledgement: it cannot be empty");
            return;
        }
        String dir = dataDir.getText().trim();
        if (!dir.isEmpty() && !DataDirectory.isInitialized(java.nio.file.Path.of(dir))) {
            status.setText(dir + " is not a node data directory: create one with waterchain-node init");
            return;
        }
        AppSettings next;
        try {
            next = settings.withOperator(name).withDataDirectory(dir.isEmpty() ? null : dir)
                    .withOnlineSources(contact.getText(), List.copyOf(sources));
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        try {
            next.save();
        } catch (IOException e) {
            status.setText("could not save " + AppSettings.file() + ": " + e.getMessage());
            return;
        }
        boolean restart = !java.util.Objects.equals(next.dataDirectory(), settings.dataDirectory());
        settings = next;
        sourceStatus.setText("");
        applied.accept(next);
        String saved = "saved" + (restart ? "; the new data directory opens at the next start" : "");
        status.setText(saved);
        // Opening the sources' cache files is disk work: off the FX thread.
        Thread t = new Thread(() -> {
            List<String> problems = new ArrayList<>(BasemapRegistry.useOnlineSources(next));
            if (!problems.isEmpty()) {
                Platform.runLater(() -> status.setText(saved + "; " + String.join("; ", problems)));
            }
        }, "settings-online-sources");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public String id() {
        return "settings";
    }

    @Override
    public String title() {
        return "Settings";
    }

    @Override
    public Node view() {
        return root;
    }
}
