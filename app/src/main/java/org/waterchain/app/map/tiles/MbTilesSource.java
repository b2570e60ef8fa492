package org.waterchain.app.map.tiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Reads tiles from an MBTiles file, read-only and on demand: nothing but the metadata is held in memory, so a
 * basemap of hundreds of megabytes costs no more heap than a small one.
 *
 * <p>Thread-safe. Map views fetch tiles from several threads; SQLite connections must not be shared between
 * threads, so each call borrows one of a few read-only connections (opened lazily, at most
 * {@code maxConnections}); a caller beyond that waits for one to come back rather than opening more file handles.
 */
public final class MbTilesSource implements AutoCloseable {
    public static final int DEFAULT_MAX_CONNECTIONS = 4;

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> TILE_COLUMNS = List.of("zoom_level", "tile_column", "tile_row", "tile_data");
    private static final String TILE_QUERY =
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?";

    private final Path file;
    private final MbTilesMetadata metadata;
    private final Semaphore permits;
    private final BlockingQueue<Reader> idle;
    private volatile boolean closed;

    private MbTilesSource(Path file, int maxConnections, Reader first) throws MbTilesException {
        this.file = file;
        this.permits = new Semaphore(maxConnections, true);
        this.idle = new ArrayBlockingQueue<>(maxConnections);
        this.metadata = readMetadata(first);
        idle.add(first);
    }

    public static MbTilesSource open(Path file) throws MbTilesException {
        return open(file, DEFAULT_MAX_CONNECTIONS);
    }

    /**
     * Opens and checks the file: it must be SQLite, and hold a {@code tiles} table or view with the MBTiles
     * columns. The metadata is read once here.
     */
    public static MbTilesSource open(Path file, int maxConnections) throws MbTilesException {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
        checkHeader(file);
        Connection c = connect(file);
        try {
            // The schema is checked before the tile statement is prepared, so a wrong file gets our message,
            // not SQLite's "no such table".
            checkSchema(file, c);
        } catch (MbTilesException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
        Reader first = reader(file, c);
        try {
            return new MbTilesSource(file, maxConnections, first);
        } catch (MbTilesException | RuntimeException e) {
            first.closeQuietly();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public MbTilesMetadata metadata() {
        return metadata;
    }

    /**
     * The tile as stored (encoded image or vector tile bytes), or empty when the file has no such tile, including
     * tiles outside the grid of their zoom. Numbering is XYZ; the TMS row flip happens here.
     *
     * @throws MbTilesException naming the file and the tile when the row cannot be read or its data is not a tile
     */
    public Optional<byte[]> tile(int z, int x, int y) throws MbTilesException {
        if (z < 0 || z > TileMath.MAX_ZOOM) {
            return Optional.empty();
        }
        int n = TileMath.tilesPerSide(z);
        if (x < 0 || x >= n || y < 0 || y >= n) {
            return Optional.empty();
        }
        return tile(new TileId(z, x, y));
    }

    public Optional<byte[]> tile(TileId id) throws MbTilesException {
        Reader reader = borrow();
        try {
            PreparedStatement query = reader.tileQuery;
            query.setInt(1, id.z());
            query.setInt(2, id.x());
            query.setInt(3, id.tmsRow());
            byte[] data;
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                data = rs.getBytes(1);
            }
            checkTile(id, data);
            return Optional.of(data);
        } catch (SQLException e) {
            throw new MbTilesException(file, "cannot read tile " + id + ": " + e.getMessage(), e);
        } finally {
            giveBack(reader);
        }
    }

    /** Number of tiles in the file; counts rows, so it reads the index, never the tile data. */
    public long tileCount() throws MbTilesException {
        Reader reader = borrow();
        try (Statement st = reader.connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM tiles")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new MbTilesException(file, "cannot count tiles: " + e.getMessage(), e);
        } finally {
            giveBack(reader);
        }
    }

    /**
     * The mean size of a sample of the stored tiles (the first thousand rows), to estimate what a download of more
     * tiles like them will take; empty when the file has no tiles. Reads only the rows' headers, not the tile data.
     */
    public OptionalLong averageTileBytes() throws MbTilesException {
        Reader reader = borrow();
        try (Statement st = reader.connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT AVG(LENGTH(tile_data)) FROM (SELECT tile_data FROM tiles LIMIT 1000)")) {
            if (rs.next() && rs.getObject(1) != null) {
                return OptionalLong.of(Math.round(rs.getDouble(1)));
            }
            return OptionalLong.empty();
        } catch (SQLException e) {
            throw new MbTilesException(file, "cannot measure its tiles: " + e.getMessage(), e);
        } finally {
            giveBack(reader);
        }
    }

    /** Closes idle connections now, and busy ones as their callers hand them back. */
    @Override
    public void close() {
        closed = true;
        Reader r;
        while ((r = idle.poll()) != null) {
            r.closeQuietly();
        }
    }

    private void checkTile(TileId id, byte[] data) throws MbTilesException {
        if (data == null || data.length == 0) {
            throw new MbTilesException(file, "tile " + id + " has no data (tile_data is "
                    + (data == null ? "NULL" : "empty") + ")");
        }
        // A raster basemap whose blob is no known image would fail later inside the image decoder, far from the
        // file and tile that caused it; say so here instead.
        if (metadata.format().isRaster() && !TileFormat.sniff(data).isRaster()) {
            throw new MbTilesException(file, "tile " + id + " is not a " + metadata.format().metadataName()
                    + " image (" + data.length + " bytes starting " + hexStart(data) + ")");
        }
    }

    private Reader borrow() throws MbTilesException {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MbTilesException(file, "interrupted while waiting for a connection", e);
        }
        Reader reader = idle.poll();
        if (reader == null) {
            try {
                reader = reader(file, connect(file));
            } catch (MbTilesException | RuntimeException e) {
                permits.release();
                throw e;
            }
        }
        return reader;
    }

    private void giveBack(Reader reader) {
        if (closed) {
            reader.closeQuietly();
        } else {
            idle.add(reader);
            // close() may have run between the check and the add; its drain would then have missed this one.
            if (closed && idle.remove(reader)) {
                reader.closeQuietly();
            }
        }
        permits.release();
    }

    /** SQLite itself only says "file is not a database"; checking the header first lets us say which file and why. */
    private static void checkHeader(Path file) throws MbTilesException {
        if (!Files.isRegularFile(file)) {
            throw new MbTilesException(file, "no such MBTiles file");
        }
        byte[] header = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new MbTilesException(file, "cannot read the file: " + e.getMessage(), e);
        }
        if (read < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
            throw new MbTilesException(file, "not an MBTiles file: not an SQLite database (the first bytes are "
                    + hexStart(Arrays.copyOf(header, read)) + ")");
        }
    }

