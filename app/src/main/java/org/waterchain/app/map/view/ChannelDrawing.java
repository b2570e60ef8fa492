package org.waterchain.app.map.view;

import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import org.waterchain.app.map.geo.Channel;
import org.waterchain.app.map.geo.MapFeature;

/**
 * Channels as lines with flow arrows in coordinate order (upstream to downstream). A line keeps only vertices about
 * {@link #MIN_STEP_PX} or more apart on screen, so a zoomed-out river network is not thousands of sub-pixel segments.
 * NHDPlus reaches carry their Strahler order (StreamOrde), which sets the line width: a creek reads as a creek.
 */
final class ChannelDrawing extends LayerDrawing {
    /** Screen distance between flow arrows. */
    static final double ARROW_SPACING = 110;
    static final double MIN_STEP_PX = 1.0;

    private double[] xs = new double[16];
    private double[] ys = new double[16];

    ChannelDrawing(PreparedLayer prepared, FeatureLayer map) {
        super(prepared, map);
    }

    /** Line width class of a reach: from its stream order where it has one, else the project's channel width. */
    static String widthClass(MapFeature f) {
        if (f instanceof Channel c && c.attributes().get("StreamOrde") instanceof Number order) {
            int o = order.intValue();
            return o <= 1 ? "map-reach-1" : o <= 2 ? "map-reach-2" : o <= 4 ? "map-reach-3" : "map-reach-5";
        }
        return "map-reach-main";
    }

    @Override
    Node create(int i, MapFeature f) {
        Polyline line = new Polyline();
        line.setId(nodeId("channel", f));
        line.getStyleClass().addAll("map-channel", widthClass(f));
        Group arrows = new Group();
        arrows.setMouseTransparent(true);
        return new Group(line, arrows);
    }

    @Override
    void style(int i, Node n) {
        Group g = (Group) n;
        FeatureLayer.setSelected(g.getChildren().get(0), isSelected(i));
    }

    @Override
    void place(int i, Node n, double worldSize, double originX, double originY) {
        double[] xy = prepared.xy(i);
        int count = xy.length / 2;
        if (xs.length < count) {
            xs = new double[count];
            ys = new double[count];
        }
        int k = 0;
        for (int j = 0; j < count; j++) {
            double x = originX + xy[2 * j] * worldSize;
            double y = originY + xy[2 * j + 1] * worldSize;
            if (k == 0 || j == count - 1 || Math.abs(x - xs[k - 1]) + Math.abs(y - ys[k - 1]) >= MIN_STEP_PX) {
                xs[k] = x;
                ys[k] = y;
                k++;
            }
        }
        Double[] points = new Double[2 * k];
        for (int j = 0; j < k; j++) {
            points[2 * j] = xs[j];
            points[2 * j + 1] = ys[j];
        }
        Group g = (Group) n;
        ((Polyline) g.getChildren().get(0)).getPoints().setAll(points);
        arrows((Group) g.getChildren().get(1), FlowArrows.place(xs, ys, k, ARROW_SPACING));
    }

    /** A pool of arrow heads per channel, grown when zooming in and hidden rather than removed when out. */
    private static void arrows(Group arrows, List<FlowArrows.Arrow> placed) {
        List<Node> pool = arrows.getChildren();
        while (pool.size() < placed.size()) {
            Polygon head = new Polygon(5, 0, -4, -4.5, -4, 4.5);
            head.getStyleClass().add("map-flow-arrow");
            head.setManaged(false);
            pool.add(head);
        }
        for (int a = 0; a < pool.size(); a++) {
            Node head = pool.get(a);
            if (a < placed.size()) {
                FlowArrows.Arrow arrow = placed.get(a);
                head.setTranslateX(arrow.x());
                head.setTranslateY(arrow.y());
                head.setRotate(arrow.angleDeg());
                head.setVisible(true);
            } else {
                head.setVisible(false);
            }
        }
    }
}
