package org.waterchain.app.map.tiles;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real, small PNG tiles whose pixels encode their z/x/y, so a test can tell any two tiles apart. */
public final class TestTiles {
    private TestTiles() {}

    public static byte[] png(int z, int x, int y) {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        int rgb = new Color(z * 8 & 0xFF, x & 0xFF, y & 0xFF).getRGB();
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

    public static byte[] png(TileId id) {
        return png(id.z(), id.x(), id.y());
    }
}
