package org.waterchain.app.map.view;

import com.gluonhq.maps.MapLayer;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;
import org.waterchain.ledger.registry.GeoPoint;

/**
 * A traced pollution event drawn over the map's layers: the pathway's channels as a broad translucent red band,
 * a ring on every polluted station (thicker on a source) and a frame around the likeliest discharging factory.
 * A handful of nodes, placed on every layout pass through the map's own projection.
 */
final class TraceOverlay extends MapLayer {
    static final Color PATHWAY = Color.rgb(0xC0, 0x39, 0x2B, 0.55);
    static final Color SUSPECT = Color.rgb(0x8E, 0x24, 0xAA);

    /** A polluted station of the trace. */
    record Station(String id, GeoPoint at, boolean source) {}

    /** The likeliest discharger of a source. */
    record Suspect(String id, String name, GeoPoint at) {}

    private final List<List<GeoPoint>> lines = new ArrayList<>();
    private final List<Polyline> lineNodes = new ArrayList<>();
    private final List<Station> stations = new ArrayList<>();
    private final List<Circle> rings = new ArrayList<>();
    private final List<Suspect> suspects = new ArrayList<>();
    private final List<Rectangle> frames = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();

    TraceOverlay() {
        setMouseTransparent(true);
        setId("map-trace");
    }

    void show(List<List<GeoPoint>> channels, List<Station> polluted, List<Suspect> likeliest) {
        clear();
        for (List<GeoPoint> c : channels) {
            Polyline p = new Polyline();
            p.setStroke(PATHWAY);
            p.setStrokeWidth(9);
            p.setStrokeLineCap(StrokeLineCap.ROUND);
            lines.add(c);
            lineNodes.add(p);
        }
        for (Station s : polluted) {
            Circle ring = new Circle(s.source() ? 15 : 12, Color.TRANSPARENT);
            ring.setStroke(Color.rgb(0xC0, 0x39, 0x2B));
            ring.setStrokeWidth(s.source() ? 4 : 2.5);
            ring.setId("map-trace-station-" + s.id());
            stations.add(s);
            rings.add(ring);
        }
        for (Suspect f : likeliest) {
            Rectangle frame = new Rectangle(22, 22, Color.TRANSPARENT);
            frame.setStroke(SUSPECT);
            frame.setStrokeWidth(3);
            frame.setId("map-trace-suspect-" + f.id());
            Label label = new Label("likeliest: " + f.id());
            label.setStyle("-fx-background-color: rgba(255,255,255,0.85); -fx-text-fill: #6a1b9a; -fx-font-weight: bold;"
                    + " -fx-padding: 1 4 1 4; -fx-background-radius: 3;");
            suspects.add(f);
            frames.add(frame);
            labels.add(label);
        }
        getChildren().addAll(lineNodes);
        getChildren().addAll(rings);
        getChildren().addAll(frames);
        getChildren().addAll(labels);
        markDirty();
    }

    void clear() {
        getChildren().clear();
        lines.clear();
        lineNodes.clear();
        stations.clear();
        rings.clear();
        suspects.clear();
        frames.clear();
        labels.clear();
    }

    boolean isShowing() {
        return !stations.isEmpty();
    }

    @Override
    protected void layoutLayer() {
        for (int i = 0; i < lines.size(); i++) {
            List<Double> xy = new ArrayList<>();
            for (GeoPoint g : lines.get(i)) {
                Point2D p = getMapPoint(g.lat(), g.lon());
                xy.add(p.getX());
                xy.add(p.getY());
            }
            lineNodes.get(i).getPoints().setAll(xy);
        }
        for (int i = 0; i < stations.size(); i++) {
            Point2D p = getMapPoint(stations.get(i).at().lat(), stations.get(i).at().lon());
            rings.get(i).setCenterX(p.getX());
            rings.get(i).setCenterY(p.getY());
        }
        for (int i = 0; i < suspects.size(); i++) {
            Point2D p = getMapPoint(suspects.get(i).at().lat(), suspects.get(i).at().lon());
            frames.get(i).relocate(p.getX() - 11, p.getY() - 11);
            // a label outside a layout pane is sized by no one else
            labels.get(i).autosize();
            labels.get(i).relocate(p.getX() + 14, p.getY() - 24);
        }
    }
}
