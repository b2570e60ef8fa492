package org.waterchain.app.map.view;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import org.waterchain.app.map.geo.UnitState;
import org.waterchain.app.standards.ComplianceClass;

/** Every symbol the map draws, with the same shapes and colours; a click on its title folds it away. */
final class MapLegend {
    private MapLegend() {}

    static Node create() {
        VBox entries = new VBox(4);
        Line channel = new Line(0, 0, 18, 0);
        channel.getStyleClass().addAll("map-channel", "map-reach-main");
        Polygon arrow = new Polygon(5, 0, -4, -4.5, -4, 4.5);
        arrow.getStyleClass().add("map-flow-arrow");
        entries.getChildren().add(entry(new HBox(2, channel, arrow), "channel, arrows show the flow"));
        entries.getChildren().add(entry(dot(ComplianceClass.BLUE), "station within standard"));
        entries.getChildren().add(entry(dot(ComplianceClass.YELLOW), "station near the limit"));
        entries.getChildren().add(entry(dot(ComplianceClass.RED), "station beyond the limit"));
        entries.getChildren().add(entry(dot(ComplianceClass.NONE), "station without data"));
        Circle ring = new Circle(StationDrawing.RADIUS + 3);
        ring.getStyleClass().add("map-alarm-ring");
        entries.getChildren().add(entry(new StackPane(ring, dot(ComplianceClass.RED)), "unacknowledged alarm (flashes)"));
        Rectangle factory = new Rectangle(FactoryDrawing.SIZE, FactoryDrawing.SIZE);
        factory.getStyleClass().add("map-factory");
        entries.getChildren().add(entry(factory, "factory"));
        Rectangle footprint = new Rectangle(16, 11);
        footprint.getStyleClass().add("map-factory-footprint");
        entries.getChildren().add(entry(footprint, "factory footprint"));
        entries.getChildren().add(entry(unit(UnitState.NORMAL), "irrigation unit"));
        entries.getChildren().add(entry(unit(UnitState.POLLUTED), "unit taking polluted water"));
        entries.getChildren().add(entry(unit(UnitState.UPSTREAM), "unit upstream of a source"));

        Label title = new Label("▾ Legend");
        title.setId("map-legend-title");
        title.getStyleClass().add("map-legend-title");
        title.setOnMouseClicked(e -> {
            boolean open = !entries.isVisible();
            entries.setVisible(open);
            entries.setManaged(open);
            title.setText((open ? "▾" : "▸") + " Legend");
        });
        entries.setMouseTransparent(true);
        return overlayBox("map-legend", 4, title, entries);
    }

    /** A white box floating over the map at its content's size, as the legend and the scale bar are. */
    static VBox overlayBox(String id, double spacing, Node... content) {
        VBox box = new VBox(spacing, content);
        box.setId(id);
        box.getStyleClass().add("map-overlay-box");
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        return box;
    }

    private static Node dot(ComplianceClass c) {
        Circle dot = new Circle(6, StationDrawing.colour(c));
        dot.getStyleClass().add("map-station");
        return dot;
    }

    private static Node unit(UnitState s) {
        Rectangle r = new Rectangle(18, 12, UnitDrawing.fill(s));
        r.setStroke(UnitDrawing.outline(s));
        r.setStrokeWidth(1.2);
        return r;
    }

    private static Node entry(Node symbol, String text) {
        StackPane slot = new StackPane(symbol);
        slot.setMinWidth(30);
        HBox row = new HBox(6, slot, new Label(text));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
