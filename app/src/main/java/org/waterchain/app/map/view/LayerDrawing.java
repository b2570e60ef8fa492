package org.waterchain.app.map.view;

import java.util.BitSet;
import javafx.scene.Group;
import javafx.scene.Node;
import org.waterchain.app.map.geo.BoundingBox;
import org.waterchain.app.map.geo.MapFeature;

/**
 * The nodes of one layer, made the first time their feature comes into view and reused after. A layout places only
 * the features in view: after a zoom each is placed once, at its first layout in view; a pan moves the whole group
 * and places only what newly came in. Node coordinates are relative to the view as it was at the last zoom, so they
 * stay small (JavaFX draws in float precision) whatever the zoom.
 */
abstract class LayerDrawing {
    /** Re-place everything after a pan this long, to keep node coordinates small. */
    static final double REBASE_PX = 50_000;

    final PreparedLayer prepared;
    final FeatureLayer map;
    final Group group = new Group();
    private final Node[] nodes;
    private final int[] placedAt;
    private BitSet shown = new BitSet();
    private BitSet next = new BitSet();
    private int generation;
    private double refZoom = Double.NaN;
    private double refX;
    private double refY;

    LayerDrawing(PreparedLayer prepared, FeatureLayer map) {
        this.prepared = prepared;
        this.map = map;
        this.nodes = new Node[prepared.size()];
        this.placedAt = new int[prepared.size()];
        group.setManaged(false);
    }

    /** Makes feature i's node (once); the drawing adds it to its group. */
    abstract Node create(int i, MapFeature f);

    /**
     * Puts feature i's node where it belongs: the unit-square position times {@code worldSize}, plus the
     * reference origin.
     */
    abstract void place(int i, Node n, double worldSize, double originX, double originY);

    void layout(Viewport v, BoundingBox area) {
        if (v.zoom() != refZoom || Math.abs(v.originX() - refX) > REBASE_PX || Math.abs(v.originY() - refY) > REBASE_PX) {
            refZoom = v.zoom();
            refX = v.originX();
            refY = v.originY();
            generation++;
        }
        group.setTranslateX(v.originX() - refX);
        group.setTranslateY(v.originY() - refY);
        next.clear();
        prepared.index().boxesTouching(area, next);
        for (int i = shown.nextSetBit(0); i >= 0; i = shown.nextSetBit(i + 1)) {
            if (!next.get(i)) {
                nodes[i].setVisible(false);
            }
        }
        double w = v.worldSize();
        for (int i = next.nextSetBit(0); i >= 0; i = next.nextSetBit(i + 1)) {
            Node n = nodes[i];
            if (n == null) {
                n = create(i, prepared.feature(i));
                n.setManaged(false);
                style(i, n);
                nodes[i] = n;
                group.getChildren().add(n);
            }
            if (placedAt[i] != generation) {
                place(i, n, w, refX, refY);
                placedAt[i] = generation;
            }
            n.setVisible(true);
        }
        BitSet was = shown;
        shown = next;
        next = was;
    }

    /** The node of feature i, or null until it has been in view. */
    Node node(int i) {
        return nodes[i];
    }

    boolean inView(int i) {
        return shown.get(i);
    }

    /** How many features have nodes: what culling and laziness saved is the rest. */
    int created() {
        int n = 0;
        for (Node node : nodes) {
            n += node == null ? 0 : 1;
        }
        return n;
    }

    int inViewCount() {
        return shown.cardinality();
    }

    /** Applies the map's shared state (selection, classes, alarms, unit states) to the nodes made so far. */
    void restyle() {
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] != null) {
                style(i, nodes[i]);
            }
        }
    }

    /** Sets feature i's node's look from the map's shared state; called on creation and on {@link #restyle()}. */
    abstract void style(int i, Node n);

    String layerId() {
        return prepared.layer().id();
    }

    boolean isSelected(int i) {
        Selection s = map.selection();
        return s != null && s.layerId().equals(layerId()) && s.featureId().equals(prepared.feature(i).id());
    }

    /** A node id unique in the scene: registry and demo layers keep the short form tests and CSS know. */
    String nodeId(String kindPrefix, MapFeature f) {
        return prepared.layer().origin() == VectorLayer.Origin.IMPORTED
                ? "map-" + layerId() + "-" + f.id() : "map-" + kindPrefix + "-" + f.id();
    }
}
