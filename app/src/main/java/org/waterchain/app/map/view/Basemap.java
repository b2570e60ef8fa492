package org.waterchain.app.map.view;

import java.nio.file.Path;
import org.waterchain.app.map.tiles.MbTilesSource;
import org.waterchain.app.map.tiles.OnlineTiles;

/**
 * A selectable basemap, shown by its name: an open MBTiles file, or an online XYZ source (then {@code file} and
 * {@code source} are its cache, and {@code online} fetches what the cache lacks).
 *
 * @param online null for an MBTiles file
 */
public record Basemap(String name, Path file, MbTilesSource source, OnlineTiles online) {
    public Basemap(String name, Path file, MbTilesSource source) {
        this(name, file, source, null);
    }

    static Basemap online(OnlineTiles tiles) {
        return new Basemap(tiles.source().name(), tiles.cacheFile(), tiles.cache(), tiles);
    }

    public boolean isOnline() {
        return online != null;
    }

    /** The text the map must show while this basemap is on screen. */
    public String attribution() {
        return isOnline() ? online.source().attribution() : source.metadata().attribution();
    }

    /** The deepest zoom with tiles; deeper views enlarge its tiles. -1 for an empty file. */
    public int maxZoom() {
        return isOnline() ? online.source().maxZoom() : source.metadata().maxZoom();
    }

    @Override
    public String toString() {
        return isOnline() ? name + " (online)" : name;
    }
}
