package org.waterchain.app.map.geo;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * An immutable uniform-grid index over map features for viewport queries and click selection. A grid
 * suits the map's data (thousands of small, evenly spread features in one region) and is simpler to get
 * right than an R-tree; a feature is listed in every cell its bounding box overlaps. Thread-safe: queries
 * allocate their own scratch state.
 */
public final class SpatialIndex<T extends MapFeature> {
    /** A selected feature and its distance from the click, in metres. */
    public record Hit<T>(T feature, double distanceM) {
    }

    private final List<T> items;
    private final BoundingBox[] boxes;
    private final BoundingBox extent;
    private final int cols;
    private final int rows;
    private final double cellW;
    private final double cellH;
    private final int[][] cells;

    private SpatialIndex(List<T> items) {
        this.items = List.copyOf(items);
        int n = this.items.size();
        boxes = new BoundingBox[n];
        BoundingBox all = null;
        for (int i = 0; i < n; i++) {
            boxes[i] = this.items.get(i).geometry().bbox();
            all = all == null ? boxes[i] : all.union(boxes[i]);
        }
        extent = all == null ? new BoundingBox(0, 0, 0, 0) : all;
        // About two features per cell, shaped like the extent; a degenerate extent gets a single row/column.
        double w = Math.max(extent.width(), 1e-9), h = Math.max(extent.height(), 1e-9);
        int target = Math.max(1, n / 2);
        cols = clamp((int) Math.round(Math.sqrt(target * w / h)));
        rows = clamp((int) Math.round((double) target / cols));
        cellW = w / cols;
        cellH = h / rows;
        int[] counts = new int[cols * rows];
        for (BoundingBox b : boxes) {
            forCells(b, c -> counts[c]++);
        }
        cells = new int[cols * rows][];
        for (int c = 0; c < counts.length; c++) {
            cells[c] = new int[counts[c]];
            counts[c] = 0;
        }
        for (int i = 0; i < n; i++) {
            int item = i;
            forCells(boxes[i], c -> cells[c][counts[c]++] = item);
        }
    }

    public static <T extends MapFeature> SpatialIndex<T> of(List<T> items) {
        return new SpatialIndex<>(items);
    }

    private static int clamp(int v) {
        return Math.max(1, Math.min(v, 2048));
    }

    public int size() {
        return items.size();
    }

    public BoundingBox extent() {
        return extent;
    }

    /** Features whose geometry touches the box, in insertion order (so drawing order is stable). */
    public List<T> within(BoundingBox box) {
        BitSet hits = new BitSet(items.size());
        boxesTouching(box, hits);
        List<T> out = new ArrayList<>(hits.cardinality());
        for (int i = hits.nextSetBit(0); i >= 0; i = hits.nextSetBit(i + 1)) {
            if (Planar.intersects(items.get(i).geometry(), box)) {
                out.add(items.get(i));
            }
        }
        return out;
    }

    /**
     * Sets in {@code out} the positions (in the list the index was built from) of the features whose bounding box
     * touches the box, leaving its other bits alone. A superset of {@link #within}, without its exact geometry test:
     * the map culls with it on every pan, where drawing a little more than needed costs less than testing.
     */
    public void boxesTouching(BoundingBox box, BitSet out) {
        if (items.isEmpty() || !box.intersects(extent)) {
            return;
        }
        forCells(box, c -> {
            for (int i : cells[c]) {
                if (!out.get(i) && boxes[i].intersects(box)) {
                    out.set(i);
                }
            }
        });
    }

    /** The feature at a position of the list the index was built from. */
    public T get(int i) {
        return items.get(i);
    }

    /**
     * The feature nearest to the point within the tolerance (metres), for a click; ties go to the feature
     * inserted last, which the map draws on top.
     */
    public Optional<Hit<T>> nearest(Position click, double toleranceM) {
        if (items.isEmpty() || !(toleranceM >= 0)) {
            return Optional.empty();
        }
        double dLat = toleranceM / Planar.M_PER_DEG_LAT;
        double dLon = toleranceM / Math.max(Planar.metresPerDegreeLon(Math.min(89, Math.abs(click.lat()) + dLat)), 1);
        BoundingBox search = new BoundingBox(click.lon() - dLon, click.lat() - dLat, click.lon() + dLon, click.lat() + dLat);
        if (!search.intersects(extent)) {
            return Optional.empty();
        }
        BitSet candidates = new BitSet(items.size());
        forCells(search, c -> {
            for (int i : cells[c]) {
                candidates.set(i);
            }
        });
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            if (!boxes[i].intersects(search)) {
                continue;
            }
            double d = Planar.distanceM(click, items.get(i).geometry());
            if (d <= toleranceM && d <= bestD) {
                best = i;
                bestD = d;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new Hit<>(items.get(best), bestD));
    }

    private interface CellVisitor {
        void visit(int cell);
    }

    private void forCells(BoundingBox b, CellVisitor v) {
        int c0 = col(b.minLon()), c1 = col(b.maxLon());
        int r0 = row(b.minLat()), r1 = row(b.maxLat());
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                v.visit(r * cols + c);
            }
        }
    }

    private int col(double lon) {
        return Math.max(0, Math.min(cols - 1, (int) Math.floor((lon - extent.minLon()) / cellW)));
    }

    private int row(double lat) {
        return Math.max(0, Math.min(rows - 1, (int) Math.floor((lat - extent.minLat()) / cellH)));
    }
}
