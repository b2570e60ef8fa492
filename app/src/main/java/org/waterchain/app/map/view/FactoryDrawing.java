package org.waterchain.app.map.view;

import javafx.scene.Node;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import org.waterchain.app.map.geo.Geometry;
import org.waterchain.app.map.geo.MapFeature;

/** Factories as small squares where the registry knows a point, as their footprint where a survey drew one. */
final class FactoryDrawing extends LayerDrawing {
    static final double SIZE = 10;

    FactoryDrawing(PreparedLayer prepared, FeatureLayer map) {
        super(prepared, map);
    }

    @Override
    Node create(int i, MapFeature f) {
        Node n;
        if (f.geometry() instanceof Geometry.Point) {
            n = new Rectangle(SIZE, SIZE);
            n.getStyleClass().add("map-factory");
        } else {
            n = RingPath.create(prepared.parts(i));
            n.getStyleClass().add("map-factory-footprint");
        }
        n.setId(nodeId("factory", f));
        return n;
    }

    @Override
    void style(int i, Node n) {
        FeatureLayer.setSelected(n, isSelected(i));
    }

    @Override
    void place(int i, Node n, double worldSize, double originX, double originY) {
        double[] xy = prepared.xy(i);
        if (n instanceof Rectangle r) {
            r.setX(originX + xy[0] * worldSize - SIZE / 2);
            r.setY(originY + xy[1] * worldSize - SIZE / 2);
        } else {
            RingPath.place((Path) n, xy, prepared.parts(i), worldSize, originX, originY);
        }
    }
}
