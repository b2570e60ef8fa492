package org.waterchain.app.map.view;

import java.util.List;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;

/**
 * A polygon with holes as one Path (even-odd fill), made once; placing it moves its elements' points in place, so a
 * zoom allocates nothing. JavaFX's Polygon cannot have holes.
 */
final class RingPath {
    private RingPath() {}

    /** A path with one MoveTo, LineTos and a ClosePath per ring (a ring's closing position is the ClosePath). */
    static Path create(int[] parts) {
        Path path = new Path();
        path.setFillRule(FillRule.EVEN_ODD);
        List<PathElement> elements = path.getElements();
        for (int r = 0; r + 1 < parts.length; r++) {
            int n = parts[r + 1] - parts[r];
            elements.add(new MoveTo());
            for (int j = 1; j < n - 1; j++) {
                elements.add(new LineTo());
            }
            elements.add(new ClosePath());
        }
        return path;
    }

    static void place(Path path, double[] xy, int[] parts, double worldSize, double originX, double originY) {
        List<PathElement> elements = path.getElements();
        int e = 0;
        for (int r = 0; r + 1 < parts.length; r++) {
            for (int j = parts[r]; j < parts[r + 1] - 1; j++) {
                double x = originX + xy[2 * j] * worldSize;
                double y = originY + xy[2 * j + 1] * worldSize;
                PathElement el = elements.get(e++);
                if (el instanceof MoveTo m) {
                    m.setX(x);
                    m.setY(y);
                } else {
                    LineTo l = (LineTo) el;
                    l.setX(x);
                    l.setY(y);
                }
            }
            e++; // the ring's ClosePath
        }
    }
}
