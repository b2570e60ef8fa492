package org.waterchain.app.map.basemap;

import java.util.List;

/**
 * One polygon of land in degrees: the outer ring first, then its holes (lakes), each ring as interleaved
 * {@code lon, lat} pairs, closed or not. The bounding box is kept beside the rings so a tile can skip the many
 * polygons it does not touch without looking at a single vertex.
 */
public record LandPolygon(List<double[]> rings, double west, double south, double east, double north) {
    public LandPolygon {
        if (rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon needs at least its outer ring");
        }
        rings = List.copyOf(rings);
    }

    /** A polygon with its bounding box taken from the outer ring (holes lie inside it). */
    public static LandPolygon of(List<double[]> rings) {
        double[] outer = rings.get(0);
        double w = Double.POSITIVE_INFINITY;
        double s = Double.POSITIVE_INFINITY;
        double e = Double.NEGATIVE_INFINITY;
        double n = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < outer.length; i += 2) {
            w = Math.min(w, outer[i]);
            e = Math.max(e, outer[i]);
            s = Math.min(s, outer[i + 1]);
            n = Math.max(n, outer[i + 1]);
        }
        return new LandPolygon(rings, w, s, e, n);
    }

    public boolean intersects(double w, double s, double e, double n) {
        return west <= e && east >= w && south <= n && north >= s;
    }

    /** Whether the point is on land: inside the outer ring and in none of the holes (even-odd over all rings). */
    public boolean contains(double lon, double lat) {
        if (!intersects(lon, lat, lon, lat)) {
            return false;
        }
        boolean inside = false;
        for (double[] ring : rings) {
            int n = ring.length / 2;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double xi = ring[2 * i];
                double yi = ring[2 * i + 1];
                double xj = ring[2 * j];
                double yj = ring[2 * j + 1];
                if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }
}
