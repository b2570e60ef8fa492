package org.waterchain.app.map.view;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The selected feature's details: a title and label/value rows, each value findable as #map-details-&lt;label&gt;. */
final class DetailsPanel {
    private final Label title = new Label("Nothing selected");
    private final GridPane rows = new GridPane();
    private final VBox root = new VBox(6, title, rows);

    DetailsPanel() {
        root.setId("map-details");
        root.getStyleClass().add("map-details");
        title.setId("map-details-title");
        title.getStyleClass().add("map-details-title");
        title.setWrapText(true);
        rows.setHgap(10);
        rows.setVgap(4);
    }

    Node view() {
        return root;
    }

    void show(Optional<MapModel.Details> details) {
        rows.getChildren().clear();
        title.setText(details.map(MapModel.Details::title).orElse("Nothing selected"));
        int row = 0;
        for (MapModel.Row r : details.map(MapModel.Details::rows).orElse(List.of())) {
            Label label = new Label(r.label());
            label.getStyleClass().add("map-details-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(r.value());
            value.setId("map-details-" + r.label().replace(' ', '-'));
            value.setWrapText(true);
            value.setMnemonicParsing(false);
            GridPane.setHgrow(value, Priority.ALWAYS);
            rows.addRow(row++, label, value);
        }
    }
}
