package org.waterchain.app.map.tiles;

import java.io.IOException;
import java.nio.file.Path;

/** An MBTiles file that cannot be used; the message names the file and, for a tile, its z/x/y. */
public class MbTilesException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public MbTilesException(Path file, String problem) {
        this(file, problem, null);
    }

    public MbTilesException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
