package org.waterchain.app.map.tiles;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** A rectangle of tiles at one zoom level, inclusive on all sides; iterates row by row from the north-west. */
public record TileRange(int z, int minX, int maxX, int minY, int maxY) implements Iterable<TileId> {
    public TileRange {
        // Validates both corners against the zoom's grid.
        new TileId(z, minX, minY);
        new TileId(z, maxX, maxY);
        if (minX > maxX || minY > maxY) {
            throw new IllegalArgumentException("empty tile range at zoom " + z + ": x " + minX + ".." + maxX
                    + ", y " + minY + ".." + maxY);
        }
    }

    public long count() {
        return (long) (maxX - minX + 1) * (maxY - minY + 1);
    }

    @Override
    public Iterator<TileId> iterator() {
        return new Iterator<>() {
            private int x = minX;
            private int y = minY;

            @Override
            public boolean hasNext() {
                return y <= maxY;
            }

            @Override
            public TileId next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                TileId tile = new TileId(z, x, y);
                if (++x > maxX) {
                    x = minX;
                    y++;
                }
                return tile;
            }
        };
    }
}
