package org.waterchain.ledger.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/** Opens SQLite connections the way the ledger needs them, and turns driver errors into plain messages. */
final class Sqlite {
    private Sqlite() {}

    static Connection open(Path file, boolean readOnly) {
        SQLiteConfig cfg = new SQLiteConfig();
        // NORMAL in WAL mode survives a process crash; after a power loss the Raft log replays what is missing.
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.setBusyTimeout(10_000);
        cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
        cfg.setReadOnly(readOnly);
        cfg.setCacheSize(-64_000);
        // Otherwise the driver re-prepares "SELECT last_insert_rowid()" after every INSERT: a third of apply time.
        cfg.setGetGeneratedKeys(false);
        try {
            Connection c = cfg.createConnection("jdbc:sqlite:" + file);
            // Fails at once on a non-database file. Closed at once too: an unread result would hold a read
            // transaction open, freezing this connection's view and the WAL.
            try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("PRAGMA schema_version")) {
                rs.next();
            }
            return c;
        } catch (SQLException e) {
            throw new StorageException(explain(file, e), e);
        }
    }

    static String explain(Path file, SQLException e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("NOTADB") || msg.contains("not a database")) {
            return file + " is not a SQLite database (corrupt, or a foreign file)";
        }
        if (msg.contains("CORRUPT") || msg.contains("malformed")) {
            return file + " is corrupt: " + msg;
        }
        if (msg.contains("CANTOPEN") && !Files.exists(file)) {
            return file + " does not exist";
        }
        return file + ": " + msg;
    }
}
