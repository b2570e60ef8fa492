package org.waterchain.app.map.view;

import java.nio.file.Path;
import org.waterchain.app.map.tiles.MbTilesSource;

/** A selectable basemap: an open MBTiles file, shown by its name. */
public record Basemap(String name, Path file, MbTilesSource source) {
    public String attribution() {
        return source.metadata().attribution();
    }

    @Override
    public String toString() {
        return name;
    }
}
