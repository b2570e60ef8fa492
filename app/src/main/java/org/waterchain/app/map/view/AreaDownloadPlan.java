package org.waterchain.app.map.view;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import org.waterchain.app.map.tiles.BoundingBox;
import org.waterchain.app.map.tiles.TileMath;
import org.waterchain.app.map.tiles.XyzSource;

/**
 * An area download the user asked for, checked, with what it will cost: tiles, bytes and time at the polite rate.
 * Built from the dialog's fields by {@link #of}, which refuses what cannot or should not be fetched with a message
 * that says what to change.
 */
public record AreaDownloadPlan(XyzSource source, BoundingBox area, int minZoom, int maxZoom, Path target, long tiles,
                               long bytesPerTile, boolean bytesMeasured, Duration time) {
    /**
     * One download may fetch at most this many tiles: at the polite 2 tiles a second that is 14 hours, about what a
     * provider that permits bulk download tolerates from one client, and about 2 GB of raster tiles.
     */
    public static final long MAX_TILES = 100_000;
    /** A typical 256-pixel raster tile (PNG or JPEG: 10-40 KB), when no tile of the source has been seen yet. */
    public static final long ASSUMED_TILE_BYTES = 20_000;

    /**
     * @param sampleTileBytes the mean size of this source's tiles already seen (its cache), if any
     * @throws IllegalArgumentException with the message to show the user
     */
    public static AreaDownloadPlan of(XyzSource source, String west, String south, String east, String north,
                                      int minZoom, int maxZoom, String fileName, Path dir, OptionalLong sampleTileBytes,
                                      double tilesPerSecond) {
        if (source == null) {
            throw new IllegalArgumentException("there is no online source to download from: add one, with its terms'"
                    + " permission for bulk download, in Settings (Online map sources)");
        }
        if (!source.permitsBulkDownload()) {
            throw new IllegalArgumentException(source.bulkDownloadRefusal());
        }
        BoundingBox area = new BoundingBox(degrees("west", west), degrees("south", south), degrees("east", east),
                degrees("north", north));
        if (area.west() == area.east() || area.south() == area.north()) {
            throw new IllegalArgumentException("the area is a line, not an area: west must be less than east and"
                    + " south less than north");
        }
        if (minZoom < 0 || minZoom > maxZoom) {
            throw new IllegalArgumentException("the zoom range " + minZoom + " to " + maxZoom + " is empty: the"
                    + " first zoom must not be above the last");
        }
        if (maxZoom > source.maxZoom()) {
            throw new IllegalArgumentException(source.name() + " serves zoom levels up to " + source.maxZoom()
                    + ", not " + maxZoom);
        }
        long tiles = TileMath.count(area, minZoom, maxZoom);
        if (tiles > MAX_TILES) {
            long deepest = TileMath.range(area, maxZoom).count();
            throw new IllegalArgumentException(String.format(Locale.ROOT, "that is %,d tiles (%s at %s a second),"
                            + " more than the %,d one download may fetch: make the area smaller or lower the last zoom"
                            + " (zoom %d alone is %,d tiles)", tiles, duration(seconds(tiles, tilesPerSecond)),
                    rate(tilesPerSecond), MAX_TILES, maxZoom, deepest));
        }
        Path target = target(fileName, dir);
        long perTile = sampleTileBytes.isPresent() && sampleTileBytes.getAsLong() > 0 ? sampleTileBytes.getAsLong()
                : ASSUMED_TILE_BYTES;
        return new AreaDownloadPlan(source, area, minZoom, maxZoom, target, tiles, perTile,
                sampleTileBytes.isPresent() && sampleTileBytes.getAsLong() > 0, seconds(tiles, tilesPerSecond));
    }

    /** A name for the file: one per source by default, so each download adds to (or resumes) the same file. */
    public static String defaultFileName(XyzSource source) {
        String slug = XyzSource.slug(source.name());
        return (slug.isEmpty() ? "area" : slug) + "-offline" + BasemapRegistry.EXTENSION;
    }

    public long estimatedBytes() {
        return tiles * bytesPerTile;
    }

    /** "1,234 tiles, about 24.7 MB, about 10 min at 2 tiles a second". */
    public String summary(double tilesPerSecond) {
        return String.format(Locale.ROOT, "%,d tiles, about %s%s, about %s at %s a second", tiles,
                bytes(estimatedBytes()), bytesMeasured ? "" : " (assuming " + bytes(ASSUMED_TILE_BYTES) + " a tile)", duration(time),
                rate(tilesPerSecond));
    }

    private static double degrees(String side, String text) {
        String t = text == null ? "" : text.strip();
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw new IllegalArgumentException(side + " must be a number of degrees, got \"" + t + "\"");
    }

    private static Path target(String fileName, Path dir) {
        String name = fileName == null ? "" : fileName.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("give the file a name; it is saved in " + dir);
        }
        if (name.contains("/") || name.contains("\\") || name.equals("..") || name.startsWith(".")) {
            throw new IllegalArgumentException("the file name must be a plain name (it is saved in " + dir + "), got \""
                    + name + "\"");
        }
        return dir.resolve(name.endsWith(BasemapRegistry.EXTENSION) ? name : name + BasemapRegistry.EXTENSION);
    }

    private static Duration seconds(long tiles, double tilesPerSecond) {
        return Duration.ofSeconds((long) Math.ceil(tiles / tilesPerSecond));
    }

    private static String rate(double tilesPerSecond) {
        return tilesPerSecond == Math.rint(tilesPerSecond)
                ? String.format(Locale.ROOT, "%d tile%s", (long) tilesPerSecond, tilesPerSecond == 1 ? "" : "s")
                : String.format(Locale.ROOT, "%.1f tiles", tilesPerSecond);
    }

    static String bytes(long n) {
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%d KB", Math.max(1, Math.round(n / 1000.0)));
        }
        if (n < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", n / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", n / 1e9);
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 90) {
            return s + " s";
        }
        if (s < 90 * 60) {
            return Math.round(s / 60.0) + " min";
        }
        if (s < 36 * 3600) {
            return String.format(Locale.ROOT, "%.1f h", s / 3600.0);
        }
        return String.format(Locale.ROOT, "%.1f days", s / 86400.0);
    }
}