    private static Connection connect(Path file) throws MbTilesException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        } catch (SQLException e) {
            throw new MbTilesException(file, "cannot open as SQLite (read-only): " + e.getMessage(), e);
        }
    }

    private static Reader reader(Path file, Connection c) throws MbTilesException {
        try {
            return new Reader(c, c.prepareStatement(TILE_QUERY));
        } catch (SQLException e) {
            closeQuietly(c);
            throw new MbTilesException(file, "cannot query its tiles: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the error that led here is the one worth reporting
        }
    }

    private static void checkSchema(Path file, Connection c) throws MbTilesException {
        try {
            String type = null;
            try (PreparedStatement st = c.prepareStatement("SELECT type FROM sqlite_master WHERE name = 'tiles'");
                 ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    type = rs.getString(1);
                }
            }
            if (type == null || !(type.equals("table") || type.equals("view"))) {
                throw new MbTilesException(file, "not an MBTiles file: it has no \"tiles\" table or view");
            }
            Set<String> columns = new HashSet<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(tiles)")) {
                while (rs.next()) {
                    columns.add(rs.getString("name").toLowerCase(Locale.ROOT));
                }
            }
            List<String> missing = TILE_COLUMNS.stream().filter(col -> !columns.contains(col)).toList();
            if (!missing.isEmpty()) {
                throw new MbTilesException(file, "not an MBTiles file: its tiles " + type + " lacks the column(s) "
                        + missing + " (has " + columns + ")");
            }
        } catch (SQLException e) {
            throw new MbTilesException(file, "not a readable SQLite database: " + e.getMessage(), e);
        }
    }

    private MbTilesMetadata readMetadata(Reader reader) throws MbTilesException {
        Connection c = reader.connection;
        try {
            Map<String, String> raw = new LinkedHashMap<>();
            // The metadata table is required by the spec but a file with only tiles is still a usable basemap.
            if (hasObject(c, "metadata")) {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT name, value FROM metadata")) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        String value = rs.getString(2);
                        if (name != null && value != null) {
                            raw.put(name, value);
                        }
                    }
                }
            }
            TileFormat format = TileFormat.fromMetadata(raw.get("format"));
            if (format == TileFormat.UNKNOWN) {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT tile_data FROM tiles LIMIT 1")) {
                    if (rs.next()) {
                        format = TileFormat.sniff(rs.getBytes(1));
                    }
                }
            }
            Integer minZoom = parseZoom(raw.get("minzoom"));
            Integer maxZoom = parseZoom(raw.get("maxzoom"));
            if (minZoom == null || maxZoom == null || minZoom > maxZoom) {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles")) {
                    rs.next();
                    boolean empty = rs.getObject(1) == null;
                    minZoom = empty ? -1 : rs.getInt(1);
                    maxZoom = empty ? -1 : rs.getInt(2);
                }
            }
            String name = raw.getOrDefault("name", "");
            if (name.isBlank()) {
                name = file.getFileName().toString().replaceFirst("\\.mbtiles$", "");
            }
            return new MbTilesMetadata(name, raw.getOrDefault("attribution", "").trim(),
                    parseOptional(raw.get("bounds"), BoundingBox::parse),
                    parseOptional(raw.get("center"), MapCenter::parse),
                    format, minZoom, maxZoom, raw);
        } catch (SQLException e) {
            throw new MbTilesException(file, "cannot read the metadata: " + e.getMessage(), e);
        }
    }

    private static boolean hasObject(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE name = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Integer parseZoom(String text) {
        if (text == null) {
            return null;
        }
        try {
            int z = (int) Math.round(Double.parseDouble(text.trim()));
            return z >= 0 && z <= TileMath.MAX_ZOOM ? z : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <T> Optional<T> parseOptional(String text, java.util.function.Function<String, T> parser) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String hexStart(byte[] data) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, data.length); i++) {
            sb.append(String.format("%02x", data[i] & 0xFF));
        }
        return data.length == 0 ? "(nothing)" : sb.toString();
    }

    /** One connection with its tile statement, so the hot path does not re-prepare SQL. */
    private record Reader(Connection connection, PreparedStatement tileQuery) {
        void closeQuietly() {
            try {
                tileQuery.close();
            } catch (SQLException ignored) {
                // closing the connection below releases it anyway
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing left to do for a read-only connection
            }
        }
    }
}
