package org.waterchain.app.map.geo;

/** An axis-aligned box in degrees. Boxes crossing the antimeridian are not modelled: the map is regional. */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {
    public BoundingBox {
        if (!(minLon <= maxLon && minLat <= maxLat)) {
            throw new IllegalArgumentException("empty box: lon " + minLon + ".." + maxLon + ", lat " + minLat + ".." + maxLat);
        }
    }

    public static BoundingBox of(Position p) {
        return new BoundingBox(p.lon(), p.lat(), p.lon(), p.lat());
    }

    public static BoundingBox of(Iterable<Position> positions) {
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (Position p : positions) {
            x0 = Math.min(x0, p.lon());
            y0 = Math.min(y0, p.lat());
            x1 = Math.max(x1, p.lon());
            y1 = Math.max(y1, p.lat());
        }
        return new BoundingBox(x0, y0, x1, y1);
    }

    public BoundingBox union(BoundingBox o) {
        return new BoundingBox(Math.min(minLon, o.minLon), Math.min(minLat, o.minLat),
                Math.max(maxLon, o.maxLon), Math.max(maxLat, o.maxLat));
    }

    public boolean intersects(BoundingBox o) {
        return minLon <= o.maxLon && o.minLon <= maxLon && minLat <= o.maxLat && o.minLat <= maxLat;
    }

    public boolean contains(double lon, double lat) {
        return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    }

    public double width() {
        return maxLon - minLon;
    }

    public double height() {
        return maxLat - minLat;
    }
}
