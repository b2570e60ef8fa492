package org.waterchain.app.map.view;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.waterchain.app.map.geo.BoundingBox;
import org.waterchain.app.map.geo.MapFeature;
import org.waterchain.app.standards.ComplianceClass;

/**
 * Stations as circles in their compliance class colour; a station with an unacknowledged alarm also wears a ring
 * that pulses with the map's one shared animation.
 */
final class StationDrawing extends LayerDrawing {
    static final double RADIUS = 7;

    private final Group rings = new Group();
    private final Map<Integer, Circle> ringOf = new HashMap<>();

    StationDrawing(PreparedLayer prepared, FeatureLayer map) {
        super(prepared, map);
        rings.setMouseTransparent(true);
        rings.setManaged(false);
    }

    /** The rings go above every layer's stations, so another layer's markers never hide a flashing one. */
    Group rings() {
        return rings;
    }

    /** The class colours of waterchain.css; grey when a station has no value yet. */
    static Color colour(ComplianceClass c) {
        return switch (c) {
            case BLUE -> Color.web("#1e6fd9");
            case YELLOW -> Color.web("#e0a800");
            case RED -> Color.web("#d32f2f");
            case NONE -> Color.web("#9e9e9e");
        };
    }

    @Override
    Node create(int i, MapFeature f) {
        Circle c = new Circle(RADIUS);
        c.setId(nodeId("station", f));
        c.getStyleClass().add("map-station");
        return c;
    }

    @Override
    void style(int i, Node n) {
        Circle c = (Circle) n;
        c.setFill(colour(map.stationClass(prepared.feature(i).id())));
        FeatureLayer.setSelected(c, isSelected(i));
    }

    @Override
    void place(int i, Node n, double worldSize, double originX, double originY) {
        double[] xy = prepared.xy(i);
        Circle c = (Circle) n;
        c.setCenterX(originX + xy[0] * worldSize);
        c.setCenterY(originY + xy[1] * worldSize);
    }

    /** Rings are few (alarmed stations only): each layout puts them on their stations, or hides them. */
    @Override
    void layout(Viewport v, BoundingBox area) {
        super.layout(v, area);
        rings.setTranslateX(group.getTranslateX());
        rings.setTranslateY(group.getTranslateY());
        ringOf.forEach(this::follow);
    }

    /** Rings for the alarmed stations of this layer; others lose theirs. Returns whether any ring is left. */
    boolean setAlarmed(Set<String> stationIds) {
        ringOf.entrySet().removeIf(e -> {
            if (!stationIds.contains(prepared.feature(e.getKey()).id())) {
                Circle ring = e.getValue();
                ring.scaleXProperty().unbind();
                ring.scaleYProperty().unbind();
                ring.opacityProperty().unbind();
                rings.getChildren().remove(ring);
                return true;
            }
            return false;
        });
        for (String id : stationIds) {
            int i = prepared.indexOf(id);
            if (i < 0 || ringOf.containsKey(i)) {
                continue;
            }
            Circle ring = new Circle(RADIUS + 3);
            ring.setId(prepared.layer().origin() == VectorLayer.Origin.IMPORTED
                    ? "map-alarm-" + layerId() + "-" + id : "map-alarm-" + id);
            ring.getStyleClass().add("map-alarm-ring");
            ring.setManaged(false);
            ring.scaleXProperty().bind(map.ringScale());
            ring.scaleYProperty().bind(map.ringScale());
            ring.opacityProperty().bind(map.ringOpacity());
            ringOf.put(i, ring);
            rings.getChildren().add(ring);
            follow(i, ring);
        }
        return !ringOf.isEmpty();
    }

    private void follow(int i, Circle ring) {
        Circle station = (Circle) node(i);
        boolean on = station != null && inView(i);
        ring.setVisible(on);
        if (on) {
            ring.setCenterX(station.getCenterX());
            ring.setCenterY(station.getCenterY());
        }
    }
}
