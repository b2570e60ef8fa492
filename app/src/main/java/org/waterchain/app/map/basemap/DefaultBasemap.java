package org.waterchain.app.map.basemap;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.waterchain.app.map.tiles.BoundingBox;
import org.waterchain.app.map.tiles.MbTilesException;
import org.waterchain.app.map.tiles.MbTilesSource;
import org.waterchain.app.map.tiles.MbTilesWriter;
import org.waterchain.app.map.tiles.TileId;
import org.waterchain.app.map.tiles.TileMath;
import org.waterchain.app.map.tiles.TileRange;
import org.waterchain.app.map.tiles.WebMercator;
import org.waterchain.app.session.RegistryView;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;

/**
 * The basemap the app ships: free to redistribute and offline. The whole world's land and sea from Natural Earth at
 * zooms 0-5, so zooming out never shows an empty map; from zoom 6 to 14 the registry's district in detail, with its
 * channels, the towns around it and the station names; around the district a window's worth of tiles at each zoom,
 * so the map is full where it opens.
 *
 * <p>The world zooms are drawn at build time ({@link WorldOverview}) and copied from the class path; only the
 * district is drawn here, at first start, because only the open node's registry knows it. The world's 1,365 tiles are
 * the same for every user, and drawing them took 3-4 s more of a 2-core machine's first start, on top of the
 * district's 2.4-3 s (788 tiles); the jar carries them instead, 3.7 MB.
 *
 * <p>The file records what it was drawn from ({@link #CONTENT_KEY}: the drawing's version and a digest of the
 * registry's channels, stations and the places): a file drawn by an older version of the app, or before the registry
 * changed, is drawn again.
 */
public final class DefaultBasemap {
    /** The file in the basemaps folder; the name earlier versions used, so their outdated file is drawn again. */
    public static final String FILE_NAME = "waterchain-demo.mbtiles";
    public static final String NAME = "Built-in: world land, district channels and towns";
    public static final String ATTRIBUTION = NaturalEarthLand.ATTRIBUTION
            + "; channels and places: WaterChain demo district";
    /** Metadata row naming what the tiles were drawn from. */
    public static final String CONTENT_KEY = "waterchain_content";
    /** Raise when the drawing changes, so files drawn the old way are drawn again. */
    static final int DRAWING_VERSION = 2;
    static final int MAX_ZOOM = 14;
    /** Margin around the registry's features, in degrees: the district with its surroundings at the deep zooms. */
    static final double MARGIN_DEG = 0.15;
    /** A large screen, in pixels: at each zoom the tiles around the district's centre fill a window this big. */
    static final int WINDOW_WIDTH = 1920;
    static final int WINDOW_HEIGHT = 1200;
    /** Tiles drawn ahead of the writer at most, to bound the memory held. */
    private static final int AHEAD = 64;
    private static final System.Logger LOG = System.getLogger(DefaultBasemap.class.getName());

    private DefaultBasemap() {}

    /** The area the registry's features cover, with a margin; an empty registry gets the demo district's frame. */
    public static BoundingBox area(RegistryView registry) {
        List<GeoPoint> pts = new ArrayList<>();
        registry.stations().values().forEach(s -> pts.add(s.location()));
        registry.factories().values().forEach(f -> pts.add(f.location()));
        registry.channels().forEach(c -> pts.addAll(c.geometry()));
        if (pts.isEmpty()) {
            return new BoundingBox(121.05, 24.85, 121.40, 25.10);
        }
        double w = pts.stream().mapToDouble(GeoPoint::lon).min().orElseThrow() - MARGIN_DEG;
        double e = pts.stream().mapToDouble(GeoPoint::lon).max().orElseThrow() + MARGIN_DEG;
        double s = pts.stream().mapToDouble(GeoPoint::lat).min().orElseThrow() - MARGIN_DEG;
        double n = pts.stream().mapToDouble(GeoPoint::lat).max().orElseThrow() + MARGIN_DEG;
        return clamp(w, s, e, n);
    }

    /** The area drawn at each zoom past the world's: the district, and a window round its centre. */
    static Map<Integer, BoundingBox> extents(RegistryView registry) {
        BoundingBox district = area(registry);
        double lon = (district.west() + district.east()) / 2;
        double lat = (district.south() + district.north()) / 2;
        Map<Integer, BoundingBox> out = new TreeMap<>();
        for (int z = WorldOverview.MAX_ZOOM + 1; z <= MAX_ZOOM; z++) {
            double x = WebMercator.x(lon, z);
            double y = WebMercator.y(lat, z);
            BoundingBox window = clamp(WebMercator.lon(x - WINDOW_WIDTH / 2.0, z),
                    WebMercator.lat(y + WINDOW_HEIGHT / 2.0, z), WebMercator.lon(x + WINDOW_WIDTH / 2.0, z),
                    WebMercator.lat(y - WINDOW_HEIGHT / 2.0, z));
            out.put(z, district.union(window));
        }
        return out;
    }

