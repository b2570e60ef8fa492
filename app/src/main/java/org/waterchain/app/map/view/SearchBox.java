package org.waterchain.app.map.view;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

/**
 * The map's search field: results by id or name drop down as the user types; a click on one, or Enter for the
 * first, hands it to the screen.
 */
final class SearchBox {
    static final int RESULTS = 10;

    private final TextField field = new TextField();
    private final ContextMenu results = new ContextMenu();
    private final Consumer<Selection> onChoose;
    private final Consumer<String> onNothing;
    private MapSearch index = new MapSearch(List.of());

    /** @param onNothing told the text when Enter finds nothing */
    SearchBox(Consumer<Selection> onChoose, Consumer<String> onNothing) {
        this.onChoose = onChoose;
        this.onNothing = onNothing;
        field.setId("map-search");
        field.setPromptText("Find station, factory, unit…");
        field.setPrefColumnCount(16);
        field.textProperty().addListener((o, was, now) -> changed(now));
        field.setOnAction(e -> entered());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                results.hide();
            }
        });
        results.setId("map-search-results");
    }

    TextField view() {
        return field;
    }

    /** Searches these layers from now on. */
    void setLayers(List<VectorLayer> layers) {
        index = new MapSearch(layers);
    }

    private void changed(String text) {
        List<MapSearch.Result> found = index.find(text, RESULTS);
        results.getItems().clear();
        if (found.isEmpty()) {
            results.hide();
            return;
        }
        for (int i = 0; i < found.size(); i++) {
            MapSearch.Result r = found.get(i);
            Label item = new Label(r.label());
            item.setId("map-search-result-" + i);
            item.setMnemonicParsing(false);
            CustomMenuItem mi = new CustomMenuItem(item, true);
            mi.setOnAction(e -> choose(r));
            results.getItems().add(mi);
        }
        if (!results.isShowing() && field.getScene() != null && field.getScene().getWindow() != null) {
            results.show(field, Side.BOTTOM, 0, 0);
        }
    }

    private void choose(MapSearch.Result r) {
        results.hide();
        onChoose.accept(r.selection());
    }

    private void entered() {
        List<MapSearch.Result> found = index.find(field.getText(), 1);
        if (found.isEmpty()) {
            onNothing.accept(field.getText().strip());
        } else {
            choose(found.get(0));
        }
    }
}
