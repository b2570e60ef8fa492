package org.waterchain.app.map.view;

import com.gluonhq.impl.maps.BaseMap;
import com.gluonhq.maps.MapLayer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.waterchain.app.map.geo.BoundingBox;
import org.waterchain.app.map.geo.Geometry;
import org.waterchain.app.map.geo.LayerKind;
import org.waterchain.app.map.geo.MapFeature;
import org.waterchain.app.map.geo.Position;
import org.waterchain.app.map.geo.SpatialIndex;
import org.waterchain.app.map.geo.UnitState;
import org.waterchain.app.standards.ComplianceClass;

/**
 * Every vector layer of the map over the basemap, in one Gluon {@link MapLayer}: irrigation units at the bottom, then
 * channels, factories, stations, and the alarm rings on top; layers of a kind in the order they were added. Gluon
 * runs {@link #layoutLayer()} on every layout pass, so a pass with the same view as the last one returns at once,
 * and a pan or zoom touches only what is in view (see {@link LayerDrawing}). Clicks and hovers are answered from the
 * layers' spatial indexes, not by picking nodes, so the nodes are mouse-transparent and a thin channel is as easy
 * to hit as a station. Owned by the FX thread once shown.
 */
public final class FeatureLayer extends MapLayer {
    /** Clicks within this many pixels of a station or factory, or of a channel, pick it. */
    static final double POINT_TOLERANCE_PX = 9;
    static final double LINE_TOLERANCE_PX = 6;
    /** Features this far outside the view are made ready before they scroll in. */
    static final double MARGIN_PX = 128;

    private static final List<List<LayerKind>> PICK_TIERS = List.of(
            List.of(LayerKind.STATIONS, LayerKind.FACTORIES), List.of(LayerKind.CHANNELS), List.of(LayerKind.IRRIGATION_UNITS));

    private final Map<LayerKind, Group> bands = new LinkedHashMap<>();
    private final Group rings = new Group();
    private final Map<String, LayerDrawing> drawings = new LinkedHashMap<>();
    private final Map<String, ComplianceClass> classes = new HashMap<>();
    private final Map<String, UnitState> unitStates = new HashMap<>();
    private Set<String> alarmed = Set.of();
    private final DoubleProperty pulse = new SimpleDoubleProperty();
    private final DoubleBinding ringScale = pulse.multiply(0.9).add(1);
    private final DoubleBinding ringOpacity = pulse.multiply(-0.85).add(1);
    private final Timeline flash = new Timeline(new KeyFrame(Duration.ZERO, new KeyValue(pulse, 0)),
            new KeyFrame(Duration.seconds(1.2), new KeyValue(pulse, 1)));
    private Runnable afterLayout = () -> {};
    private Selection selection;
    private Viewport last;
    private boolean contentChanged = true;

    public FeatureLayer() {
        for (LayerKind k : List.of(LayerKind.IRRIGATION_UNITS, LayerKind.CHANNELS, LayerKind.FACTORIES, LayerKind.STATIONS)) {
            Group band = new Group();
            band.setManaged(false);
            bands.put(k, band);
            getChildren().add(band);
        }
        rings.setManaged(false);
        getChildren().add(rings);
        setMouseTransparent(true);
        flash.setCycleCount(Animation.INDEFINITE);
    }

    /** Runs after each layout that moved something (the scale bar follows the zoom). */
    void onLayout(Runnable r) {
        afterLayout = r;
    }

    /** Adds a layer above the others of its kind, or replaces the layer of the same id in its place. */
    public void put(PreparedLayer p) {
        VectorLayer layer = p.layer();
        LayerDrawing drawing = switch (layer.kind()) {
            case CHANNELS -> new ChannelDrawing(p, this);
            case STATIONS -> new StationDrawing(p, this);
            case FACTORIES -> new FactoryDrawing(p, this);
            case IRRIGATION_UNITS -> new UnitDrawing(p, this);
        };
        LayerDrawing old = drawings.get(layer.id());
        Group band = bands.get(layer.kind());
        int at = band.getChildren().size();
        if (old != null) {
            drawing.group.setVisible(old.group.isVisible());
            int was = band.getChildren().indexOf(old.group);
            detach(old);
            at = was >= 0 ? was : band.getChildren().size();
        }
        band.getChildren().add(at, drawing.group);
        drawings.put(layer.id(), drawing);
        if (drawing instanceof StationDrawing s) {
            rings.getChildren().add(s.rings());
            s.rings().visibleProperty().bind(drawing.group.visibleProperty());
        }
        restyleAlarms();
        changed();
    }

