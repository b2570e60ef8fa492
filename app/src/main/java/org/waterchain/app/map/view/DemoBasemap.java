package org.waterchain.app.map.view;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.waterchain.app.map.tiles.BoundingBox;
import org.waterchain.app.map.tiles.MbTilesException;
import org.waterchain.app.map.tiles.MbTilesWriter;
import org.waterchain.app.map.tiles.TileId;
import org.waterchain.app.map.tiles.TileMath;
import org.waterchain.app.map.tiles.TileRange;
import org.waterchain.app.session.RegistryView;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;

/**
 * A basemap drawn from the registry itself (the project's own data, free to redistribute): a light background over
 * the district with its channels and station names, so the map shows something offline before the user adds a real
 * basemap. A few hundred PNG tiles; drawn with Java2D on the caller's thread (not the FX thread).
 */
public final class DemoBasemap {
    public static final String FILE_NAME = "waterchain-demo" + BasemapRegistry.EXTENSION;
    static final int MIN_ZOOM = 9;
    static final int MAX_ZOOM = 14;
    /** Margin around the features, in degrees: enough to fill the window at the district's zoom (about 460 tiles). */
    static final double MARGIN_DEG = 0.15;

    private static final Color LAND = new Color(0xF2, 0xEF, 0xE6);
    private static final Color GRID = new Color(0xE2, 0xDD, 0xD0);
    private static final Color WATER = new Color(0x9C, 0xC3, 0xEA);
    private static final Color LABEL = new Color(0x4A, 0x4A, 0x4A);

    private DemoBasemap() {}

    /** The area the registry's features cover, with a margin; empty registries get the demo district's frame. */
    static BoundingBox area(RegistryView registry) {
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
        return new BoundingBox(w, s, e, n);
    }

    /**
     * Writes the basemap to {@code file} unless it exists. Written to a temporary file first and moved in place, so
     * a start interrupted half-way never leaves a partial basemap to be picked up next time.
     */
    public static Path ensure(Path file, RegistryView registry) throws IOException, MbTilesException {
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(tmp);
        BoundingBox area = area(registry);
        try (MbTilesWriter out = MbTilesWriter.open(tmp)) {
            out.putMetadata(Map.of(
                    "name", "Demo district (drawn from the registry)",
                    "format", "png",
                    "type", "baselayer",
                    "minzoom", Integer.toString(MIN_ZOOM),
                    "maxzoom", Integer.toString(MAX_ZOOM),
                    "bounds", area.toMetadata(),
                    "center", String.format(Locale.ROOT, "%.5f,%.5f,%d", (area.west() + area.east()) / 2,
                            (area.south() + area.north()) / 2, 12),
                    "attribution", "WaterChain demo registry (no external map data)"));
            for (TileRange range : TileMath.ranges(area, MIN_ZOOM, MAX_ZOOM)) {
                for (TileId id : range) {
                    out.put(id, png(draw(registry, id)));
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    static BufferedImage draw(RegistryView registry, TileId id) {
        int size = WebMercator.TILE_SIZE;
        int z = id.z();
        double ox = id.x() * (double) size;
        double oy = id.y() * (double) size;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(LAND);
            g.fillRect(0, 0, size, size);
            drawGraticule(g, z, ox, oy);
            g.setColor(WATER);
            g.setStroke(new BasicStroke(Math.max(1.5f, z - 9.5f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (AddChannel c : registry.channels()) {
                Path2D.Double line = new Path2D.Double();
                boolean first = true;
                for (GeoPoint p : c.geometry()) {
                    double x = WebMercator.x(p.lon(), z) - ox;
                    double y = WebMercator.y(p.lat(), z) - oy;
                    if (first) {
                        line.moveTo(x, y);
                        first = false;
                    } else {
                        line.lineTo(x, y);
                    }
                }
                g.draw(line);
            }
            if (z >= 12) {
                g.setColor(LABEL);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, z >= 13 ? 12 : 10));
                for (RegisterStation s : registry.stations().values()) {
                    double x = WebMercator.x(s.location().lon(), z) - ox;
                    double y = WebMercator.y(s.location().lat(), z) - oy;
                    // right of the marker the map draws on top, so the marker's colour stays readable
                    g.drawString(z >= 13 ? s.id() + " " + s.name() : s.id(), (float) (x + 10), (float) (y + 4));
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Thin lines every 0.1 degree (0.02 when zoomed in): a sense of scale and direction on an otherwise empty map. */
    private static void drawGraticule(Graphics2D g, int z, double ox, double oy) {
        double step = z >= 13 ? 0.02 : 0.1;
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1f));
        double west = TileMath.westEdge((int) (ox / WebMercator.TILE_SIZE), z);
        double east = TileMath.westEdge((int) (ox / WebMercator.TILE_SIZE) + 1, z);
        double north = TileMath.northEdge((int) (oy / WebMercator.TILE_SIZE), z);
        double south = TileMath.northEdge((int) (oy / WebMercator.TILE_SIZE) + 1, z);
        for (double lon = Math.ceil(west / step) * step; lon <= east; lon += step) {
            int x = (int) Math.round(WebMercator.x(lon, z) - ox);
            g.drawLine(x, 0, x, WebMercator.TILE_SIZE);
        }
        for (double lat = Math.ceil(south / step) * step; lat <= north; lat += step) {
            int y = (int) Math.round(WebMercator.y(lat, z) - oy);
            g.drawLine(0, y, WebMercator.TILE_SIZE, y);
        }
    }

    private static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        ImageIO.write(img, "png", bytes);
        return bytes.toByteArray();
    }
}
