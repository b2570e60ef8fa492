package org.waterchain.app.map.tiles;

import java.util.Map;
import java.util.Optional;

/**
 * What a viewer needs from an MBTiles file, with the gaps of real files already filled: {@code format} sniffed
 * from a tile when the metadata lacks it, the zoom range taken from the tiles themselves when {@code minzoom} or
 * {@code maxzoom} is missing or unreadable. {@code raw} keeps every metadata row as written.
 *
 * @param attribution the text the map must show; empty when the file names none (the caller then shows the
 *                    file's name rather than nothing)
 * @param bounds      absent when the file has none or an unreadable one
 * @param center      absent when the file has none or an unreadable one
 * @param minZoom     -1 with maxZoom -1 when the file holds no tiles at all
 */
public record MbTilesMetadata(String name, String attribution, Optional<BoundingBox> bounds,
                              Optional<MapCenter> center, TileFormat format, int minZoom, int maxZoom,
                              Map<String, String> raw) {
    public MbTilesMetadata {
        raw = Map.copyOf(raw);
    }

    public boolean isEmpty() {
        return minZoom < 0;
    }
}
