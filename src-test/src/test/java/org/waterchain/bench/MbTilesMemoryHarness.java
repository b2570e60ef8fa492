package org.waterchain.bench;

/*
 * Memory with a large MBTiles basemap open: writes a file of about 500 MB (incompressible noise PNG tiles from zoom 0
 * down, like aerial imagery), opens it as the map does (BasemapRegistry.add + select), reads thousands of tiles
 * across all its zooms through MbTilesSource and through the map's TileRetriever (which also decodes them into
 * JavaFX images), and prints the heap after a full GC and the process's resident memory (VmRSS split into RssAnon
 * and RssFile, and its peak VmHWM, from /proc/self/status) before opening, after opening and after the reads, beside
 * the file's size.
 *
 * Encoding a 256x256 noise PNG takes ~15 ms, so 64 distinct tiles are made and stored under different keys in turn:
 * SQLite stores every copy, so the file really is that large and every read goes through SQLite to the file.
 *
 * Needs a JavaFX toolkit for the retriever's images: headless Monocle from the local Maven repository. From the
 * reactor root, after the classpath steps of RunBenchmarks (put app/target/classes first when app changed since the
 * last install):
 *   java -cp "app/target/classes:src-test/target/test-classes:$(cat src-test/target/bench.cp):$HOME/.m2/repository/org/testfx/openjfx-monocle/17.0.10/openjfx-monocle-17.0.10.jar" \
 *        -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
 *        org.waterchain.bench.MbTilesMemoryHarness [megabytes, default 500] [reads, default 5000]
 * The file goes to a temporary folder (-Djava.io.tmpdir=... to choose the disk) and is deleted at the end.
 *
 * The heap after GC is what the basemap holds; RSS also counts the heap G1 keeps committed after churning through
 * a gigabyte of short-lived tile arrays, which -Xmx bounds: run it with and without e.g. -Xmx128m to see both.
 *
 * Measured on the project's 2-core machine (JDK 17, G1, 23 GB RAM; five runs), 500.8 MB file, 2,538 tiles, zooms 0-6,
 * 5,000 reads (985 MB) then 1,000 decoded: heap after GC 14.4-14.6 MB before opening and at most 0.5 MB more after
 * every step. Default heap: RSS 87-101 MB after opening, 300-480 MB after the reads (all of it committed Java heap
 * per -XX:NativeMemoryTracking, G1 keeping what the churn made it take), 264-278 MB at the end. -Xmx128m: RSS 94-95
 * MB after opening, 144-148 MB after the reads, 123-158 MB at the end. Reads 8,800-16,600 tiles/s (file in the page
 * cache), 1,600-3,200 tiles/s read and decoded.
 */

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.waterchain.app.map.tiles.BoundingBox;
import org.waterchain.app.map.tiles.MbTilesSource;
import org.waterchain.app.map.tiles.MbTilesWriter;
import org.waterchain.app.map.tiles.TileId;
import org.waterchain.app.map.tiles.TileMath;
import org.waterchain.app.map.view.Basemap;
import org.waterchain.app.map.view.BasemapRegistry;
import org.waterchain.app.map.view.MbTilesTileRetriever;

public final class MbTilesMemoryHarness {
    private static final int DISTINCT_TILES = 64;

    private MbTilesMemoryHarness() {}

