package org.waterchain.app.map.basemap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.waterchain.app.map.tiles.BoundingBox;
import org.waterchain.app.map.tiles.TileId;
import org.waterchain.app.map.tiles.TileMath;
import org.waterchain.app.map.tiles.TileRange;
import org.waterchain.app.map.tiles.WebMercator;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;

/**
 * Draws basemap tiles: sea, Natural Earth land, a graticule, the registry's channels as water, place names and
 * station names. Land is projected once per zoom, only the polygons that reach the area drawn at that zoom, thinned
 * to what a pixel can show and cut to that area, so a tile does not walk every vertex of Eurasia at full detail.
 *
 * <p>Thread-safe: tiles may be drawn in parallel; the land and labels of a zoom are built once, by the first tile
 * that needs them, and only read after.
 */
final class TilePainter {
    static final int SIZE = 256;
    /** Zooms up to this draw the 1:50m land; deeper ones the 1:10m (about 1 km, finer than 50m's 5 km). */
    static final int COARSE_MAX_ZOOM = WorldOverview.MAX_ZOOM;
    /**
     * The world zooms go without: continents give the bearings there, and open sea and inland tiles then come out
     * one flat colour, which the writer encodes once (half the world's tiles at zoom 5).
     */
    static final int GRATICULE_MIN_ZOOM = WorldOverview.MAX_ZOOM + 1;
    /** Channels are a few pixels long below this zoom: noise, not information. */
    static final int CHANNEL_MIN_ZOOM = 8;
    static final int STATION_LABEL_MIN_ZOOM = 12;

    static final Color SEA = new Color(0xAC, 0xCD, 0xE6);
    static final Color LAND = new Color(0xF2, 0xEF, 0xE6);
    static final Color COAST = new Color(0x8F, 0xB3, 0xD1);
    static final Color GRID = new Color(0x30, 0x40, 0x58, 0x18);
    static final Color WATER = new Color(0x2F, 0x7C, 0xCF);
    static final Color PLACE = new Color(0x3B, 0x36, 0x30);
    static final Color STATION = new Color(0x4A, 0x4A, 0x4A);
    static final Color HALO = new Color(0xFF, 0xFF, 0xFF, 0xC8);
    /** Graticule spacings, coarse to fine; each zoom takes the finest that keeps lines 150 px apart or more. */
    private static final double[] GRID_STEPS = {90, 45, 30, 15, 10, 5, 2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01};
    /** Antialiased, integer metrics: as the tiles' Graphics2D lays text out. */
    private static final FontRenderContext LABEL_FONTS = new FontRenderContext(null, true, false);

    private final List<AddChannel> channels;
    private final List<RegisterStation> stations;
    private final List<Place> places;
    private final Map<Integer, BoundingBox> extents;
    private final Map<Integer, List<Projected>> land = new ConcurrentHashMap<>();
    private final Map<Integer, List<Label>> labels = new ConcurrentHashMap<>();
    private final Map<NaturalEarthLand, List<LandPolygon>> sources = new ConcurrentHashMap<>();

    /** A land polygon in world pixels of one zoom, with its pixel bounds for culling. */
    private record Projected(Path2D.Double path, Rectangle2D bounds) {}

    /** A name's letters in world pixels, with the box its halo covers. */
    record Label(String text, Shape outline, Rectangle2D box, Color colour) {}

    /**
     * @param extents the area drawn at each zoom: land outside it is never projected at that zoom
     */
    TilePainter(List<AddChannel> channels, List<RegisterStation> stations, List<Place> places,
            Map<Integer, BoundingBox> extents) {
        this.channels = List.copyOf(channels);
        this.stations = List.copyOf(stations);
        this.places = List.copyOf(places);
        this.extents = Map.copyOf(extents);
    }

