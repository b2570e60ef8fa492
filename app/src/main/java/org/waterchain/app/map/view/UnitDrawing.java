package org.waterchain.app.map.view;

import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Path;
import org.waterchain.app.map.geo.MapFeature;
import org.waterchain.app.map.geo.UnitState;

/** Irrigation units as filled polygons: a light green when nothing is known against them, orange or purple when traced. */
final class UnitDrawing extends LayerDrawing {
    UnitDrawing(PreparedLayer prepared, FeatureLayer map) {
        super(prepared, map);
    }

    /** Fills as the seed paper's maps: polluted units orange, units upstream of a source purple. Set in code so tests can read them. */
    static Color fill(UnitState s) {
        return switch (s) {
            case NORMAL -> Color.web("#9ccc65", 0.45);
            case POLLUTED -> Color.web("#fb8c00", 0.8);
            case UPSTREAM -> Color.web("#8e24aa", 0.7);
        };
    }

    static Color outline(UnitState s) {
        return switch (s) {
            case NORMAL -> Color.web("#558b2f");
            case POLLUTED -> Color.web("#e65100");
            case UPSTREAM -> Color.web("#4a148c");
        };
    }

    @Override
    Node create(int i, MapFeature f) {
        Path p = RingPath.create(prepared.parts(i));
        p.setId(nodeId("unit", f));
        p.getStyleClass().add("map-unit");
        return p;
    }

    @Override
    void style(int i, Node n) {
        Path p = (Path) n;
        UnitState s = map.unitState(prepared.feature(i).id());
        boolean selected = isSelected(i);
        // fill and outline only from code: a stylesheet value would not give way back to them after a selection
        p.setFill(fill(s));
        p.setStroke(selected ? Color.web("#212121") : outline(s));
        p.setStrokeWidth(selected ? 3 : 1.2);
        FeatureLayer.setSelected(p, selected);
    }

    @Override
    void place(int i, Node n, double worldSize, double originX, double originY) {
        RingPath.place((Path) n, prepared.xy(i), prepared.parts(i), worldSize, originX, originY);
    }
}