    public static void main(String[] args) throws Exception {
        long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 500;
        int reads = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        Path dir = Files.createTempDirectory("wc-mbtiles-mem");
        Path file = dir.resolve("noise.mbtiles");
        try {
            long t0 = System.nanoTime();
            List<List<TileId>> byZoom = writeNoise(file, megabytes * 1_000_000);
            double writeSeconds = (System.nanoTime() - t0) / 1e9;
            long tiles = byZoom.stream().mapToLong(List::size).sum();
            System.out.printf(Locale.ROOT, "MBTiles memory: %.1f MB file, %,d noise PNG tiles (%d distinct ~%.0f KB"
                            + " tiles stored under different keys), zooms 0-%d, written in %.1f s%n",
                    Files.size(file) / 1e6, tiles, DISTINCT_TILES, Files.size(file) / 1e3 / tiles, byZoom.size() - 1,
                    writeSeconds);
            System.out.printf(Locale.ROOT, "  %-36s %14s %12s %12s %12s %12s%n", "", "heap after GC", "VmRSS",
                    "RssAnon", "RssFile", "VmHWM");
            Snapshot before = Snapshot.take();
            before.print("before opening");

            Basemap basemap = BasemapRegistry.add(file);
            BasemapRegistry.select(basemap);
            Snapshot opened = Snapshot.take();
            opened.print("after opening");

            MbTilesSource source = basemap.source();
            Random random = new Random(7);
            long bytes = 0;
            long t1 = System.nanoTime();
            for (int i = 0; i < reads; i++) {
                TileId id = pick(byZoom, random);
                bytes += source.tile(id).orElseThrow().length;
            }
            double readSeconds = (System.nanoTime() - t1) / 1e9;
            Snapshot afterReads = Snapshot.take();
            afterReads.print(String.format(Locale.ROOT, "after %,d MbTilesSource reads", reads));
            System.out.printf(Locale.ROOT, "      (%.0f MB of tiles read at %,.0f tiles/s, every zoom alike)%n",
                    bytes / 1e6, reads / readSeconds);

            MbTilesTileRetriever retriever = new MbTilesTileRetriever();
            int decodes = Math.max(1, reads / 5);
            long t2 = System.nanoTime();
            for (int i = 0; i < decodes; i++) {
                TileId id = pick(byZoom, random);
                Image image = retriever.loadTile(id.z(), id.x(), id.y()).get(30, TimeUnit.SECONDS);
                if (image.getWidth() != 256 || image.isError()) {
                    throw new IllegalStateException("tile " + id + " did not decode");
                }
            }
            double decodeSeconds = (System.nanoTime() - t2) / 1e9;
            Snapshot afterDecodes = Snapshot.take();
            afterDecodes.print(String.format(Locale.ROOT, "after %,d retriever reads (decoded)", decodes));
            System.out.printf(Locale.ROOT, "      (%,.0f tiles/s read and decoded into 256x256 images)%n",
                    decodes / decodeSeconds);
            System.out.printf(Locale.ROOT, "  growth from before opening: heap %+.1f MB, RssAnon %+.1f MB, RSS %+.1f MB,"
                            + " for a %.0f MB file%n", (afterDecodes.heap - before.heap) / 1e6,
                    (afterDecodes.anon - before.anon) / 1e6, (afterDecodes.rss - before.rss) / 1e6,
                    Files.size(file) / 1e6);
            BasemapRegistry.select(null);
            BasemapRegistry.remove(basemap);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
            Platform.exit();
        }
    }

    private static TileId pick(List<List<TileId>> byZoom, Random random) {
        List<TileId> zoom = byZoom.get(random.nextInt(byZoom.size()));
        return zoom.get(random.nextInt(zoom.size()));
    }

    /** Tiles from zoom 0 down, row by row, until the file holds {@code bytes}; the tiles written, per zoom. */
    private static List<List<TileId>> writeNoise(Path file, long bytes) throws IOException {
        Random random = new Random(5);
        List<byte[]> blobs = new ArrayList<>();
        for (int i = 0; i < DISTINCT_TILES; i++) {
            blobs.add(noisePng(random));
        }
        List<List<TileId>> byZoom = new ArrayList<>();
        long written = 0;
        int n = 0;
        try (MbTilesWriter w = MbTilesWriter.open(file)) {
            w.putMetadata(Map.of("name", "noise", "format", "png", "attribution", "random noise"));
            for (int z = 0; written < bytes; z++) {
                List<TileId> zoom = new ArrayList<>();
                byZoom.add(zoom);
                for (TileId id : TileMath.range(BoundingBox.WORLD, z)) {
                    if (written >= bytes) {
                        break;
                    }
                    byte[] blob = blobs.get(n++ % blobs.size());
                    w.put(id, blob);
                    zoom.add(id);
                    written += blob.length;
                }
            }
        }
        return byZoom;
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

    /**
     * Heap used after a full GC; resident memory, split into anonymous memory (the committed heap, native
     * allocations: what the process really costs) and file pages mapped in (clean pages the kernel may drop); and the
     * peak of RSS.
     */
    private record Snapshot(long heap, long rss, long anon, long fileMapped, long peakRss) {
        static Snapshot take() throws IOException {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            Map<String, Long> status = new HashMap<>();
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                int colon = line.indexOf(':');
                if (line.endsWith(" kB") && colon > 0) {
                    status.put(line.substring(0, colon), Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
            return new Snapshot(heap, status.getOrDefault("VmRSS", 0L),
                    status.getOrDefault("RssAnon", 0L), status.getOrDefault("RssFile", 0L),
                    status.getOrDefault("VmHWM", 0L));
        }

        void print(String label) {
            System.out.printf(Locale.ROOT, "  %-36s %11.1f MB %9.1f MB %9.1f MB %9.1f MB %9.1f MB%n", label,
                    heap / 1e6, rss / 1e6, anon / 1e6, fileMapped / 1e6, peakRss / 1e6);
        }
    }
}
