package org.waterchain.app.map.view;

import com.gluonhq.maps.MapLayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import org.waterchain.app.session.RegistryView;
import org.waterchain.app.standards.ComplianceClass;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.RegisterFactory;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;

/**
 * The registry's channels, factories and stations over the basemap. Nodes are made once per feature;
 * {@link #layoutLayer()}, which Gluon Maps runs on every pan and zoom, only moves them (and shows or hides pooled
 * flow arrows), so a layout pass allocates nothing but the arrow positions.
 */
final class FeatureLayer extends MapLayer {
    static final double STATION_RADIUS = 7;
    static final double FACTORY_SIZE = 10;
    /** Screen distance between flow arrows. */
    static final double ARROW_SPACING = 110;

    private final Group channels = new Group();
    private final Group factories = new Group();
    private final Group stations = new Group();
    private final List<ChannelNodes> channelNodes = new ArrayList<>();
    private final Map<String, Circle> stationNodes = new LinkedHashMap<>();
    private final Map<String, Rectangle> factoryNodes = new LinkedHashMap<>();
    private final Map<String, GeoPoint> stationPlaces = new LinkedHashMap<>();
    private final Map<String, GeoPoint> factoryPlaces = new LinkedHashMap<>();
    private final Runnable afterLayout;
    private Node selected;

    FeatureLayer(RegistryView registry, Consumer<Selection> onPick, Runnable afterLayout) {
        this.afterLayout = afterLayout;
        getChildren().addAll(channels, factories, stations);
        for (AddChannel c : registry.channels()) {
            Polyline line = new Polyline();
            line.setId("map-channel-" + c.id());
            line.getStyleClass().add("map-channel");
            pickable(line, new Selection(Selection.Kind.CHANNEL, c.id()), onPick);
            Group arrows = new Group();
            arrows.setMouseTransparent(true);
            channels.getChildren().addAll(line, arrows);
            channelNodes.add(new ChannelNodes(c, line, arrows));
        }
        for (RegisterFactory f : registry.factories().values()) {
            Rectangle r = new Rectangle(FACTORY_SIZE, FACTORY_SIZE);
            r.setId("map-factory-" + f.id());
            r.getStyleClass().add("map-factory");
            Tooltip.install(r, new Tooltip(f.name() + " — " + f.industry()));
            pickable(r, new Selection(Selection.Kind.FACTORY, f.id()), onPick);
            factories.getChildren().add(r);
            factoryNodes.put(f.id(), r);
            factoryPlaces.put(f.id(), f.location());
        }
        for (RegisterStation s : registry.stationList()) {
            Circle c = new Circle(STATION_RADIUS, colour(ComplianceClass.NONE));
            c.setId("map-station-" + s.id());
            c.getStyleClass().add("map-station");
            Tooltip.install(c, new Tooltip(s.id() + " " + s.name()));
            pickable(c, new Selection(Selection.Kind.STATION, s.id()), onPick);
            stations.getChildren().add(c);
            stationNodes.put(s.id(), c);
            stationPlaces.put(s.id(), s.location());
        }
    }

