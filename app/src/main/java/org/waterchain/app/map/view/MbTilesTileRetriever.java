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
import javafx.scene.image.WritableImage;
import org.waterchain.app.map.tiles.MbTilesException;
import org.waterchain.app.map.tiles.MbTilesSource;

/**
 * The map's only tile source: tiles from the current basemap's MBTiles file, read on two daemon threads (never the
 * FX thread), and never from the network. Registered in META-INF/services so Gluon Maps picks it instead of its
 * OpenStreetMap retriever. Beyond the basemap's deepest zoom the deepest tile is enlarged, so zooming in past a
 * small basemap shows a coarse map rather than nothing; where the basemap has no tile the map stays transparent.
 */
public final class MbTilesTileRetriever implements TileRetriever {
    private static final Logger LOG = Logger.getLogger(MbTilesTileRetriever.class.getName());
    /** How far past the basemap's deepest zoom a tile is still enlarged (2^4 = 16 times). */
    static final int MAX_OVERZOOM = 4;

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService READERS = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "map-tiles-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** Public and without arguments: the service loader creates it. */
    public MbTilesTileRetriever() {}

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long i, long j) {
        Optional<Basemap> basemap = BasemapRegistry.current();
        if (basemap.isEmpty()) {
            return CompletableFuture.completedFuture(empty());
        }
        MbTilesSource source = basemap.get().source();
        return CompletableFuture.supplyAsync(() -> read(source, zoom, (int) i, (int) j), READERS);
    }

    static Image read(MbTilesSource source, int zoom, int x, int y) {
        try {
            int maxZoom = source.metadata().maxZoom();
            if (maxZoom >= 0 && zoom > maxZoom) {
                int up = zoom - maxZoom;
                if (up > MAX_OVERZOOM) {
                    return empty();
                }
                Optional<byte[]> parent = source.tile(maxZoom, x >> up, y >> up);
                return parent.map(b -> enlarge(decode(b), up, x & ((1 << up) - 1), y & ((1 << up) - 1)))
                        .orElseGet(MbTilesTileRetriever::empty);
            }
            return source.tile(zoom, x, y).map(MbTilesTileRetriever::decode).orElseGet(MbTilesTileRetriever::empty);
        } catch (MbTilesException | IllegalStateException e) {
            // IllegalStateException: the basemap was closed under us; the next layout asks again
            LOG.log(Level.WARNING, "basemap tile " + zoom + "/" + x + "/" + y + " unreadable: " + e.getMessage());
            return empty();
        }
    }

    private static Image decode(byte[] data) {
        return new Image(new ByteArrayInputStream(data));
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
        double step = part / (double) size;
        for (int py = 0; py < size; py++) {
            int srcY = sy * part + (int) (py * step);
            for (int px = 0; px < size; px++) {
                out.getPixelWriter().setArgb(px, py, in.getArgb(sx * part + (int) (px * step), srcY));
            }
        }
        return out;
    }

    /** A fully transparent tile: Gluon Maps needs an image, and a missing tile should show the map's background. */
    static Image empty() {
        return new WritableImage(WebMercator.TILE_SIZE, WebMercator.TILE_SIZE);
    }
}
