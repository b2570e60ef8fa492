package org.waterchain.app.map.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TileMathTest {
    @Test
    void zeroZoomIsOneTile() {
        assertEquals(new TileId(0, 0, 0), TileMath.tileAt(121.2, 25.0, 0));
        assertEquals(1, TileMath.count(BoundingBox.WORLD, 0, 0));
    }

    @Test
    void knownTilesMatchTheSlippyMapFormula() {
        // Taoyuan at z4 is in the column east of 112.5 E and the row between 21.9 N and 40.9 N.
        assertEquals(new TileId(4, 13, 6), TileMath.tileAt(121.2, 25.0, 4));
        // Greenwich/equator corner cases: the point on an edge belongs to the tile east/south of it.
        assertEquals(new TileId(1, 1, 1), TileMath.tileAt(0.0, 0.0, 1));
        assertEquals(new TileId(1, 0, 0), TileMath.tileAt(-0.1, 0.1, 1));
        // London at z10 (the OSM wiki example).
        assertEquals(new TileId(10, 511, 340), TileMath.tileAt(-0.1276, 51.5072, 10));
    }

    @Test
    void gridEdgesAndPolesStayOnTheGrid() {
        assertEquals(new TileId(3, 7, 0), TileMath.tileAt(180, 90, 3));
        assertEquals(new TileId(3, 0, 7), TileMath.tileAt(-180, -90, 3));
    }

    @Test
    void edgesInvertColumnsAndRows() {
        for (int x = 0; x < 16; x++) {
            assertEquals(x, TileMath.column(TileMath.westEdge(x, 4) + 1e-9, 4));
            assertEquals(x, TileMath.row(TileMath.northEdge(x, 4) - 1e-9, 4));
        }
        assertEquals(TileMath.MAX_LATITUDE, TileMath.northEdge(0, 0), 1e-9);
    }

    @Test
    void tmsFlipIsItsOwnInverse() {
        assertEquals(0, TileMath.flipRow(0, 0));
        assertEquals(3, TileMath.flipRow(2, 0));
        assertEquals(1, new TileId(2, 0, 2).tmsRow());
        for (int y = 0; y < 32; y++) {
            assertEquals(y, TileMath.flipRow(5, TileMath.flipRow(5, y)));
        }
    }

    @Test
    void countsTheTilesOfAnArea() {
        assertEquals(1 + 4 + 16 + 64 + 256, TileMath.count(BoundingBox.WORLD, 0, 4));
        BoundingBox taoyuan = new BoundingBox(121.05, 24.85, 121.40, 25.10);
        List<TileId> tiles = new ArrayList<>();
        TileMath.range(taoyuan, 12).forEach(tiles::add);
        assertEquals(TileMath.range(taoyuan, 12).count(), tiles.size());
        assertEquals(TileMath.tileAt(121.05, 25.10, 12), tiles.get(0));
        assertEquals(TileMath.tileAt(121.40, 24.85, 12), tiles.get(tiles.size() - 1));
        long sum = 0;
        for (int z = 8; z <= 12; z++) {
            sum += TileMath.range(taoyuan, z).count();
        }
        assertEquals(sum, TileMath.count(taoyuan, 8, 12));
    }

    @Test
    void rejectsImpossibleInput() {
        assertThrows(IllegalArgumentException.class, () -> new TileId(2, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> new TileId(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> TileMath.count(BoundingBox.WORLD, 3, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BoundingBox(170, 0, -170, 10));
        assertTrue(e.getMessage().contains("antimeridian"), e.getMessage());
    }

    @Test
    void boundsRoundTripThroughMetadata() {
        BoundingBox box = new BoundingBox(121.05, 24.85, 121.4, 25.1);
        assertEquals(box, BoundingBox.parse(box.toMetadata()));
        assertThrows(IllegalArgumentException.class, () -> BoundingBox.parse("1,2,3"));
    }
}
