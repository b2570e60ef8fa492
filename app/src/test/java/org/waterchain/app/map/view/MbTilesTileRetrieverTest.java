package org.waterchain.app.map.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.app.map.tiles.MbTilesSource;
import org.waterchain.app.map.tiles.MbTilesWriter;
import org.waterchain.app.map.tiles.TileId;

/** Which tile the map gets for a z/x/y: the file's own, or the nearest coarser one enlarged. */
class MbTilesTileRetrieverTest {
    @TempDir
    static Path dir;
    private static Basemap basemap;

    @BeforeAll
    static void basemapWithAWorldTileAndOneDetailedTile() throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        up.await(30, TimeUnit.SECONDS);
        Path file = dir.resolve("partial.mbtiles");
        try (MbTilesWriter w = MbTilesWriter.open(file)) {
            w.putMetadata(Map.of("name", "partial", "format", "png", "minzoom", "0", "maxzoom", "3"));
            w.begin();
            w.put(new TileId(0, 0, 0), png(Color.BLUE));
            w.put(new TileId(3, 0, 0), png(Color.GREEN));
            w.commit();
        }
        basemap = new Basemap("partial", file, MbTilesSource.open(file));
    }

    @Test
    void aTileOfTheFileIsShownAsItIs() {
        assertEquals(0xFF00FF00, argbAtCentre(MbTilesTileRetriever.read(basemap, 3, 0, 0)));
    }

    @Test
    void aTileMissingInsideTheZoomRangeIsTheCoarserTileEnlarged() {
        // z3 (7,7) is the south-east corner of the world: only the z0 tile covers it
        assertEquals(0xFF0000FF, argbAtCentre(MbTilesTileRetriever.read(basemap, 3, 7, 7)));
        assertEquals(0xFF0000FF, argbAtCentre(MbTilesTileRetriever.read(basemap, 2, 1, 1)));
    }

    @Test
    void beyondTheDeepestZoomTheDeepestTileIsEnlarged_andTooFarIsNothing() {
        assertEquals(0xFF00FF00, argbAtCentre(MbTilesTileRetriever.read(basemap, 5, 0, 0)));
        assertEquals(0, argbAtCentre(MbTilesTileRetriever.read(basemap, 3 + MbTilesTileRetriever.MAX_OVERZOOM + 1, 0, 0)));
    }

    private static int argbAtCentre(Image img) {
        return img.getPixelReader().getArgb((int) img.getWidth() / 2, (int) img.getHeight() / 2);
    }

    private static byte[] png(Color c) throws Exception {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
