package org.waterchain.app.map.tiles;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Real, small PNG tiles whose colour encodes their z/x/y, so a test can tell any two tiles apart, on screen too:
 * neighbours differ by 67 steps of green or blue (67 is odd, so no two columns or rows of 256 share a colour).
 */
public final class TestTiles {
    private TestTiles() {}

    public static byte[] png(int z, int x, int y) {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        int rgb = rgb(z, x, y);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                image.setRGB(i, j, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The tile's colour as 0xRRGGBB. */
    public static int rgb(int z, int x, int y) {
        return new Color(z * 8 & 0xFF, x * 67 & 0xFF, y * 67 & 0xFF).getRGB() & 0xFFFFFF;
    }

    public static byte[] png(TileId id) {
        return png(id.z(), id.x(), id.y());
    }
}
