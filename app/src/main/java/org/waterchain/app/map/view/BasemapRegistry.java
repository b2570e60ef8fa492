package org.waterchain.app.map.view;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.waterchain.app.map.tiles.MbTilesException;
import org.waterchain.app.map.tiles.MbTilesSource;
import org.waterchain.app.settings.AppSettings;

/**
 * The basemaps the user can choose from and the one in use. Static because Gluon Maps creates its tile retriever
 * once per JVM through the service loader, so the retriever cannot be handed a per-screen object. Thread-safe:
 * tiles are read on the retriever's threads while the FX thread switches basemaps.
 */
public final class BasemapRegistry {
    public static final String EXTENSION = ".mbtiles";

    private static final List<Basemap> BASEMAPS = new CopyOnWriteArrayList<>();
    private static final List<Consumer<Optional<Basemap>>> LISTENERS = new CopyOnWriteArrayList<>();
    private static volatile Basemap current;

    private BasemapRegistry() {}

    /** Where basemaps are looked for at start: {@code basemaps} under the app's home. */
    public static Path directory() {
        return AppSettings.home().resolve("basemaps");
    }

    public static List<Basemap> all() {
        return List.copyOf(BASEMAPS);
    }

    public static Optional<Basemap> current() {
        return Optional.ofNullable(current);
    }

    /**
     * Opens every MBTiles file in the folder not yet known; a file that cannot be opened is reported in the returned
     * list (one message each) and skipped, so one damaged download does not hide the others.
     */
    public static List<String> scan(Path dir) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return problems;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + EXTENSION)) {
            ds.forEach(files::add);
        } catch (IOException e) {
            problems.add("cannot list " + dir + ": " + e.getMessage());
            return problems;
        }
        files.sort(null);
        for (Path f : files) {
            try {
                add(f);
            } catch (MbTilesException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** Opens and lists the file (once: a file already known is returned as it is). Blocking: call off the FX thread. */
    public static synchronized Basemap add(Path file) throws MbTilesException {
        Path key = file.toAbsolutePath().normalize();
        for (Basemap b : BASEMAPS) {
            if (b.file().equals(key)) {
                return b;
            }
        }
        MbTilesSource source = MbTilesSource.open(key);
        if (!source.metadata().format().isRaster()) {
            source.close();
            throw new MbTilesException(key, "holds " + source.metadata().format().metadataName()
                    + " tiles; the map shows raster (PNG, JPEG, WebP) basemaps only");
        }
        Basemap b = new Basemap(source.metadata().name(), key, source);
        BASEMAPS.add(b);
        return b;
    }

    /** Makes the basemap the one tiles come from; listeners (the map screens) then drop the tiles they hold. */
    public static void select(Basemap b) {
        if (b != null && !BASEMAPS.contains(b)) {
            throw new IllegalArgumentException(b.file() + " is not a registered basemap");
        }
        if (b == current) {
            return;
        }
        current = b;
        for (Consumer<Optional<Basemap>> l : LISTENERS) {
            l.accept(Optional.ofNullable(b));
        }
    }

    /** Called on the thread that selects; returns the unsubscribe action. */
    public static Runnable onSelect(Consumer<Optional<Basemap>> listener) {
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }
}