    void remove(String layerId) {
        LayerDrawing d = drawings.remove(layerId);
        if (d != null) {
            detach(d);
            if (selection != null && selection.layerId().equals(layerId)) {
                selection = null;
            }
            updateFlash();
        }
    }

    private void detach(LayerDrawing d) {
        bands.get(d.prepared.layer().kind()).getChildren().remove(d.group);
        if (d instanceof StationDrawing s) {
            s.setAlarmed(Set.of());
            s.rings().visibleProperty().unbind();
            rings.getChildren().remove(s.rings());
        }
    }

    void setVisible(String layerId, boolean visible) {
        LayerDrawing d = drawings.get(layerId);
        if (d != null && d.group.isVisible() != visible) {
            d.group.setVisible(visible);
            changed();
        }
    }

    boolean isVisible(String layerId) {
        LayerDrawing d = drawings.get(layerId);
        return d != null && d.group.isVisible();
    }

    List<PreparedLayer> layers() {
        return drawings.values().stream().map(d -> d.prepared).toList();
    }

    Optional<PreparedLayer> layer(String layerId) {
        return Optional.ofNullable(drawings.get(layerId)).map(d -> d.prepared);
    }

    private void changed() {
        contentChanged = true;
        markDirty();
    }

    // ---- shared state the drawings read ----

    Selection selection() {
        return selection;
    }

    void select(Selection s) {
        Selection before = selection;
        selection = s;
        for (Selection x : new Selection[] {before, s}) {
            if (x == null) {
                continue;
            }
            LayerDrawing d = drawings.get(x.layerId());
            int i = d == null ? -1 : d.prepared.indexOf(x.featureId());
            if (i >= 0 && d.node(i) != null) {
                d.style(i, d.node(i));
                if (x == s) {
                    d.node(i).toFront();
                }
            }
        }
    }

    ComplianceClass stationClass(String stationId) {
        return classes.getOrDefault(stationId, ComplianceClass.NONE);
    }

    void setStationClasses(Map<String, ComplianceClass> now) {
        if (!now.equals(classes)) {
            classes.clear();
            classes.putAll(now);
            restyle(LayerKind.STATIONS);
        }
    }

    UnitState unitState(String unitId) {
        return unitStates.getOrDefault(unitId, UnitState.NORMAL);
    }

    /** Units not named are NORMAL. */
    void setUnitStates(Map<String, UnitState> states) {
        unitStates.clear();
        unitStates.putAll(states);
        restyle(LayerKind.IRRIGATION_UNITS);
    }

    private void restyle(LayerKind kind) {
        for (LayerDrawing d : drawings.values()) {
            if (d.prepared.layer().kind() == kind) {
                d.restyle();
            }
        }
    }

    /** The stations that flash; the shared animation runs only while one does. */
    void setAlarmed(Set<String> stationIds) {
        alarmed = Set.copyOf(stationIds);
        restyleAlarms();
    }

    private void restyleAlarms() {
        for (LayerDrawing d : drawings.values()) {
            if (d instanceof StationDrawing s) {
                s.setAlarmed(alarmed);
            }
        }
        updateFlash();
    }

    private void updateFlash() {
        boolean any = !rings.getChildren().isEmpty() && rings.getChildren().stream()
                .anyMatch(g -> !((Group) g).getChildren().isEmpty());
        if (any && flash.getStatus() != Animation.Status.RUNNING) {
            flash.play();
        } else if (!any && flash.getStatus() == Animation.Status.RUNNING) {
            flash.stop();
            pulse.set(0);
        }
    }

    boolean isFlashing() {
        return flash.getStatus() == Animation.Status.RUNNING;
    }

    DoubleBinding ringScale() {
        return ringScale;
    }

    DoubleBinding ringOpacity() {
        return ringOpacity;
    }

    static void setSelected(Node n, boolean selected) {
        if (selected && !n.getStyleClass().contains("selected")) {
            n.getStyleClass().add("selected");
        } else if (!selected) {
            n.getStyleClass().remove("selected");
        }
    }

    // ---- layout ----

    /**
     * Gluon lays layers out before its base map applies a new zoom or centre, and the base map's change comes too
     * late in the same pass: these listeners ask for another pass, or the features would lag one step behind.
     */
    private final InvalidationListener viewMoved = o -> markDirty();
    private BaseMap watched;

    @Override
    protected void initialize() {
        if (watched != null) {
            watched.zoom().removeListener(viewMoved);
            watched.translateXProperty().removeListener(viewMoved);
            watched.translateYProperty().removeListener(viewMoved);
        }
        watched = baseMap;
        baseMap.zoom().addListener(viewMoved);
        baseMap.translateXProperty().addListener(viewMoved);
        baseMap.translateYProperty().addListener(viewMoved);
        last = null;
        markDirty();
    }

