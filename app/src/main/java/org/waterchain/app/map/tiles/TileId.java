package org.waterchain.app.map.tiles;

/** One tile of the web-map grid, numbered as XYZ map clients do: y = 0 is the northernmost row. */
public record TileId(int z, int x, int y) {
    public TileId {
        TileMath.checkZoom(z);
        int n = TileMath.tilesPerSide(z);
        if (x < 0 || x >= n || y < 0 || y >= n) {
            throw new IllegalArgumentException("tile " + z + "/" + x + "/" + y + " is outside the zoom-" + z
                    + " grid (0.." + (n - 1) + ")");
        }
    }

    /** The MBTiles {@code tile_row} of this tile (MBTiles numbers rows TMS-style, from the south). */
    public int tmsRow() {
        return TileMath.flipRow(z, y);
    }

    @Override
    public String toString() {
        return z + "/" + x + "/" + y;
    }
}
