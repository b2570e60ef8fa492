package org.waterchain.app.map.basemap;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.waterchain.app.map.tiles.TileId;
import org.waterchain.app.map.tiles.TileMath;

/** What the encoder writes, read back by the JDK's own PNG reader (the one the map's JavaFX images agree with). */
class PngEncoderTest {

    final TilePainter painter = new TilePainter(TilePainterTest.REGISTRY.channels(), List.of(), TaoyuanPlaces.ALL,
            DefaultBasemap.extents(TilePainterTest.REGISTRY));

    @Test
    void aTileOfFewColoursGoesThroughAPaletteAndComesBackPixelForPixel() throws IOException {
        // land, grid lines and a channel
        assertRoundTrip(TileMath.tileAt(121.225, 24.915, 14), 3);
    }

    @Test
    void aTileOfMoreThan256ColoursIsWrittenAsRgb() throws IOException {
        // Taiwan's coast at zoom 5: sea, land and coast line blended at every edge pixel
        assertRoundTrip(TileMath.tileAt(121, 24, 5), 2);
    }

    @Test
    void onlyTheImageTypeTheTilesAreDrawnInIsAccepted() {
        assertThrows(IllegalArgumentException.class,
                () -> PngEncoder.encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB)));
    }

    /** Draws the tile, encodes it, checks the PNG colour type (header byte 25) and reads it back. */
    private void assertRoundTrip(TileId id, int colourType) throws IOException {
        BufferedImage expected = painter.draw(id);
        byte[] png = PngEncoder.encode(expected);
        assertEquals(colourType, png[25], "PNG colour type (3 palette, 2 RGB)");
        BufferedImage actual = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getRGB(x, y), actual.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }
}
