package org.waterchain.app.map.basemap;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waterchain.app.map.tiles.TileId;
import org.waterchain.app.map.tiles.TileMath;
import org.waterchain.app.map.tiles.WebMercator;
import org.waterchain.app.session.RegistryView;
import org.waterchain.app.standards.Standards;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;
import org.waterchain.ledger.registry.StationKind;

/** Drawn tiles, read pixel by pixel at places whose land or water is known. */
class TilePainterTest {
    /** A channel through the demo district, bending at (121.20, 24.93), and one station beside it. */
    static final AddChannel CHANNEL = new AddChannel("C1", "San-Kuai-Tsuo branch C1", "R04", "OUT", 9000,
            List.of(new GeoPoint(121.17, 24.96), new GeoPoint(121.20, 24.93), new GeoPoint(121.25, 24.90)));
    static final RegisterStation STATION = new RegisterStation("R04", "Upstream gate", StationKind.REGULAR,
            new GeoPoint(121.24, 24.92), KeyPair.generate().address());
    static final RegistryView REGISTRY = new RegistryView(Map.of("R04", STATION), Map.of(), Map.of(),
            List.of(CHANNEL), Standards.of(List.of()));

    final TilePainter district = new TilePainter(REGISTRY.channels(), REGISTRY.stationList(), TaoyuanPlaces.ALL,
            DefaultBasemap.extents(REGISTRY));
    final TilePainter world = new TilePainter(List.of(), List.of(), List.of(), Map.of());

    @Test
    void theStraitIsSeaAndTheHillsAreLand() {
        assertEquals(TilePainter.SEA, pixel(district, 120.95, 25.15, 10), "Taiwan Strait off Guanyin");
        assertEquals(TilePainter.LAND, pixel(district, 121.35, 24.85, 10), "the hills south-east of Daxi");
        assertEquals(TilePainter.LAND, pixel(district, 121.305, 24.975, 14),
                "Taoyuan, at the deepest zoom (off the grid lines)");
        assertEquals(TilePainter.SEA, pixel(district, 121.055, 25.105, 14), "the sea off Guanyin, at the deepest zoom");
    }

    @Test
    void theWorldOverviewHasContinentsAndOceansAndNoBandAcrossTheAntimeridian() {
        assertEquals(TilePainter.LAND, pixel(world, 10, 25, 3), "the Sahara");
        assertEquals(TilePainter.SEA, pixel(world, -150, 0, 3), "the Pacific");
        assertEquals(TilePainter.LAND, pixel(world, 0, -80, 2), "Antarctica, which goes round the pole");
        // Eurasia's ring steps from 180 to -180 at 65-69N: drawn flat, it would fill a band round the whole world
        assertEquals(TilePainter.SEA, pixel(world, 0, 67, 3), "the Norwegian Sea");
        assertEquals(TilePainter.SEA, pixel(world, -40, 60, 3), "the Labrador Sea");
        assertEquals(TilePainter.LAND, pixel(world, -175, 66.5, 5), "Chukotka, east of the antimeridian");
    }

    @Test
    void theRegistrysChannelIsDrawnAsWater() {
        // half way along the channel's second leg
        assertEquals(TilePainter.WATER, pixel(district, 121.225, 24.915, 14));
        assertEquals(TilePainter.WATER, pixel(district, 121.185, 24.945, 12));
        assertNotEquals(TilePainter.WATER, pixel(district, 121.185, 24.945, TilePainter.CHANNEL_MIN_ZOOM - 1),
                "too small to show below zoom " + TilePainter.CHANNEL_MIN_ZOOM);
    }

    @Test
    void namesThatWouldOverlapGiveWayToTheOnesListedFirst() {
        assertEquals(List.of("Taipei", "Hsinchu"), texts(7));
        // Guishan's district centre is 3.8 km from Taoyuan's: at zoom 11 their names would touch
        assertTrue(texts(11).containsAll(List.of("Taoyuan", "Zhongli", "Dayuan", "Longtan")), texts(11).toString());
        assertFalse(texts(11).contains("Guishan"));
        assertTrue(texts(12).containsAll(List.of("R04", "Taoyuan", "Guishan")), texts(12).toString());
        assertEquals("R04 Upstream gate", texts(13).get(0), "stations are placed first, with their names from 13");
        for (int z = 6; z <= 14; z++) {
            List<TilePainter.Label> labels = district.labels(z);
            for (int i = 0; i < labels.size(); i++) {
                for (int j = i + 1; j < labels.size(); j++) {
                    assertFalse(labels.get(i).box().intersects(labels.get(j).box()),
                            "zoom " + z + ": " + labels.get(i).text() + " overlaps " + labels.get(j).text());
                }
            }
        }
    }

    @Test
    void aPlaceNameIsDrawnOnItsTileInTheLabelColour() {
        TileId tile = TileMath.tileAt(121.2244, 24.9654, 12);
        BufferedImage img = district.draw(tile);
        int x = (int) (WebMercator.x(121.2244, 12) - tile.x() * 256.0);
        int y = (int) (WebMercator.y(24.9654, 12) - tile.y() * 256.0);
        int dark = 0;
        for (int dx = -20; dx <= 20; dx++) {
            for (int dy = -6; dy <= 6; dy++) {
                if (new Color(img.getRGB(x + dx, y + dy)).equals(TilePainter.PLACE)) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 20, "Zhongli's letters around its centre: " + dark + " pixels");
    }

    private List<String> texts(int z) {
        return district.labels(z).stream().map(TilePainter.Label::text).toList();
    }

    /** The colour of the pixel at a place, from the tile holding it. */
    static Color pixel(TilePainter painter, double lon, double lat, int z) {
        TileId tile = TileMath.tileAt(lon, lat, z);
        BufferedImage img = painter.draw(tile);
        int x = (int) Math.floor(WebMercator.x(lon, z) - tile.x() * 256.0);
        int y = (int) Math.floor(WebMercator.y(lat, z) - tile.y() * 256.0);
        return new Color(img.getRGB(x, y));
    }
}