    /** What the tiles are drawn from, as stored in {@link #CONTENT_KEY}. */
    static String contentKey(RegistryView registry) {
        StringBuilder s = new StringBuilder();
        for (AddChannel c : registry.channels()) {
            s.append("channel ").append(c.id());
            c.geometry().forEach(p -> s.append(' ').append(p.lon()).append(',').append(p.lat()));
            s.append('\n');
        }
        for (RegisterStation st : new TreeMap<>(registry.stations()).values()) {
            s.append("station ").append(st.id()).append(' ').append(st.name()).append(' ')
                    .append(st.location().lon()).append(',').append(st.location().lat()).append('\n');
        }
        registry.factories().values().forEach(f -> s.append("factory ").append(f.location()).append('\n'));
        TaoyuanPlaces.ALL.forEach(p -> s.append(p).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return "drawing " + DRAWING_VERSION + ", registry " + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether the file exists and was drawn by this version from this registry. */
    public static boolean isCurrent(Path file, RegistryView registry) {
        if (!Files.exists(file)) {
            return false;
        }
        try (MbTilesSource source = MbTilesSource.open(file, 1)) {
            return contentKey(registry).equals(source.metadata().raw().get(CONTENT_KEY));
        } catch (MbTilesException e) {
            LOG.log(System.Logger.Level.WARNING, "drawing the built-in basemap again: " + e.getMessage());
            return false;
        }
    }

    /**
     * Draws the basemap into {@code file} unless it is current (see {@link #isCurrent}). Drawn into a temporary file
     * first and moved in place, so a start interrupted half-way never leaves a partial basemap to be picked up next
     * time. Blocking (2-3 s on two cores): call it off the FX thread.
     */
    public static Path ensure(Path file, RegistryView registry) throws IOException, MbTilesException {
        if (isCurrent(file, registry)) {
            return file;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(tmp);
        long start = System.nanoTime();
        long tiles = write(tmp, registry);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.log(System.Logger.Level.INFO, () -> String.format(Locale.ROOT,
                "drew the built-in basemap %s: the world and %d district tiles, %.1f MB in %.1f s", file, tiles,
                size(file) / 1e6, (System.nanoTime() - start) / 1e9));
        return file;
    }

    /** The world from the class path, then the district drawn into it; returns how many tiles were drawn. */
    static long write(Path file, RegistryView registry) throws IOException, MbTilesException {
        WorldOverview.copyTo(file);
        BoundingBox district = area(registry);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("name", NAME);
        meta.put("format", "png");
        meta.put("type", "baselayer");
        meta.put("version", Integer.toString(DRAWING_VERSION));
        meta.put("description", "Natural Earth 1:50m land over the world to zoom " + WorldOverview.MAX_ZOOM
                + ", 1:10m land, channels, towns and stations over the district to zoom " + MAX_ZOOM);
        meta.put("minzoom", "0");
        meta.put("maxzoom", Integer.toString(MAX_ZOOM));
        meta.put("bounds", BoundingBox.WORLD.toMetadata());
        meta.put("center", String.format(Locale.ROOT, "%.5f,%.5f,%d", (district.west() + district.east()) / 2,
                (district.south() + district.north()) / 2, 12));
        meta.put("attribution", ATTRIBUTION);
        meta.put(CONTENT_KEY, contentKey(registry));
        Map<Integer, BoundingBox> extents = extents(registry);
        TilePainter painter = new TilePainter(registry.channels(), registry.stationList(), TaoyuanPlaces.ALL, extents);
        try (MbTilesWriter out = MbTilesWriter.open(file)) {
            out.putMetadata(meta);
            return draw(out, painter, ranges(extents));
        }
    }

    static List<TileRange> ranges(Map<Integer, BoundingBox> extents) {
        List<TileRange> out = new ArrayList<>();
        extents.forEach((z, area) -> out.add(TileMath.range(area, z)));
        return out;
    }

    /** Draws the tiles into the file, every core drawing while this thread writes them in order; returns how many. */
    static long draw(MbTilesWriter out, TilePainter painter, List<TileRange> ranges) throws IOException,
            MbTilesException {
        List<TileId> ids = new ArrayList<>();
        ranges.forEach(r -> r.forEach(ids::add));
        Map<Integer, byte[]> flat = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "basemap-draw");
            t.setDaemon(true);
            return t;
        });
        try {
            out.begin();
            Deque<Future<byte[]>> drawing = new ArrayDeque<>();
            int next = 0;
            for (TileId id : ids) {
                while (next < ids.size() && drawing.size() < AHEAD) {
                    TileId ahead = ids.get(next++);
                    drawing.add(pool.submit(() -> encode(painter.draw(ahead), flat)));
                }
                out.put(id, result(drawing.remove()));
            }
            out.commit();
        } finally {
            pool.shutdownNow();
        }
        return ids.size();
    }

    /** The tile as PNG; a tile of one flat colour (open sea, inland) is encoded once and its bytes reused. */
    static byte[] encode(BufferedImage img, Map<Integer, byte[]> flat) {
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int p : px) {
            if (p != px[0]) {
                return PngEncoder.encode(img);
            }
        }
        return flat.computeIfAbsent(px[0], c -> PngEncoder.encode(img));
    }

    private static byte[] result(Future<byte[]> tile) throws IOException {
        try {
            return tile.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("drawing the basemap was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("drawing a basemap tile failed: " + e.getCause(), e.getCause());
        }
    }

    private static BoundingBox clamp(double w, double s, double e, double n) {
        return new BoundingBox(Math.max(-180, w), Math.max(-TileMath.MAX_LATITUDE, s), Math.min(180, e),
                Math.min(TileMath.MAX_LATITUDE, n));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
