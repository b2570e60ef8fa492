package org.waterchain.app.map.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.waterchain.app.map.geo.Geometry;
import org.waterchain.app.map.geo.MapFeature;
import org.waterchain.app.map.geo.Position;
import org.waterchain.app.map.geo.SpatialIndex;
import org.waterchain.app.map.tiles.WebMercator;

/**
 * A layer made ready to draw, off the FX thread: every position projected once to the web-Mercator unit square (so a
 * zoom only scales and a pan only shifts), and a spatial index for culling and clicks. Immutable; the arrays are
 * never written after construction.
 */
public final class PreparedLayer {
    private final VectorLayer layer;
    private final SpatialIndex<MapFeature> index;
    private final double[][] xy;
    private final int[][] rings;
    private final Map<String, Integer> positions;

    private PreparedLayer(VectorLayer layer) {
        this.layer = layer;
        List<MapFeature> features = new ArrayList<>(layer.data().features());
        this.index = SpatialIndex.of(features);
        this.xy = new double[features.size()][];
        this.rings = new int[features.size()][];
        this.positions = new HashMap<>(features.size() * 2);
        for (int i = 0; i < features.size(); i++) {
            MapFeature f = features.get(i);
            project(i, f.geometry());
            positions.putIfAbsent(f.id(), i);
        }
    }

    public static PreparedLayer of(VectorLayer layer) {
        return new PreparedLayer(layer);
    }

    private void project(int i, Geometry g) {
        List<List<Position>> parts = g instanceof Geometry.Polygon p ? p.rings() : List.of(g.positions());
        int n = 0;
        for (List<Position> part : parts) {
            n += part.size();
        }
        double[] out = new double[2 * n];
        int[] starts = new int[parts.size() + 1];
        int k = 0;
        for (int r = 0; r < parts.size(); r++) {
            starts[r] = k / 2;
            for (Position p : parts.get(r)) {
                out[k++] = WebMercator.nx(p.lon());
                out[k++] = WebMercator.ny(p.lat());
            }
        }
        starts[parts.size()] = n;
        xy[i] = out;
        rings[i] = starts;
    }

    public VectorLayer layer() {
        return layer;
    }

    SpatialIndex<MapFeature> index() {
        return index;
    }

    int size() {
        return xy.length;
    }

    MapFeature feature(int i) {
        return index.get(i);
    }

    /** Interleaved unit-square x, y of every position of feature i (a polygon's rings one after another). */
    double[] xy(int i) {
        return xy[i];
    }

    /** Where each ring (or the one line or point) of feature i starts, in positions, plus the total at the end. */
    int[] parts(int i) {
        return rings[i];
    }

    /** The feature's position in the layer, or -1 when it has no such feature (typed layers have unique ids). */
    int indexOf(String featureId) {
        return positions.getOrDefault(featureId, -1);
    }
}