    BufferedImage draw(TileId id) {
        int z = id.z();
        double ox = id.x() * (double) SIZE;
        double oy = id.y() * (double) SIZE;
        Rectangle2D tile = new Rectangle2D.Double(ox, oy, SIZE, SIZE);
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(SEA);
            g.fillRect(0, 0, SIZE, SIZE);
            g.translate(-ox, -oy);
            drawLand(g, z, tile);
            if (z >= GRATICULE_MIN_ZOOM) {
                drawGraticule(g, z, tile);
            }
            if (z >= CHANNEL_MIN_ZOOM) {
                drawChannels(g, z);
            }
            drawLabels(g, z, tile);
        } finally {
            g.dispose();
        }
        return img;
    }

    private void drawLand(Graphics2D g, int z, Rectangle2D tile) {
        List<Projected> shapes = land.computeIfAbsent(z, this::project);
        g.setColor(LAND);
        for (Projected p : shapes) {
            if (p.bounds().intersects(tile)) {
                g.fill(p.path());
            }
        }
        // a hairline coast keeps small islands and narrow straits readable against the pale land
        g.setColor(COAST);
        g.setStroke(new BasicStroke(z >= 10 ? 1.2f : 0.8f));
        for (Projected p : shapes) {
            if (p.bounds().intersects(tile)) {
                g.draw(p.path());
            }
        }
    }

    /**
     * The land reaching this zoom's extent, in world pixels, thinned to vertices a pixel apart and cut to the extent's
     * tiles: at deep zooms that leaves a few hundred vertices of Eurasia's 81,000 (its bounding box holds Taiwan).
     */
    private List<Projected> project(int z) {
        BoundingBox area = extents.getOrDefault(z, BoundingBox.WORLD);
        TileRange tiles = TileMath.range(area, z);
        // a little outside the tiles, so the coast drawn along the cut never shows
        Rectangle2D cut = new Rectangle2D.Double(tiles.minX() * (double) SIZE - 4, tiles.minY() * (double) SIZE - 4,
                (tiles.maxX() - tiles.minX() + 1) * (double) SIZE + 8,
                (tiles.maxY() - tiles.minY() + 1) * (double) SIZE + 8);
        NaturalEarthLand source = z <= COARSE_MAX_ZOOM ? NaturalEarthLand.COARSE : NaturalEarthLand.DETAILED;
        List<Projected> out = new ArrayList<>();
        for (LandPolygon polygon : sources.computeIfAbsent(source, NaturalEarthLand::load)) {
            if (!polygon.intersects(area.west(), area.south(), area.east(), area.north())) {
                continue;
            }
            Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (double[] ring : polygon.rings()) {
                for (double[] flat : Antimeridian.planar(ring)) {
                    appendRing(path, RingClip.clip(thin(flat, z), cut));
                }
            }
            Rectangle2D bounds = path.getBounds2D();
            if (bounds.getWidth() >= 1 || bounds.getHeight() >= 1) {
                // grown by the coast stroke, so a tile touched only by the stroke still draws it
                bounds.setRect(bounds.getX() - 1, bounds.getY() - 1, bounds.getWidth() + 2, bounds.getHeight() + 2);
                out.add(new Projected(path, bounds));
            }
        }
        return out;
    }

    /** The ring in world pixels of zoom z, without the vertices less than a pixel from the last one kept. */
    private static double[] thin(double[] ring, int z) {
        double[] out = new double[ring.length];
        int n = 0;
        for (int i = 0; i < ring.length; i += 2) {
            double x = WebMercator.x(ring[i], z);
            double y = WebMercator.y(ring[i + 1], z);
            if (n == 0 || Math.abs(x - out[n - 2]) >= 0.7 || Math.abs(y - out[n - 1]) >= 0.7) {
                out[n++] = x;
                out[n++] = y;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static void appendRing(Path2D.Double path, double[] xy) {
        if (xy.length < 6) {
            return;
        }
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
    }

    private static void drawGraticule(Graphics2D g, int z, Rectangle2D tile) {
        double pxPerDegree = WebMercator.x(1, z) - WebMercator.x(0, z);
        double step = GRID_STEPS[0];
        for (double s : GRID_STEPS) {
            if (s * pxPerDegree >= 150) {
                step = s;
            }
        }
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1f));
        double west = WebMercator.lon(tile.getMinX(), z);
        double east = WebMercator.lon(tile.getMaxX(), z);
        double north = WebMercator.lat(tile.getMinY(), z);
        double south = WebMercator.lat(tile.getMaxY(), z);
        // whole multiples of the step, counted as integers so 0.1 steps do not drift off the round numbers
        for (long k = (long) Math.ceil(west / step); k * step <= east; k++) {
            double x = Math.floor(WebMercator.x(k * step, z)) + 0.5;
            g.draw(new Line2D.Double(x, tile.getMinY(), x, tile.getMaxY()));
        }
        for (long k = (long) Math.ceil(south / step); k * step <= north; k++) {
            double y = Math.floor(WebMercator.y(k * step, z)) + 0.5;
            g.draw(new Line2D.Double(tile.getMinX(), y, tile.getMaxX(), y));
        }
    }

    private void drawChannels(Graphics2D g, int z) {
        g.setColor(WATER);
        g.setStroke(new BasicStroke(Math.max(1.5f, z - 9.5f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (AddChannel c : channels) {
            Path2D.Double line = new Path2D.Double();
            for (GeoPoint p : c.geometry()) {
                double x = WebMercator.x(p.lon(), z);
                double y = WebMercator.y(p.lat(), z);
                if (line.getCurrentPoint() == null) {
                    line.moveTo(x, y);
                } else {
                    line.lineTo(x, y);
                }
            }
            g.draw(line);
        }
    }

    private void drawLabels(Graphics2D g, int z, Rectangle2D tile) {
        for (Label label : labels(z)) {
            if (label.box().intersects(tile)) {
                g.setColor(HALO);
                g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(label.outline());
                g.setColor(label.colour());
                g.fill(label.outline());
            }
        }
    }

    List<Label> labels(int z) {
        return labels.computeIfAbsent(z, this::placeLabels);
    }

    /**
     * The labels shown at this zoom, in world pixels: stations first (the subject of the map), then places in the
     * order listed (cities before towns); a label that would overlap one already placed is left out. Decided once
     * per zoom for the whole map, so a label cut by a tile edge is drawn the same on both sides of it.
     */
    private List<Label> placeLabels(int z) {
        List<Label> out = new ArrayList<>();
        if (z >= STATION_LABEL_MIN_ZOOM) {
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, z >= 13 ? 12 : 10);
            for (RegisterStation s : stations) {
                // right of the marker the map draws on top, so the marker's colour stays readable
                place(out, z >= 13 ? s.id() + " " + s.name() : s.id(), font, STATION,
                        WebMercator.x(s.location().lon(), z) + 10, WebMercator.y(s.location().lat(), z), false);
            }
        }
        for (Place p : places) {
            if (z >= p.minZoom()) {
                boolean major = p.minZoom() <= 10;
                Font font = new Font(Font.SANS_SERIF, major ? Font.BOLD : Font.PLAIN, major ? 13 : 12);
                place(out, p.name(), font, PLACE, WebMercator.x(p.lon(), z), WebMercator.y(p.lat(), z), true);
            }
        }
        return out;
    }

    private static void place(List<Label> placed, String text, Font font, Color colour, double x, double y,
            boolean centred) {
        TextLayout layout = new TextLayout(text, font, LABEL_FONTS);
        double left = centred ? x - layout.getAdvance() / 2 : x;
        double baseline = y + (layout.getAscent() - layout.getDescent()) / 2;
        Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(left, baseline));
        Rectangle2D box = outline.getBounds2D();
        // the halo's width beyond the letters, and a little air between neighbours
        box.setRect(box.getX() - 3, box.getY() - 3, box.getWidth() + 6, box.getHeight() + 6);
        if (placed.stream().noneMatch(l -> l.box().intersects(box))) {
            placed.add(new Label(text, outline, box, colour));
        }
    }
}
