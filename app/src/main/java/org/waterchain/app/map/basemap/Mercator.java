package org.waterchain.app.map.basemap;

import org.waterchain.app.map.tiles.TileMath;

/** World pixel positions of the web-map grid (spherical Mercator, 256-pixel tiles) and back. */
final class Mercator {
    private Mercator() {}

    static double worldSize(int z) {
        return TilePainter.SIZE * (double) (1L << z);
    }

    static double x(double lon, int z) {
        return (lon + 180.0) / 360.0 * worldSize(z);
    }

    static double y(double lat, int z) {
        double rad = Math.toRadians(Math.max(-TileMath.MAX_LATITUDE, Math.min(TileMath.MAX_LATITUDE, lat)));
        return (1.0 - Math.log(Math.tan(rad) + 1.0 / Math.cos(rad)) / Math.PI) / 2.0 * worldSize(z);
    }

    static double lon(double x, int z) {
        return x / worldSize(z) * 360.0 - 180.0;
    }

    static double lat(double y, int z) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1.0 - 2.0 * y / worldSize(z)))));
    }
}
