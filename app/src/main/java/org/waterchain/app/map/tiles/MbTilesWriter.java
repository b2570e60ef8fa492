package org.waterchain.app.map.tiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Creates or extends an MBTiles 1.3 file with a plain {@code tiles} table, the layout every reader handles. Each
 * tile is committed on its own, so an interrupted download keeps everything fetched so far and can resume.
 *
 * <p>Not thread-safe: one writer per file, used from one thread.
 */
public final class MbTilesWriter implements AutoCloseable {
    private final Path file;
    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement exists;
    private final PreparedStatement putMeta;
    private final PreparedStatement touch;

    private MbTilesWriter(Path file, Connection connection) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.insert = connection.prepareStatement(
                "INSERT OR REPLACE INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)");
        this.exists = connection.prepareStatement(
                "SELECT 1 FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
        this.putMeta = connection.prepareStatement("INSERT OR REPLACE INTO metadata (name, value) VALUES (?, ?)");
        this.touch = connection.prepareStatement("UPDATE tiles SET rowid = (SELECT MAX(rowid) + 1 FROM tiles)"
                + " WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
    }

    /** Opens the file for writing, creating it and the standard schema when needed. */
    public static MbTilesWriter open(Path file) throws MbTilesException {
        return open(file, false);
    }

    /**
     * Like {@link #open(Path)}, for a file that {@link MbTilesSource} readers use while this writer adds to it (the
     * live map's cache): the file is switched to write-ahead logging, so readers never wait for a write nor a writer
     * for a read. Left in that mode afterwards, which every SQLite since 3.7 reads.
     */
    public static MbTilesWriter openShared(Path file) throws MbTilesException {
        return open(file, true);
    }

    private static MbTilesWriter open(Path file, boolean shared) throws MbTilesException {
        boolean existed = Files.exists(file);
        if (existed) {
            // Reuses the reader's checks so a wrong file is refused with the same words before anything is written.
            MbTilesSource.open(file, 1).close();
        } else if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            throw new MbTilesException(file, "cannot create: folder " + file.getParent() + " does not exist");
        }
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = c.createStatement()) {
                if (shared) {
                    st.execute("PRAGMA journal_mode = WAL");
                }
                st.execute("PRAGMA synchronous = NORMAL");
                if (existed && isView(c, "tiles")) {
                    throw new MbTilesException(file, "cannot add tiles: its \"tiles\" is a view over other tables;"
                            + " download into a new file instead");
                }
                st.execute("CREATE TABLE IF NOT EXISTS metadata (name TEXT, value TEXT)");
                st.execute("CREATE UNIQUE INDEX IF NOT EXISTS metadata_name ON metadata (name)");
                st.execute("CREATE TABLE IF NOT EXISTS tiles (zoom_level INTEGER, tile_column INTEGER,"
                        + " tile_row INTEGER, tile_data BLOB)");
                st.execute("CREATE UNIQUE INDEX IF NOT EXISTS tile_index ON tiles (zoom_level, tile_column, tile_row)");
            }
            return new MbTilesWriter(file, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new MbTilesException(file, "cannot open for writing: " + e.getMessage(), e);
        } catch (MbTilesException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public boolean contains(TileId id) throws MbTilesException {
        try {
            exists.setInt(1, id.z());
            exists.setInt(2, id.x());
            exists.setInt(3, id.tmsRow());
            try (ResultSet rs = exists.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new MbTilesException(file, "cannot look up tile " + id + ": " + e.getMessage(), e);
        }
    }

    /** Stores one tile given in XYZ numbering (the TMS flip happens here), replacing any earlier copy. */
    public void put(TileId id, byte[] data) throws MbTilesException {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("tile " + id + " has no data");
        }
        try {
            insert.setInt(1, id.z());
            insert.setInt(2, id.x());
            insert.setInt(3, id.tmsRow());
            insert.setBytes(4, data);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new MbTilesException(file, "cannot store tile " + id + ": " + e.getMessage(), e);
        }
    }

    /** Bytes of tile data in the file (what a cache limit counts; SQLite's own pages add a little). */
    public long tileBytes() throws MbTilesException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(LENGTH(tile_data)), 0) FROM tiles")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new MbTilesException(file, "cannot sum the tiles' sizes: " + e.getMessage(), e);
        }
    }

    /**
     * Moves a tile to the back of the removal order of {@link #removeOldest}: the order is the row id, which a
     * stored tile takes as one past the largest.
     */
    public void touch(TileId id) throws MbTilesException {
        try {
            touch.setInt(1, id.z());
            touch.setInt(2, id.x());
            touch.setInt(3, id.tmsRow());
            touch.executeUpdate();
        } catch (SQLException e) {
            throw new MbTilesException(file, "cannot mark tile " + id + " as used: " + e.getMessage(), e);
        }
    }

    /**
     * Removes the tiles stored or {@linkplain #touch touched} longest ago, together at least {@code bytes} of tile
     * data (or all of them), in one transaction.
     *
     * @return the bytes of tile data removed
     */
    public long removeOldest(long bytes) throws MbTilesException {
        long freed = 0;
        long lastRow = Long.MIN_VALUE;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT rowid, LENGTH(tile_data) FROM tiles ORDER BY rowid")) {
            while (freed < bytes && rs.next()) {
                lastRow = rs.getLong(1);
                freed += rs.getLong(2);
            }
        } catch (SQLException e) {
            throw new MbTilesException(file, "cannot list tiles to remove: " + e.getMessage(), e);
        }
        if (lastRow == Long.MIN_VALUE) {
            return 0;
        }
        try (PreparedStatement st = connection.prepareStatement("DELETE FROM tiles WHERE rowid <= ?")) {
            st.setLong(1, lastRow);
            st.executeUpdate();
            return freed;
        } catch (SQLException e) {
            throw new MbTilesException(file, "cannot remove old tiles: " + e.getMessage(), e);
        }
    }

    public Map<String, String> metadata() throws MbTilesException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, value FROM metadata")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        } catch (SQLException e) {
            throw new MbTilesException(file, "cannot read the metadata: " + e.getMessage(), e);
        }
    }

    public Optional<String> metadata(String name) throws MbTilesException {
        return Optional.ofNullable(metadata().get(name));
    }

    public void putMetadata(String name, String value) throws MbTilesException {
        putMetadata(Map.of(name, value));
    }

    /**
     * Records the tile's format as the file's {@code format} metadata when its first bytes tell it (see
     * {@link TileFormat#sniff}); for a file filled from a server that does not say what it sends. Returns whether it
     * was recorded, so the caller knows the format and stops asking.
     */
    public boolean noteFormat(byte[] data) throws MbTilesException {
        TileFormat format = TileFormat.sniff(data);
        if (format == TileFormat.UNKNOWN) {
            return false;
        }
        putMetadata("format", format.metadataName());
        return true;
    }

    /**
     * Holds the following {@link #put}s in one transaction until {@link #commit()}: for a file written whole into a
     * temporary name (a drawn basemap), where a commit per tile, each waiting for the disk, would be most of the time.
     */
    public void begin() throws MbTilesException {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new MbTilesException(file, "cannot start a transaction: " + e.getMessage(), e);
        }
    }

    /** Ends what {@link #begin()} started: every tile put since is stored, or none is. */
    public void commit() throws MbTilesException {
        try {
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new MbTilesException(file, "cannot store the tiles written: " + e.getMessage(), e);
        }
    }

    /** Writes all entries in one transaction, so readers never see half an update. */
    public void putMetadata(Map<String, String> entries) throws MbTilesException {
        try {
            connection.setAutoCommit(false);
            try {
                for (Map.Entry<String, String> e : entries.entrySet()) {
                    putMeta.setString(1, e.getKey());
                    putMeta.setString(2, e.getValue());
                    putMeta.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new MbTilesException(file, "cannot write the metadata: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws MbTilesException {
        try {
            insert.close();
            exists.close();
            putMeta.close();
            touch.close();
            connection.close();
        } catch (SQLException e) {
            throw new MbTilesException(file, "cannot close: " + e.getMessage(), e);
        }
    }

    private static boolean isView(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT type FROM sqlite_master WHERE name = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && "view".equals(rs.getString(1));
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the original error is the one worth reporting
            }
        }
    }
}