    private static void pickable(Node n, Selection f, Consumer<Selection> onPick) {
        n.setOnMouseClicked(e -> {
            if (e.isStillSincePress()) {
                onPick.accept(f);
                e.consume();
            }
        });
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

    void setClass(String stationId, ComplianceClass c) {
        Circle n = stationNodes.get(stationId);
        if (n != null) {
            n.setFill(colour(c));
        }
    }

    void show(Selection.Kind kind, boolean visible) {
        switch (kind) {
            case CHANNEL -> channels.setVisible(visible);
            case STATION -> stations.setVisible(visible);
            case FACTORY -> factories.setVisible(visible);
        }
    }

    void select(Selection f) {
        if (selected != null) {
            selected.getStyleClass().remove("selected");
        }
        selected = f == null ? null : switch (f.kind()) {
            case STATION -> stationNodes.get(f.id());
            case FACTORY -> factoryNodes.get(f.id());
            case CHANNEL -> channelNodes.stream().filter(c -> c.channel.id().equals(f.id())).map(c -> (Node) c.line)
                    .findFirst().orElse(null);
        };
        if (selected != null) {
            selected.getStyleClass().add("selected");
        }
    }

    /** Where the station is drawn, in this layer's (and the map view's) coordinates. */
    Optional<Point2D> stationPoint(String stationId) {
        GeoPoint p = stationPlaces.get(stationId);
        return p == null || baseMap == null ? Optional.empty() : Optional.of(getMapPoint(p.lat(), p.lon()));
    }

    /**
     * Gluon Maps lays layers out before its base map applies a new zoom or centre, and the base map's change then
     * comes too late in the same pass: without these listeners the features lag one zoom step behind the tiles.
     */
    private final javafx.beans.InvalidationListener viewMoved = o -> markDirty();
    private com.gluonhq.impl.maps.BaseMap watched;

    @Override
    protected void initialize() {
        if (watched != null) {
            watched.zoom().removeListener(viewMoved);
            watched.centerLat().removeListener(viewMoved);
            watched.centerLon().removeListener(viewMoved);
        }
        watched = baseMap;
        baseMap.zoom().addListener(viewMoved);
        baseMap.centerLat().addListener(viewMoved);
        baseMap.centerLon().addListener(viewMoved);
    }

    /** Lets the map lay this layer out again after it moved to a new map view. */
    void refresh() {
        markDirty();
    }

    @Override
    protected void layoutLayer() {
        for (ChannelNodes c : channelNodes) {
            c.layout();
        }
        stationNodes.forEach((id, n) -> {
            Point2D p = place(stationPlaces.get(id));
            n.setCenterX(p.getX());
            n.setCenterY(p.getY());
        });
        factoryNodes.forEach((id, n) -> {
            Point2D p = place(factoryPlaces.get(id));
            n.setX(p.getX() - FACTORY_SIZE / 2);
            n.setY(p.getY() - FACTORY_SIZE / 2);
        });
        afterLayout.run();
    }

    private Point2D place(GeoPoint p) {
        return getMapPoint(p.lat(), p.lon());
    }

    /** One channel's line and its pool of arrows (grown when zooming in, hidden rather than removed when out). */
    private final class ChannelNodes {
        final AddChannel channel;
        final Polyline line;
        final Group arrows;
        final double[] xs;
        final double[] ys;
        final Double[] points;

        ChannelNodes(AddChannel channel, Polyline line, Group arrows) {
            this.channel = channel;
            this.line = line;
            this.arrows = arrows;
            int n = channel.geometry().size();
            xs = new double[n];
            ys = new double[n];
            points = new Double[2 * n];
        }

        void layout() {
            List<GeoPoint> g = channel.geometry();
            for (int i = 0; i < g.size(); i++) {
                Point2D p = place(g.get(i));
                xs[i] = p.getX();
                ys[i] = p.getY();
                points[2 * i] = xs[i];
                points[2 * i + 1] = ys[i];
            }
            line.getPoints().setAll(points);
            List<FlowArrows.Arrow> placed = FlowArrows.place(xs, ys, ARROW_SPACING);
            List<Node> pool = arrows.getChildren();
            while (pool.size() < placed.size()) {
                Polygon head = new Polygon(5, 0, -4, -4.5, -4, 4.5);
                head.getStyleClass().add("map-flow-arrow");
                pool.add(head);
            }
            for (int i = 0; i < pool.size(); i++) {
                Node head = pool.get(i);
                if (i < placed.size()) {
                    FlowArrows.Arrow a = placed.get(i);
                    head.setTranslateX(a.x());
                    head.setTranslateY(a.y());
                    head.setRotate(a.angleDeg());
                    head.setVisible(true);
                } else {
                    head.setVisible(false);
                }
            }
        }
    }
}
