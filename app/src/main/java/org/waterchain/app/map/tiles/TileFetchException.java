package org.waterchain.app.map.tiles;

import java.io.IOException;

/** An online tile that could not be had; the message names the source, the tile and what went wrong. */
public class TileFetchException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient TileId tile;
    private final String reason;

    public TileFetchException(String source, TileId tile, String reason, long failuresSoFar) {
        super(source + ": tile " + tile + " failed: " + reason
                + (failuresSoFar > 1 ? " (" + failuresSoFar + " tiles failed so far)" : ""));
        this.tile = tile;
        this.reason = reason;
    }

    public TileId tile() {
        return tile;
    }

    /** What went wrong, without the source and tile: "HTTP 500", "timed out after 10000 ms". */
    public String reason() {
        return reason;
    }
}
