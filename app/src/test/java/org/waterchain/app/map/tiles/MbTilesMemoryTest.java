package org.waterchain.app.map.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MB MBTiles file read whole, three times over, leaves the heap about where it was: tiles are read on demand
 * and nothing keeps them. The bound is generous (a third of the file) so the collector's own variation cannot fail
 * it, yet a reader that cached what it read would hold the whole 50 MB. The 500 MB run with RSS figures is
 * src-test's MbTilesMemoryHarness.
 */
class MbTilesMemoryTest {
    private static final long FILE_BYTES = 50_000_000;

    @TempDir
    Path dir;

    @Test
    void readingAWholeFileDoesNotGrowTheHeapWithIt() throws Exception {
        Path file = dir.resolve("noise.mbtiles");
        List<TileId> ids = writeNoise(file, FILE_BYTES);
        assertTrue(Files.size(file) >= FILE_BYTES, "file is " + Files.size(file) + " bytes");

        long before = heapAfterGc();
        long read = 0;
        try (MbTilesSource source = MbTilesSource.open(file)) {
            for (int round = 0; round < 3; round++) {
                for (TileId id : ids) {
                    read += source.tile(id).orElseThrow().length;
                }
            }
            long during = heapAfterGc();
            assertTrue(read >= 3 * FILE_BYTES * 0.95, "read " + read + " bytes");
            long growth = during - before;
            assertTrue(growth < FILE_BYTES / 3, "heap grew by " + growth / 1_000_000 + " MB reading a "
                    + FILE_BYTES / 1_000_000 + " MB file with it open");
            assertEquals(ids.size(), source.tileCount());
        }
    }

    /** Distinct noise tiles (incompressible, like aerial imagery) from zoom 0 down until the file holds {@code bytes}. */
    static List<TileId> writeNoise(Path file, long bytes) throws IOException {
        Random random = new Random(5);
        List<byte[]> blobs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            blobs.add(noisePng(random));
        }
        List<TileId> ids = new ArrayList<>();
        long written = 0;
        try (MbTilesWriter w = MbTilesWriter.open(file)) {
            w.putMetadata(Map.of("name", "noise", "format", "png"));
            for (int z = 0; written < bytes; z++) {
                for (TileId id : TileMath.range(BoundingBox.WORLD, z)) {
                    if (written >= bytes) {
                        break;
                    }
                    byte[] blob = blobs.get(ids.size() % blobs.size());
                    w.put(id, blob);
                    ids.add(id);
                    written += blob.length;
                }
            }
        }
        return ids;
    }

    private static byte[] noisePng(Random random) throws IOException {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(200_000);
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