    /** Lets the map lay this layer out again after it moved to a new map view. */
    void refresh() {
        last = null;
        markDirty();
    }

    @Override
    protected void layoutLayer() {
        if (baseMap == null || !(getParent() instanceof Region view)) {
            return;
        }
        Viewport v = new Viewport(baseMap.zoom().get(), baseMap.getTranslateX(), baseMap.getTranslateY(),
                view.getWidth(), view.getHeight());
        if (layout(v)) {
            afterLayout.run();
        }
    }

    /**
     * Lays every shown layer out for the view; what Gluon's layout pass runs, public for the layout benchmark.
     * Returns false, having done nothing, when neither the view nor the layers changed since the last call.
     */
    public boolean layout(Viewport v) {
        if (v.isEmpty() || (!contentChanged && v.equals(last))) {
            return false;
        }
        BoundingBox area = v.area(MARGIN_PX);
        for (LayerDrawing d : drawings.values()) {
            if (d.group.isVisible()) {
                d.layout(v, area);
            }
        }
        last = v;
        contentChanged = false;
        return true;
    }

    /** Features with nodes / features in view, over all layers: what the benchmark reports beside its times. */
    public int[] nodeCounts() {
        int created = 0;
        int inView = 0;
        for (LayerDrawing d : drawings.values()) {
            created += d.created();
            inView += d.inViewCount();
        }
        return new int[] {created, inView};
    }

    // ---- clicks and places ----

    /**
     * The feature under a point of the map view: the nearest station or factory within a few pixels, else the
     * nearest channel, else the irrigation unit containing the point; among shown layers only, the top one first.
     */
    Optional<Selection> hit(double x, double y) {
        if (last == null) {
            return Optional.empty();
        }
        Position at = last.position(x, y);
        double metresPerPx = ScaleBar.metresPerPixel(at.lat(), last.zoom());
        List<LayerDrawing> topFirst = new ArrayList<>(drawings.values());
        java.util.Collections.reverse(topFirst);
        for (List<LayerKind> tier : PICK_TIERS) {
            double tolerance = metresPerPx * (tier.contains(LayerKind.STATIONS) ? POINT_TOLERANCE_PX
                    : tier.contains(LayerKind.CHANNELS) ? LINE_TOLERANCE_PX : 1);
            Selection best = null;
            double bestD = Double.POSITIVE_INFINITY;
            for (LayerDrawing d : topFirst) {
                if (!d.group.isVisible() || !tier.contains(d.prepared.layer().kind())) {
                    continue;
                }
                Optional<SpatialIndex.Hit<MapFeature>> h = d.prepared.index().nearest(at, tolerance);
                if (h.isPresent() && h.get().distanceM() < bestD) {
                    bestD = h.get().distanceM();
                    best = new Selection(d.layerId(), d.prepared.layer().kind(), h.get().feature().id());
                }
            }
            if (best != null) {
                return Optional.of(best);
            }
        }
        return Optional.empty();
    }

    /** The feature's data, if its layer is still on the map. */
    Optional<MapFeature> feature(Selection s) {
        LayerDrawing d = drawings.get(s.layerId());
        int i = d == null ? -1 : d.prepared.indexOf(s.featureId());
        return i < 0 ? Optional.empty() : Optional.of(d.prepared.feature(i));
    }

    /**
     * Where a feature is drawn, in the map view's coordinates: a point's place, a line's middle vertex pair's
     * midpoint, a polygon's vertex average (inside the convex units and footprints the map draws).
     */
    Optional<Point2D> screenPoint(String layerId, String featureId) {
        LayerDrawing d = drawings.get(layerId);
        int i = d == null ? -1 : d.prepared.indexOf(featureId);
        if (i < 0 || last == null) {
            return Optional.empty();
        }
        Position p = representative(d.prepared.feature(i).geometry());
        return Optional.of(new Point2D(last.screenX(p.lon()), last.screenY(p.lat())));
    }

    static Position representative(Geometry g) {
        if (g instanceof Geometry.LineString l) {
            List<Position> ps = l.points();
            Position a = ps.get((ps.size() - 1) / 2);
            Position b = ps.get((ps.size() - 1) / 2 + 1);
            return new Position((a.lon() + b.lon()) / 2, (a.lat() + b.lat()) / 2);
        }
        if (g instanceof Geometry.Polygon p) {
            List<Position> ring = p.exterior().subList(0, p.exterior().size() - 1);
            return new Position(ring.stream().mapToDouble(Position::lon).average().orElseThrow(),
                    ring.stream().mapToDouble(Position::lat).average().orElseThrow());
        }
        return g.positions().get(0);
    }
}
