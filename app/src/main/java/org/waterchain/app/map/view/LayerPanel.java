package org.waterchain.app.map.view;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The list of the map's layers: a switch for each (registry, demo and imported alike), "Fit" to zoom to it, and
 * "Remove" for imported ones. Rebuilt whenever the layers change; they are few.
 */
final class LayerPanel {
    private final VBox rows = new VBox(2);
    private final VBox root;
    private final BiConsumer<String, Boolean> onSwitch;
    private final Consumer<String> onFit;
    private final Consumer<String> onRemove;

    LayerPanel(BiConsumer<String, Boolean> onSwitch, Consumer<String> onFit, Consumer<String> onRemove) {
        this.onSwitch = onSwitch;
        this.onFit = onFit;
        this.onRemove = onRemove;
        Label title = new Label("Layers");
        title.getStyleClass().add("map-panel-title");
        root = new VBox(4, title, rows);
        root.setId("map-layers");
        root.getStyleClass().add("map-layers");
    }

    Node view() {
        return root;
    }

    void show(List<VectorLayer> layers, Predicate<String> visible) {
        rows.getChildren().clear();
        for (VectorLayer l : layers) {
            CheckBox on = new CheckBox(l.title() + " (" + l.data().features().size() + ")");
            on.setId("map-layer-" + l.id());
            on.setSelected(visible.test(l.id()));
            on.setMaxWidth(Double.MAX_VALUE);
            on.setMinWidth(0);
            on.setMnemonicParsing(false); // file names have underscores
            on.setTooltip(new Tooltip(l.kind().title() + switch (l.origin()) {
                case REGISTRY -> ", from the ledger's registry";
                case DEMO -> ", shipped with the demo district";
                case IMPORTED -> ", imported";
            }));
            on.selectedProperty().addListener((o, was, now) -> onSwitch.accept(l.id(), now));
            HBox.setHgrow(on, Priority.ALWAYS);
            Button fit = new Button("Fit");
            fit.setId("map-fit-" + l.id());
            fit.getStyleClass().add("map-small-button");
            fit.setTooltip(new Tooltip("Zoom to the whole layer"));
            fit.setDisable(l.data().features().isEmpty());
            fit.setOnAction(e -> onFit.accept(l.id()));
            fit.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(4, on, fit);
            if (l.origin() == VectorLayer.Origin.IMPORTED) {
                Button remove = new Button("✕");
                remove.setId("map-remove-" + l.id());
                remove.getStyleClass().add("map-small-button");
                remove.setTooltip(new Tooltip("Remove this imported layer"));
                remove.setOnAction(e -> onRemove.accept(l.id()));
                remove.setMinWidth(Region.USE_PREF_SIZE);
                row.getChildren().add(remove);
            } else {
                Region gap = new Region();
                gap.setMinWidth(26);
                row.getChildren().add(gap);
            }
            row.setAlignment(Pos.CENTER_LEFT);
            rows.getChildren().add(row);
        }
    }
}
