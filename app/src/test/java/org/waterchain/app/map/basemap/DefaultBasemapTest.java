package org.waterchain.app.map.basemap;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.app.map.tiles.MbTilesMetadata;
import org.waterchain.app.map.tiles.MbTilesSource;
import org.waterchain.app.map.tiles.MbTilesWriter;
import org.waterchain.app.map.tiles.TileFormat;
import org.waterchain.app.map.tiles.TileId;
import org.waterchain.app.map.tiles.TileMath;
import org.waterchain.app.map.tiles.WebMercator;
import org.waterchain.app.session.RegistryView;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;

/** The built-in basemap as the app writes it at first start: a real MBTiles file read back with the app's reader. */
class DefaultBasemapTest {
    static final RegistryView REGISTRY = TilePainterTest.REGISTRY;

    @TempDir
    Path dir;

    @Test
    void theFileHoldsTheWorldAndTheDistrictAndNamesItsSources() throws Exception {
        Path file = DefaultBasemap.ensure(dir.resolve("basemaps").resolve("default.mbtiles"), REGISTRY);
        try (MbTilesSource source = MbTilesSource.open(file)) {
            MbTilesMetadata meta = source.metadata();
            assertEquals(0, meta.minZoom());
            assertEquals(14, meta.maxZoom());
            assertEquals("Natural Earth (public domain), via world-atlas 2.0.2; channels and places: WaterChain demo"
                    + " district", meta.attribution());
            assertEquals(DefaultBasemap.NAME, meta.name());
            assertEquals(TileFormat.PNG, meta.format());
            // every tile of the world to zoom 5, from the overview drawn at build time
            for (int z = 0; z <= WorldOverview.MAX_ZOOM; z++) {
                int last = TileMath.tilesPerSide(z) - 1;
                for (TileId corner : List.of(new TileId(z, 0, 0), new TileId(z, last, last))) {
                    assertTrue(source.tile(corner).isPresent(), "world tile " + corner);
                }
            }
            // the district at every deeper zoom, and nothing of the far side of the world there
            for (int z = WorldOverview.MAX_ZOOM + 1; z <= 14; z++) {
                assertTrue(source.tile(TileMath.tileAt(121.2, 24.93, z)).isPresent(), "district tile at zoom " + z);
                assertTrue(source.tile(TileMath.tileAt(-70, 40, z)).isEmpty(), "no district over the Atlantic");
            }
            // the channel, half way along its second leg, in water colour on its deepest tile
            TileId tile = TileMath.tileAt(121.225, 24.915, 14);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(source.tile(tile).orElseThrow()));
            int x = (int) Math.floor(WebMercator.x(121.225, 14) - tile.x() * 256.0);
            int y = (int) Math.floor(WebMercator.y(24.915, 14) - tile.y() * 256.0);
            assertEquals(TilePainter.WATER, new Color(img.getRGB(x, y)));
        }
        assertFalse(Files.exists(dir.resolve("basemaps").resolve("default.mbtiles.part")), "no temporary file left");
    }

    @Test
    void aCurrentFileIsKeptAndOneFromAnOlderVersionOrAnotherRegistryIsDrawnAgain() throws Exception {
        Path file = dir.resolve("waterchain-demo.mbtiles");
        // what earlier versions wrote under the same name: registry-drawn tiles and no record of what they came from
        try (MbTilesWriter old = MbTilesWriter.open(file)) {
            old.putMetadata(Map.of("name", "Demo district (drawn from the registry)", "format", "png",
                    "attribution", "WaterChain demo registry (no external map data)"));
            old.put(new TileId(9, 427, 219),
                    PngEncoder.encode(new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB)));
        }
        assertFalse(DefaultBasemap.isCurrent(file, REGISTRY));
        DefaultBasemap.ensure(file, REGISTRY);
        assertTrue(DefaultBasemap.isCurrent(file, REGISTRY));
        try (MbTilesSource source = MbTilesSource.open(file)) {
            assertEquals(DefaultBasemap.NAME, source.metadata().name());
        }

        FileTime drawn = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, drawn);
        DefaultBasemap.ensure(file, REGISTRY);
        assertEquals(drawn, Files.getLastModifiedTime(file), "current: not drawn again");

        AddChannel moved = new AddChannel("C1", "San-Kuai-Tsuo branch C1", "R04", "OUT", 9000,
                List.of(new GeoPoint(121.17, 24.96), new GeoPoint(121.21, 24.93), new GeoPoint(121.25, 24.90)));
        RegistryView changed = new RegistryView(REGISTRY.stations(), Map.of(), Map.of(), List.of(moved),
                REGISTRY.standards());
        assertFalse(DefaultBasemap.isCurrent(file, changed), "a channel moved: its tiles are out of date");
        DefaultBasemap.ensure(file, changed);
        assertTrue(DefaultBasemap.isCurrent(file, changed));
        assertNotEquals(drawn, Files.getLastModifiedTime(file));
    }

    @Test
    void aDamagedFileIsNotCurrentSoEnsureDrawsItAgain() throws Exception {
        Path file = dir.resolve("waterchain-demo.mbtiles");
        Files.writeString(file, "not a database");
        assertFalse(DefaultBasemap.isCurrent(file, REGISTRY));
    }

    @Test
    void theDistrictsFrameIsTheRegistrysFeaturesWithAMarginAndWiderAtTheZoomsOfAWindow() {
        var area = DefaultBasemap.area(REGISTRY);
        assertEquals(121.17 - DefaultBasemap.MARGIN_DEG, area.west(), 1e-9);
        assertEquals(121.25 + DefaultBasemap.MARGIN_DEG, area.east(), 1e-9);
        assertEquals(24.90 - DefaultBasemap.MARGIN_DEG, area.south(), 1e-9);
        assertEquals(24.96 + DefaultBasemap.MARGIN_DEG, area.north(), 1e-9);
        var extents = DefaultBasemap.extents(REGISTRY);
        assertEquals(List.of(6, 7, 8, 9, 10, 11, 12, 13, 14), List.copyOf(extents.keySet()));
        assertEquals(area, extents.get(14), "at zoom 14 the district is wider than a window");
        var z8 = extents.get(8);
        double windowDegrees = DefaultBasemap.WINDOW_WIDTH * 360.0 / (256 << 8);
        assertEquals(windowDegrees, z8.east() - z8.west(), 1e-9, "at zoom 8 a window round the district");
    }
}
