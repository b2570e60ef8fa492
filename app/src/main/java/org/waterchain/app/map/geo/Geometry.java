package org.waterchain.app.map.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 7946 geometries. The constructors enforce the RFC's structural rules (enough positions, closed rings)
 * so that no invalid geometry exists in memory; the reader checks the same rules first to report them well.
 */
public sealed interface Geometry {
    GeometryType type();

    BoundingBox bbox();

    /** Every position, in document order; used for bounding boxes and point-in-box tests. */
    List<Position> positions();

    record Point(Position position) implements Geometry {
        public Point {
            if (position == null) {
                throw new IllegalArgumentException("point without a position");
            }
        }

        public Point(double lon, double lat) {
            this(new Position(lon, lat));
        }

        public GeometryType type() { return GeometryType.POINT; }
        public BoundingBox bbox() { return BoundingBox.of(position); }
        public List<Position> positions() { return List.of(position); }
    }

    record LineString(List<Position> points) implements Geometry {
        public LineString {
            points = List.copyOf(points);
            if (points.size() < 2) {
                throw new IllegalArgumentException("a LineString needs at least 2 positions, has " + points.size());
            }
        }

        public Position start() { return points.get(0); }
        public Position end() { return points.get(points.size() - 1); }
        public GeometryType type() { return GeometryType.LINE_STRING; }
        public BoundingBox bbox() { return BoundingBox.of(points); }
        public List<Position> positions() { return points; }
    }

    /** First ring is the exterior, the rest are holes. Winding order is not enforced (RFC 7946 says SHOULD). */
    record Polygon(List<List<Position>> rings) implements Geometry {
        public Polygon {
            rings = rings.stream().map(List::copyOf).toList();
            if (rings.isEmpty()) {
                throw new IllegalArgumentException("a Polygon needs an exterior ring");
            }
            for (int i = 0; i < rings.size(); i++) {
                String problem = ringProblem(rings.get(i));
                if (problem != null) {
                    throw new IllegalArgumentException("ring " + i + ": " + problem);
                }
            }
        }

        /** Null when the ring is a valid linear ring, else what is wrong with it. */
        static String ringProblem(List<Position> ring) {
            if (ring.size() < 4) {
                return "a linear ring needs at least 4 positions, has " + ring.size();
            }
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                return "ring not closed: first position " + text(ring.get(0)) + " differs from last "
                        + text(ring.get(ring.size() - 1));
            }
            return null;
        }

        private static String text(Position p) {
            return "[" + p.lon() + ", " + p.lat() + "]";
        }

        public List<Position> exterior() { return rings.get(0); }
        public GeometryType type() { return GeometryType.POLYGON; }
        public BoundingBox bbox() { return BoundingBox.of(exterior()); }
        public List<Position> positions() { return flatten(rings); }
    }

    record MultiPoint(List<Position> points) implements Geometry {
        public MultiPoint {
            points = List.copyOf(points);
            if (points.isEmpty()) {
                throw new IllegalArgumentException("an empty MultiPoint locates nothing");
            }
        }

        public GeometryType type() { return GeometryType.MULTI_POINT; }
        public BoundingBox bbox() { return BoundingBox.of(points); }
        public List<Position> positions() { return points; }
    }

    record MultiLineString(List<LineString> lines) implements Geometry {
        public MultiLineString {
            lines = List.copyOf(lines);
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("an empty MultiLineString locates nothing");
            }
        }

        public GeometryType type() { return GeometryType.MULTI_LINE_STRING; }
        public BoundingBox bbox() { return BoundingBox.of(positions()); }
        public List<Position> positions() { return flatten(lines.stream().map(LineString::points).toList()); }
    }

    record MultiPolygon(List<Polygon> polygons) implements Geometry {
        public MultiPolygon {
            polygons = List.copyOf(polygons);
            if (polygons.isEmpty()) {
                throw new IllegalArgumentException("an empty MultiPolygon locates nothing");
            }
        }

        public GeometryType type() { return GeometryType.MULTI_POLYGON; }
        public BoundingBox bbox() { return BoundingBox.of(polygons.stream().flatMap(p -> p.exterior().stream()).toList()); }
        public List<Position> positions() { return flatten(polygons.stream().map(Polygon::positions).toList()); }
    }

    private static List<Position> flatten(List<List<Position>> parts) {
        List<Position> out = new ArrayList<>();
        parts.forEach(out::addAll);
        return List.copyOf(out);
    }
}
