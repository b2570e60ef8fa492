package org.waterchain.app.map.basemap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.waterchain.app.map.tiles.BoundingBox;
import org.waterchain.app.map.tiles.MbTilesException;
import org.waterchain.app.map.tiles.MbTilesWriter;
import org.waterchain.app.map.tiles.TileMath;

/**
 * The world at zooms 0-5: 1,365 tiles of Natural Earth 1:50m land and sea, the same for every user, so drawn once at
 * build time into the class path (exec-maven-plugin in process-classes, see app/pom.xml) and copied into each user's
 * built-in basemap before the district is drawn into it.
 */
public final class WorldOverview {
    static final int MAX_ZOOM = 5;
    static final String RESOURCE = "world-overview.mbtiles";

    private WorldOverview() {}

    /**
     * The build step: draws the overview into the file named by {@code args[0]}, unless it is newer than every other
     * file in its folder (the classes that draw it and, below, the land it is drawn from).
     */
    public static void main(String[] args) throws IOException, MbTilesException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: WorldOverview <output .mbtiles>");
        }
        Path out = Path.of(args[0]);
        if (upToDate(out)) {
            return;
        }
        write(out);
    }

    static void write(Path out) throws IOException, MbTilesException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        Files.deleteIfExists(tmp);
        try (MbTilesWriter w = MbTilesWriter.open(tmp)) {
            w.putMetadata(Map.of("name", "World overview", "format", "png", "minzoom", "0",
                    "maxzoom", Integer.toString(MAX_ZOOM), "attribution", NaturalEarthLand.ATTRIBUTION));
            DefaultBasemap.draw(w, new TilePainter(List.of(), List.of(), List.of(), Map.of()),
                    TileMath.ranges(BoundingBox.WORLD, 0, MAX_ZOOM));
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Copies the overview drawn at build time to {@code file}, replacing it. */
    static void copyTo(Path file) throws IOException {
        try (InputStream in = WorldOverview.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the world overview " + RESOURCE + " is not on the class path next to "
                        + WorldOverview.class.getName() + ": the Maven build of the app draws it (process-classes);"
                        + " build with mvn, not only the IDE's compiler");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean upToDate(Path out) throws IOException {
        if (!Files.exists(out)) {
            return false;
        }
        FileTime built = Files.getLastModifiedTime(out);
        try (Stream<Path> inputs = Files.walk(out.toAbsolutePath().getParent(), 2)) {
            return inputs.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(RESOURCE))
                    .allMatch(p -> lastModified(p).compareTo(built) <= 0);
        }
    }

    private static FileTime lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(Long.MAX_VALUE);
        }
    }
}
