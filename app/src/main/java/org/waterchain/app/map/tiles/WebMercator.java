package org.waterchain.app.map.tiles;

/**
 * Positions on the web-map pixel grid (256-pixel tiles), as Gluon Maps and the basemap tiles use it. The "n" forms
 * are the same grid scaled to the unit square (0..1 west to east and north to south): the map projects every feature
 * to it once and only scales and shifts on pan and zoom. The built-in basemap draws its tiles on the same grid.
 */
public final class WebMercator {
    public static final int TILE_SIZE = 256;
    /** WGS 84 equatorial radius: the sphere web maps project onto. */
    public static final double EARTH_RADIUS_M = 6378137.0;

    private WebMercator() {}

    public static double worldSize(double zoom) {
        return TILE_SIZE * Math.pow(2, zoom);
    }

    public static double x(double lon, double zoom) {
        return nx(lon) * worldSize(zoom);
    }

    public static double y(double lat, double zoom) {
        return ny(lat) * worldSize(zoom);
    }

    public static double nx(double lon) {
        return (lon + 180.0) / 360.0;
    }

    public static double ny(double lat) {
        double clamped = Math.max(-TileMath.MAX_LATITUDE, Math.min(TileMath.MAX_LATITUDE, lat));
        double rad = Math.toRadians(clamped);
        double mercator = Math.log(Math.tan(rad) + 1.0 / Math.cos(rad));
        return (1.0 - mercator / Math.PI) / 2.0;
    }

    /** The longitude at world pixel x of the grid at this zoom. */
    public static double lon(double x, double zoom) {
        return lon(x / worldSize(zoom));
    }

    /** The latitude at world pixel y of the grid at this zoom. */
    public static double lat(double y, double zoom) {
        return lat(y / worldSize(zoom));
    }

    public static double lon(double nx) {
        return nx * 360.0 - 180.0;
    }

    public static double lat(double ny) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * ny))));
    }
}
