package org.waterchain.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory that is not (or no longer) a node's: {@code verify --data} exits 2 with one plain line,
 * "error: ...", never a stack trace, and never writes to a file it refuses.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CorruptDataDirTest {
    @TempDir
    static Path tmp;
    static Path base;

    @BeforeAll
    static void initNode() {
        base = tmp.resolve("base");
        NodeJar.ok("init", "--data", base);
        NodeJar.ok("load-demo", "--data", base, "--records", 50);
    }

    @Test
    void directoryWithoutNodeJson() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        NodeJar.assertUserError(NodeJar.run("verify", "--data", dir), "node.json");
        NodeJar.assertUserError(NodeJar.run("verify", "--data", tmp.resolve("does-not-exist")), "does-not-exist");
    }

    @Test
    void nodeJsonWithGarbage() throws Exception {
        Path dir = copy("garbage-json");
        Files.writeString(dir.resolve("node.json"), "garbage {{{\n\u0000\u0001 not json at all\n");
        NodeJar.assertUserError(NodeJar.run("verify", "--data", dir), "node.json");
    }

    @Test
    void ledgerKeptButRaftLogLost() throws Exception {
        Path dir = copy("no-raft");
        LedgerFiles.deleteTree(dir.resolve("raft"));
        // a new Raft log would restart at index 1 and the node would skip its entries as already applied
        NodeJar.assertUserError(NodeJar.run("load-demo", "--data", dir, "--records", 1), "raft/");
    }

    @Test
    void ledgerDbReplacedByRandomBytes() throws Exception {
        Path dir = copy("random-db");
        Path db = removeLedger(dir);
        byte[] junk = new byte[64 * 1024];
        new Random(42).nextBytes(junk);
        Files.write(db, junk);
        String before = LedgerFiles.sha256(db);
        NodeJar.assertUserError(NodeJar.run("verify", "--data", dir), "ledger.db");
        assertEquals(before, LedgerFiles.sha256(db), "verify leaves the file it refuses untouched");
    }

    @Test
    void sqliteDatabaseOfAnotherApplication() throws Exception {
        Path dir = copy("foreign-db");
        Path db = removeLedger(dir);
        try (Connection c = LedgerFiles.connect(db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT, title TEXT)");
            s.execute("INSERT INTO moz_places(url, title) VALUES ('https://example.org/', 'Example')");
        }
        String before = LedgerFiles.sha256(db);
        NodeJar.assertUserError(NodeJar.run("verify", "--data", dir), "not a WaterChain ledger");
        assertEquals(before, LedgerFiles.sha256(db), "verify must not write to another application's database");
        assertFalse(Files.exists(dir.resolve("ledger.db-wal")), "no WAL file is left beside the foreign database");
    }

    @Test
    void sqliteDatabaseOfAnotherApplicationWithItsOwnMetaTable() throws Exception {
        Path dir = copy("foreign-meta-db");
        Path db = removeLedger(dir);
        try (Connection c = LedgerFiles.connect(db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE meta(name TEXT, version INTEGER)");
            s.execute("INSERT INTO meta VALUES ('schema', 7)");
        }
        String before = LedgerFiles.sha256(db);
        NodeJar.assertUserError(NodeJar.run("verify", "--data", dir), "not a WaterChain ledger");
        assertEquals(before, LedgerFiles.sha256(db), "verify must not write to another application's database");
    }

    @Test
    void missingLedgerDbIsNotReportedClean() throws Exception {
        Path dir = copy("no-db");
        removeLedger(dir);
        NodeJar.Result v = NodeJar.run("verify", "--data", dir);
        assertFalse(Files.exists(dir.resolve("ledger.db")), "verify must not create a ledger it was asked to audit\n" + v.describe());
        NodeJar.assertUserError(v, "ledger.db");
    }

    private static Path copy(String name) {
        Path dir = tmp.resolve(name);
        LedgerFiles.copyTree(base, dir);
        return dir;
    }

    private static Path removeLedger(Path dir) throws Exception {
        Path db = dir.resolve("ledger.db");
        for (String s : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(dir.resolve("ledger.db" + s));
        }
        return db;
    }
}
