package org.waterchain.app.map.tiles;

import java.util.ArrayList;
import java.util.List;

/** The spherical-Mercator tile grid of web maps (EPSG:3857, 256-pixel tiles, XYZ numbering). */
public final class TileMath {
    /** Deepest zoom accepted: 2^30 tiles per side still fits an int. */
    public static final int MAX_ZOOM = 30;
    /** Mercator is cut off where the world map becomes square. */
    public static final double MAX_LATITUDE = 85.0511287798066;

    private TileMath() {}

    static void checkZoom(int z) {
        if (z < 0 || z > MAX_ZOOM) {
            throw new IllegalArgumentException("zoom " + z + " is outside 0.." + MAX_ZOOM);
        }
    }

    public static int tilesPerSide(int z) {
        checkZoom(z);
        return 1 << z;
    }

    /** The column holding a longitude; 180 falls in the last column rather than off the grid. */
    public static int column(double lon, int z) {
        int n = tilesPerSide(z);
        int x = (int) Math.floor((lon + 180.0) / 360.0 * n);
        return Math.max(0, Math.min(n - 1, x));
    }

    /** The XYZ row holding a latitude; latitudes beyond Mercator's cut-off land in the edge rows. */
    public static int row(double lat, int z) {
        int n = tilesPerSide(z);
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        double rad = Math.toRadians(clamped);
        double mercator = Math.log(Math.tan(rad) + 1.0 / Math.cos(rad));
        int y = (int) Math.floor((1.0 - mercator / Math.PI) / 2.0 * n);
        return Math.max(0, Math.min(n - 1, y));
    }

    public static TileId tileAt(double lon, double lat, int z) {
        return new TileId(z, column(lon, z), row(lat, z));
    }

    /** Converts between XYZ rows and TMS rows (MBTiles {@code tile_row}); the flip is its own inverse. */
    public static int flipRow(int z, int row) {
        return tilesPerSide(z) - 1 - row;
    }

    /** Longitude of a column's west edge. */
    public static double westEdge(int x, int z) {
        return x / (double) tilesPerSide(z) * 360.0 - 180.0;
    }

    /** Latitude of an XYZ row's north edge. */
    public static double northEdge(int y, int z) {
        double n = Math.PI * (1.0 - 2.0 * y / tilesPerSide(z));
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }

    public static TileRange range(BoundingBox area, int z) {
        return new TileRange(z, column(area.west(), z), column(area.east(), z),
                row(area.north(), z), row(area.south(), z));
    }

    public static List<TileRange> ranges(BoundingBox area, int minZoom, int maxZoom) {
        checkZoom(minZoom);
        checkZoom(maxZoom);
        if (minZoom > maxZoom) {
            throw new IllegalArgumentException("zoom range " + minZoom + ".." + maxZoom + " is empty");
        }
        List<TileRange> out = new ArrayList<>();
        for (int z = minZoom; z <= maxZoom; z++) {
            out.add(range(area, z));
        }
        return out;
    }

    /** How many tiles cover the area over the zoom range, inclusive. */
    public static long count(BoundingBox area, int minZoom, int maxZoom) {
        return ranges(area, minZoom, maxZoom).stream().mapToLong(TileRange::count).sum();
    }
}
