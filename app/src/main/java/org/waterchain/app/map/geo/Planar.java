package org.waterchain.app.map.geo;

import java.util.List;

/**
 * Distances and box tests for click selection. Distances use a local equirectangular projection around the
 * query point: within a click tolerance (metres to a few km) its error is far below a pixel, and it avoids
 * a projection library.
 */
final class Planar {
    static final double EARTH_RADIUS_M = 6_371_008.8;
    static final double M_PER_DEG_LAT = EARTH_RADIUS_M * Math.PI / 180;

    private Planar() {
    }

    static double metresPerDegreeLon(double lat) {
        return M_PER_DEG_LAT * Math.cos(Math.toRadians(lat));
    }

    /** Distance in metres from q to the geometry; 0 inside a polygon (outside its holes). */
    static double distanceM(Position q, Geometry g) {
        double kx = metresPerDegreeLon(q.lat());
        double ky = M_PER_DEG_LAT;
        if (g instanceof Geometry.Point p) {
            return Math.hypot((p.position().lon() - q.lon()) * kx, (p.position().lat() - q.lat()) * ky);
        }
        if (g instanceof Geometry.MultiPoint m) {
            double best = Double.POSITIVE_INFINITY;
            for (Position p : m.points()) {
                best = Math.min(best, Math.hypot((p.lon() - q.lon()) * kx, (p.lat() - q.lat()) * ky));
            }
            return best;
        }
        if (g instanceof Geometry.LineString l) {
            return lineDistance(q, l.points(), kx, ky);
        }
        if (g instanceof Geometry.MultiLineString m) {
            double best = Double.POSITIVE_INFINITY;
            for (Geometry.LineString l : m.lines()) {
                best = Math.min(best, lineDistance(q, l.points(), kx, ky));
            }
            return best;
        }
        if (g instanceof Geometry.Polygon p) {
            return polygonDistance(q, p, kx, ky);
        }
        double best = Double.POSITIVE_INFINITY;
        for (Geometry.Polygon p : ((Geometry.MultiPolygon) g).polygons()) {
            best = Math.min(best, polygonDistance(q, p, kx, ky));
        }
        return best;
    }

    private static double polygonDistance(Position q, Geometry.Polygon p, double kx, double ky) {
        if (contains(p, q.lon(), q.lat())) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (List<Position> ring : p.rings()) {
            best = Math.min(best, lineDistance(q, ring, kx, ky));
        }
        return best;
    }

    private static double lineDistance(Position q, List<Position> pts, double kx, double ky) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 1; i < pts.size(); i++) {
            double ax = (pts.get(i - 1).lon() - q.lon()) * kx, ay = (pts.get(i - 1).lat() - q.lat()) * ky;
            double bx = (pts.get(i).lon() - q.lon()) * kx, by = (pts.get(i).lat() - q.lat()) * ky;
            double dx = bx - ax, dy = by - ay;
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
            best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
        }
        return best;
    }

    /** Even-odd rule over all rings, so holes are outside. */
    static boolean contains(Geometry.Polygon p, double x, double y) {
        boolean inside = false;
        for (List<Position> ring : p.rings()) {
            for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                Position a = ring.get(i), b = ring.get(j);
                if ((a.lat() > y) != (b.lat() > y)
                        && x < (b.lon() - a.lon()) * (y - a.lat()) / (b.lat() - a.lat()) + a.lon()) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    /** Whether the geometry itself (not just its bounding box) touches the box. */
    static boolean intersects(Geometry g, BoundingBox box) {
        if (!g.bbox().intersects(box)) {
            return false;
        }
        if (g instanceof Geometry.Point || g instanceof Geometry.MultiPoint) {
            return g.positions().stream().anyMatch(p -> box.contains(p.lon(), p.lat()));
        }
        if (g instanceof Geometry.LineString l) {
            return lineIntersects(l.points(), box);
        }
        if (g instanceof Geometry.MultiLineString m) {
            return m.lines().stream().anyMatch(l -> lineIntersects(l.points(), box));
        }
        if (g instanceof Geometry.Polygon p) {
            return polygonIntersects(p, box);
        }
        return ((Geometry.MultiPolygon) g).polygons().stream().anyMatch(p -> polygonIntersects(p, box));
    }

    private static boolean polygonIntersects(Geometry.Polygon p, BoundingBox box) {
        return p.rings().stream().anyMatch(r -> lineIntersects(r, box)) || contains(p, box.minLon(), box.minLat());
    }

    private static boolean lineIntersects(List<Position> pts, BoundingBox box) {
        for (int i = 1; i < pts.size(); i++) {
            if (segmentIntersects(pts.get(i - 1), pts.get(i), box)) {
                return true;
            }
        }
        return box.contains(pts.get(0).lon(), pts.get(0).lat());
    }

    /** Liang-Barsky clipping: does any part of segment a-b lie in the box? */
    private static boolean segmentIntersects(Position a, Position b, BoundingBox box) {
        double dx = b.lon() - a.lon(), dy = b.lat() - a.lat();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a.lon() - box.minLon(), box.maxLon() - a.lon(), a.lat() - box.minLat(), box.maxLat() - a.lat()};
        double t0 = 0, t1 = 1;
        for (int k = 0; k < 4; k++) {
            if (p[k] == 0) {
                if (q[k] < 0) {
                    return false;
                }
            } else {
                double t = q[k] / p[k];
                if (p[k] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
                if (t0 > t1) {
                    return false;
                }
            }
        }
        return true;
    }
}
