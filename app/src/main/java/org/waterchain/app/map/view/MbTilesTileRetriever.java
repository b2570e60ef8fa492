package org.waterchain.app.map.view;

import com.gluonhq.maps.tile.TileRetriever;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import org.waterchain.app.map.tiles.MbTilesException;
import org.waterchain.app.map.tiles.TileFetchException;
import org.waterchain.app.map.tiles.TileId;
import org.waterchain.app.map.tiles.TileMath;
import org.waterchain.app.map.tiles.WebMercator;

/**
 * The map's only tile source: tiles of the current basemap, read on daemon threads (never the FX thread). Registered
 * in META-INF/services so Gluon Maps picks it instead of its OpenStreetMap retriever, which would go online on its
 * own. An MBTiles basemap never touches the network; an online basemap the user selected reads its cache first and
 * fetches the rest on two threads of its own, so a slow server does not hold up tiles from files or the cache.
 * Where a file basemap has no tile (beyond its deepest zoom, or outside the part it covers in detail) the nearest
 * coarser tile, up to {@link #MAX_OVERZOOM} zooms up, is enlarged, so the map shows a coarse picture rather than
 * nothing; where even that is missing the map stays transparent. A tile that cannot be shown is
 * reported to {@link BasemapRegistry#onTileProblem} listeners with its z/x/y and the reason.
 */
public final class MbTilesTileRetriever implements TileRetriever {
    private static final Logger LOG = Logger.getLogger(MbTilesTileRetriever.class.getName());
    /** How far past the basemap's deepest zoom a tile is still enlarged (2^4 = 16 times). */
    static final int MAX_OVERZOOM = 4;

    private static final ExecutorService READERS = daemons(2, "map-tiles-");
    private static final ExecutorService FETCHERS = daemons(2, "map-tiles-online-");

    /** Public and without arguments: the service loader creates it. */
    public MbTilesTileRetriever() {}

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long i, long j) {
        Optional<Basemap> basemap = BasemapRegistry.current();
        if (basemap.isEmpty()) {
            return CompletableFuture.completedFuture(empty());
        }
        Basemap b = basemap.get();
        return CompletableFuture.supplyAsync(() -> read(b, zoom, (int) i, (int) j), b.isOnline() ? FETCHERS : READERS);
    }

    static Image read(Basemap basemap, int zoom, int x, int y) {
        try {
            int maxZoom = basemap.maxZoom();
            if (zoom < 0 || zoom > TileMath.MAX_ZOOM || x < 0 || y < 0 || x >= TileMath.tilesPerSide(zoom)
                    || y >= TileMath.tilesPerSide(zoom)) {
                return empty();
            }
            int deepest = maxZoom >= 0 ? Math.min(zoom, maxZoom) : zoom;
            // A file basemap may cover its zooms only in part (the built-in one: the world to z5, the district
            // deeper): where it has no tile, the nearest coarser one is enlarged. An online source is asked once.
            int coarsest = basemap.isOnline() ? deepest : Math.max(0, zoom - MAX_OVERZOOM);
            for (int z = deepest; z >= coarsest && zoom - z <= MAX_OVERZOOM; z--) {
                int up = zoom - z;
                TileId id = new TileId(z, x >> up, y >> up);
                Optional<byte[]> bytes = tile(basemap, id);
                if (bytes.isPresent()) {
                    Image image = decode(basemap, id, bytes.get());
                    return up == 0 ? image : enlarge(image, up, x & ((1 << up) - 1), y & ((1 << up) - 1));
                }
            }
            return empty();
        } catch (TileFetchException e) {
            problem(basemap, e.getMessage());
            return empty();
        } catch (MbTilesException e) {
            problem(basemap, basemap.name() + ": " + e.getMessage());
            return empty();
        } catch (IllegalStateException e) {
            // the basemap was closed under us (replaced or removed); the map asks the new one
            return empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return empty();
        }
    }

    private static Optional<byte[]> tile(Basemap basemap, TileId id)
            throws MbTilesException, TileFetchException, InterruptedException {
        if (!basemap.isOnline()) {
            return basemap.source().tile(id);
        }
        // Only the basemap in use may go online: a tile queued before the user switched away is not requested.
        if (BasemapRegistry.current().orElse(null) != basemap) {
            return basemap.online().cached(id);
        }
        return basemap.online().tile(id);
    }

    /** Logged always; shown only while the basemap is in use, so a switched-away source's late failures stay quiet. */
    private static void problem(Basemap basemap, String message) {
        LOG.log(Level.WARNING, message);
        if (BasemapRegistry.current().orElse(null) == basemap) {
            BasemapRegistry.reportTileProblem(message);
        }
    }

    private static Image decode(Basemap basemap, TileId id, byte[] data) {
        Image image = new Image(new ByteArrayInputStream(data));
        if (image.isError()) {
            problem(basemap, basemap.name() + ": tile " + id + " is not an image the map can show ("
                    + image.getException().getMessage() + ")");
            return empty();
        }
        return image;
    }

    /** The quarter (or smaller part) of a parent tile at column/row {@code (sx, sy)} of its 2^up split, scaled up. */
    static Image enlarge(Image parent, int up, int sx, int sy) {
        int size = WebMercator.TILE_SIZE;
        int w = (int) parent.getWidth();
        if (w <= 0 || parent.isError()) {
            return empty();
        }
        int part = w >> up;
        if (part < 1) {
            return empty();
        }
        PixelReader in = parent.getPixelReader();
        WritableImage out = new WritableImage(size, size);
        PixelWriter writer = out.getPixelWriter();
        double step = part / (double) size;
        for (int py = 0; py < size; py++) {
            int srcY = sy * part + (int) (py * step);
            for (int px = 0; px < size; px++) {
                writer.setArgb(px, py, in.getArgb(sx * part + (int) (px * step), srcY));
            }
        }
        return out;
    }

    /**
     * A fully transparent tile: Gluon Maps needs an image, and a missing tile should show the map's background. One
     * image shared by every missing tile, since nothing writes to it (it is only shown and read).
     */
    static Image empty() {
        return Transparent.TILE;
    }

    /** Holds the shared transparent tile, created on the first {@link #empty()} call as before. */
    private static final class Transparent {
        static final Image TILE = new WritableImage(WebMercator.TILE_SIZE, WebMercator.TILE_SIZE);
    }

    private static ExecutorService daemons(int n, String prefix) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
