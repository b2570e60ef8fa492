package org.waterchain.app.map.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MbTilesSourceTest {
    @TempDir
    Path dir;

    @Test
    void readsTheSharedPlainBasemapWithItsGaps() throws Exception {
        Path file = SharedData.require("mbtiles/plain_1.mbtiles");
        try (MbTilesSource source = MbTilesSource.open(file)) {
            MbTilesMetadata meta = source.metadata();
            assertEquals("plain_1", meta.name());
            assertFalse(meta.raw().containsKey("format"), "the fixture is meant to lack format");
            assertEquals(TileFormat.PNG, meta.format(), "format sniffed from the first tile");
            assertEquals(0, meta.minZoom());
            assertEquals(4, meta.maxZoom());
            assertTrue(meta.bounds().isPresent());
            assertEquals(-180, meta.bounds().get().west(), 1e-6);
            assertEquals("", meta.attribution());
            assertEquals(285, source.tileCount());

            byte[] world = source.tile(0, 0, 0).orElseThrow();
            assertEquals(TileFormat.PNG, TileFormat.sniff(world));
            assertTrue(source.tile(5, 0, 0).isEmpty(), "beyond the data");
            assertTrue(source.tile(2, 4, 0).isEmpty(), "outside the z2 grid");
        }
    }

    @Test
    void flipsRowsOfTheSharedBasemap() throws Exception {
        Path file = SharedData.require("mbtiles/plain_1.mbtiles");
        try (MbTilesSource source = MbTilesSource.open(file);
             Connection c = readOnly(file)) {
            for (int z = 1; z <= 2; z++) {
                int n = 1 << z;
                for (int x = 0; x < n; x++) {
                    for (int y = 0; y < n; y++) {
                        Optional<byte[]> expected = rawTmsTile(c, z, x, n - 1 - y);
                        Optional<byte[]> actual = source.tile(z, x, y);
                        assertEquals(expected.isPresent(), actual.isPresent(), z + "/" + x + "/" + y);
                        if (expected.isPresent()) {
                            assertArrayEquals(expected.get(), actual.get(), z + "/" + x + "/" + y);
                        }
                    }
                }
            }
            // The flip must matter: the north and south rows of z1 differ in this basemap.
            assertFalse(java.util.Arrays.equals(source.tile(1, 0, 0).orElseThrow(), source.tile(1, 0, 1).orElseThrow()));
        }
    }

    @Test
    void readsAGeneratedFileWithATilesTable() throws Exception {
        Path file = dir.resolve("gen.mbtiles");
        try (MbTilesWriter w = MbTilesWriter.open(file)) {
            w.putMetadata(java.util.Map.of("name", "gen", "attribution", "© test", "minzoom", "1", "maxzoom", "2",
                    "format", "png", "center", "121.2,25.0,2", "bounds", "-180,-85,180,85"));
            w.put(new TileId(1, 0, 0), TestTiles.png(1, 0, 0));
            w.put(new TileId(2, 3, 1), TestTiles.png(2, 3, 1));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT type FROM sqlite_master WHERE name = 'tiles'");
            assertEquals("table", rs.getString(1));
            rs = st.executeQuery("SELECT tile_row FROM tiles WHERE zoom_level = 2");
            assertEquals(2, rs.getInt(1), "stored TMS: 2^2 - 1 - 1");
        }
        try (MbTilesSource source = MbTilesSource.open(file)) {
            MbTilesMetadata meta = source.metadata();
            assertEquals("© test", meta.attribution());
            assertEquals(new MapCenter(121.2, 25.0, 2), meta.center().orElseThrow());
            assertEquals(1, meta.minZoom());
            assertEquals(2, meta.maxZoom());
            assertArrayEquals(TestTiles.png(2, 3, 1), source.tile(2, 3, 1).orElseThrow());
            assertTrue(source.tile(2, 3, 2).isEmpty());
            assertEquals(2, source.tileCount());
        }
    }

    @Test
    void servesManyThreadsFromFewConnections() throws Exception {
        Path file = dir.resolve("threads.mbtiles");
        List<TileId> ids = new ArrayList<>();
        try (MbTilesWriter w = MbTilesWriter.open(file)) {
            for (TileId id : TileMath.range(BoundingBox.WORLD, 3)) {
                w.put(id, TestTiles.png(id));
                ids.add(id);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (MbTilesSource source = MbTilesSource.open(file, 2)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (TileId id : ids) {
                            assertArrayEquals(TestTiles.png(id), source.tile(id).orElseThrow());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesRandomBytesNamingTheFile() throws Exception {
        Path file = dir.resolve("noise.mbtiles");
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        Files.write(file, noise);
        MbTilesException e = assertThrows(MbTilesException.class, () -> MbTilesSource.open(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not an SQLite database"), e.getMessage());
    }

    @Test
    void refusesAMissingFile() {
        Path file = dir.resolve("absent.mbtiles");
        MbTilesException e = assertThrows(MbTilesException.class, () -> MbTilesSource.open(file));
        assertTrue(e.getMessage().contains("absent.mbtiles") && e.getMessage().contains("no such"), e.getMessage());
    }

    @Test
    void refusesSqliteWithoutTiles() throws Exception {
        Path file = dir.resolve("ledger-like.mbtiles");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE blocks (height INTEGER, hash BLOB)");
        }
        MbTilesException e = assertThrows(MbTilesException.class, () -> MbTilesSource.open(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no \"tiles\" table or view"), e.getMessage());
    }

    @Test
    void refusesATilesTableOfTheWrongShape() throws Exception {
        Path file = dir.resolve("wrong.mbtiles");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE tiles (z INTEGER, x INTEGER, y INTEGER, tile_data BLOB)");
        }
        MbTilesException e = assertThrows(MbTilesException.class, () -> MbTilesSource.open(file));
        assertTrue(e.getMessage().contains("lacks the column(s) [zoom_level, tile_column, tile_row]"), e.getMessage());
    }

    @Test
    void aBadTileBlobNamesTheFileAndTile() throws Exception {
        Path file = dir.resolve("badtile.mbtiles");
        try (MbTilesWriter w = MbTilesWriter.open(file)) {
            w.putMetadata("format", "png");
            w.put(new TileId(0, 0, 0), TestTiles.png(0, 0, 0));
            w.put(new TileId(1, 1, 0), "<html>502 Bad Gateway</html>".getBytes());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement st = c.prepareStatement("INSERT INTO tiles VALUES (1, 0, 0, NULL)")) {
            st.executeUpdate();
        }
        try (MbTilesSource source = MbTilesSource.open(file)) {
            assertTrue(source.tile(0, 0, 0).isPresent());
            MbTilesException garbage = assertThrows(MbTilesException.class, () -> source.tile(1, 1, 0));
            assertTrue(garbage.getMessage().contains(file.toString()), garbage.getMessage());
            assertTrue(garbage.getMessage().contains("tile 1/1/0 is not a png image"), garbage.getMessage());
            MbTilesException empty = assertThrows(MbTilesException.class, () -> source.tile(1, 0, 1));
            assertTrue(empty.getMessage().contains("tile 1/0/1 has no data (tile_data is NULL)"), empty.getMessage());
        }
    }

    @Test
    void emptyFileHasNoZoomRange() throws Exception {
        Path file = dir.resolve("empty.mbtiles");
        MbTilesWriter.open(file).close();
        try (MbTilesSource source = MbTilesSource.open(file)) {
            assertTrue(source.metadata().isEmpty());
            assertEquals(TileFormat.UNKNOWN, source.metadata().format());
            assertEquals("empty", source.metadata().name());
        }
    }

    private static Connection readOnly(Path file) throws Exception {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }

    private static Optional<byte[]> rawTmsTile(Connection c, int z, int x, int tmsRow) throws Exception {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?")) {
            st.setInt(1, z);
            st.setInt(2, x);
            st.setInt(3, tmsRow);
            var rs = st.executeQuery();
            return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
        }
    }
}
