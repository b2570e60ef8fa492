package org.waterchain.app.settings;

import java.io.File;
import java.io.IOException;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.DirectoryChooser;
import org.waterchain.app.session.Session;
import org.waterchain.app.shell.Screen;
import org.waterchain.ledger.node.DataDirectory;

/** Who operates this control room and which node it opens; kept per user in app.json. */
public final class SettingsScreen implements Screen {
    private final GridPane root = new GridPane();
    private final TextField operator = new TextField();
    private final TextField dataDir = new TextField();
    private final Label status = new Label();
    private final Consumer<AppSettings> applied;
    private AppSettings settings;

    /** @param applied told about saved settings (the operator name takes effect at once) */
    public SettingsScreen(Session session, AppSettings settings, Consumer<AppSettings> applied) {
        this.settings = settings;
        this.applied = applied;
        root.setPadding(new Insets(18));
        root.setHgap(10);
        root.setVgap(10);
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
        int r = 0;
        root.addRow(r++, new Label("Operator name"), operator);
        root.addRow(r++, new Label("Node data directory"), dataDir, browse);
        root.addRow(r++, new Label("This node's address"), new Label(session.nodeKey().address().toString()));
        root.addRow(r++, new Label("Opened now"), new Label(session.directory().root() + (session.isDemo() ? " (demo)" : "")));
        root.addRow(r++, new Label("Settings file"), new Label(AppSettings.file().toString()));
        root.addRow(r++, save, status);
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
        AppSettings next = settings.withOperator(name).withDataDirectory(dir.isEmpty() ? null : dir);
        try {
            next.save();
        } catch (IOException e) {
            status.setText("could not save " + AppSettings.file() + ": " + e.getMessage());
            return;
        }
        boolean restart = !java.util.Objects.equals(next.dataDirectory(), settings.dataDirectory());
        settings = next;
        applied.accept(next);
        status.setText("saved" + (restart ? "; the new data directory opens at the next start" : ""));
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
