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
import org.waterchain.app.map.tiles.OnlineTiles;
import org.waterchain.app.map.tiles.XyzSource;
import org.waterchain.app.settings.AppSettings;

/**
 * The basemaps the user can choose from and the one in use: MBTiles files, then the online sources configured in
 * the settings. Static because Gluon Maps creates its tile retriever once per JVM through the service loader, so the
 * retriever cannot be handed a per-screen object. Thread-safe: tiles are read on the retriever's threads while the FX
 * thread switches basemaps.
 *
 * <p>An online basemap is only listed here; it goes to the network only while it is the one selected.
 */
public final class BasemapRegistry {
    public static final String EXTENSION = ".mbtiles";

    private static final List<Basemap> FILES = new CopyOnWriteArrayList<>();
    private static final List<Basemap> ONLINE = new CopyOnWriteArrayList<>();
    private static final List<Consumer<Optional<Basemap>>> LISTENERS = new CopyOnWriteArrayList<>();
    private static final List<Runnable> LIST_LISTENERS = new CopyOnWriteArrayList<>();
    private static final List<Consumer<String>> PROBLEM_LISTENERS = new CopyOnWriteArrayList<>();
    private static volatile Basemap current;

    private BasemapRegistry() {}

    /** Where basemaps are looked for at start: {@code basemaps} under the app's home. */
    public static Path directory() {
        return AppSettings.home().resolve("basemaps");
    }

    /** MBTiles files first, then online sources, each group in the order added. */
    public static List<Basemap> all() {
        List<Basemap> out = new ArrayList<>(FILES);
        out.addAll(ONLINE);
        return List.copyOf(out);
    }

    /** The online sources listed now (those configured with a usable contact). */
    public static List<XyzSource> onlineSources() {
        return ONLINE.stream().map(b -> b.online().source()).toList();
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
        Optional<Basemap> known = known(key);
        if (known.isPresent()) {
            return known.get();
        }
        Basemap b = open(key);
        FILES.add(b);
        listChanged();
        return b;
    }

    /**
     * Opens the file again so its metadata (zoom range, bounds, attribution) is read afresh, as after a download added
     * to it; a file not yet known is added. When it is the basemap in use, the fresh one takes its place and the
     * select listeners are told. Blocking: call off the FX thread.
     */
    public static synchronized Basemap refresh(Path file) throws MbTilesException {
        Path key = file.toAbsolutePath().normalize();
        Optional<Basemap> known = known(key);
        if (known.isEmpty()) {
            return add(key);
        }
        Basemap old = known.get();
        Basemap fresh = open(key);
        FILES.set(FILES.indexOf(old), fresh);
        if (current == old) {
            select(fresh);
        }
        old.source().close();
        listChanged();
        return fresh;
    }

    /**
     * Unlists and closes a basemap; if it was in use, the first remaining file basemap (or none) takes its place.
     * The file itself stays on disk.
     */
    public static synchronized void remove(Basemap b) throws MbTilesException {
        if (!FILES.remove(b) && !ONLINE.remove(b)) {
            return;
        }
        if (current == b) {
            select(FILES.isEmpty() ? null : FILES.get(0));
        }
        if (b.isOnline()) {
            b.online().close();
        } else {
            b.source().close();
        }
        listChanged();
    }

    /**
     * Lists the settings' online sources in place of those listed before; a source that no longer exists is closed,
     * and if it was in use the first file basemap takes its place. Nothing is requested from any server here.
     *
     * @return one message per source that cannot be used (no contact set, cache file unusable)
     */
    public static List<String> useOnlineSources(AppSettings settings) {
        List<XyzSource> sources;
        try {
            sources = settings.xyzSources();
        } catch (IllegalArgumentException e) {
            setOnlineSources(List.of(), AppSettings.tileCacheDirectory());
            return List.of("online map sources are not available: " + e.getMessage());
        }
        return setOnlineSources(sources, AppSettings.tileCacheDirectory());
    }

    /**
     * @param cacheDir where each source keeps its MBTiles cache
     * @return one message per source whose cache cannot be opened (that source is left out)
     */
    public static synchronized List<String> setOnlineSources(List<XyzSource> sources, Path cacheDir) {
        List<String> problems = new ArrayList<>();
        List<Basemap> next = new ArrayList<>();
        for (XyzSource s : sources) {
            Optional<Basemap> same = ONLINE.stream().filter(b -> b.online().source().equals(s)
                    && b.file().startsWith(cacheDir)).findFirst();
            if (same.isPresent()) {
                next.add(same.get());
                continue;
            }
            try {
                next.add(Basemap.online(OnlineTiles.open(s, cacheDir)));
            } catch (MbTilesException e) {
                problems.add("online source " + s.name() + " cannot keep its tiles: " + e.getMessage());
            }
        }
        List<Basemap> gone = ONLINE.stream().filter(b -> !next.contains(b)).toList();
        ONLINE.clear();
        ONLINE.addAll(next);
        if (gone.contains(current)) {
            select(FILES.isEmpty() ? null : FILES.get(0));
        }
        for (Basemap b : gone) {
            try {
                b.online().close();
            } catch (MbTilesException e) {
                problems.add(e.getMessage());
            }
        }
        listChanged();
        return problems;
    }

    /** Makes the basemap the one tiles come from; listeners (the map screens) then drop the tiles they hold. */
    public static void select(Basemap b) {
        if (b != null && !FILES.contains(b) && !ONLINE.contains(b)) {
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

    /** Told (on the thread that changed it) when basemaps are added, refreshed or removed; returns the unsubscribe action. */
    public static Runnable onListChange(Runnable listener) {
        LIST_LISTENERS.add(listener);
        return () -> LIST_LISTENERS.remove(listener);
    }

    /**
     * Told, on a tile thread, each time a tile of the basemap in use cannot be shown: the message names the basemap,
     * the tile and the reason ("OSM: tile 12/3421/1712 failed: HTTP 500"). Returns the unsubscribe action.
     */
    public static Runnable onTileProblem(Consumer<String> listener) {
        PROBLEM_LISTENERS.add(listener);
        return () -> PROBLEM_LISTENERS.remove(listener);
    }

    static void reportTileProblem(String message) {
        for (Consumer<String> l : PROBLEM_LISTENERS) {
            l.accept(message);
        }
    }

    private static Optional<Basemap> known(Path key) {
        return FILES.stream().filter(b -> b.file().equals(key)).findFirst();
    }

    private static Basemap open(Path key) throws MbTilesException {
        MbTilesSource source = MbTilesSource.open(key);
        if (!source.metadata().format().isRaster()) {
            source.close();
            throw new MbTilesException(key, "holds " + source.metadata().format().metadataName()
                    + " tiles; the map shows raster (PNG, JPEG, WebP) basemaps only");
        }
        return new Basemap(source.metadata().name(), key, source);
    }

    private static void listChanged() {
        for (Runnable l : LIST_LISTENERS) {
            l.run();
        }
    }
}
