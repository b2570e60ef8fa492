package org.waterchain.ledger.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.waterchain.ledger.alarm.AlarmEvent;
import org.waterchain.ledger.chain.BlockHeader;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.value.OutPoint;

/**
 * The writer of a node's SQLite file. Only the block applier calls it, on one thread, one SQLite
 * transaction per block; readers use {@link LedgerQueries} on their own connections.
 */
public final class LedgerDatabase implements AutoCloseable {
    public static final String FORMAT = "waterchain-ledger";

    private final Path file;
    private final Connection c;
    private final PreparedStatement insertBlock;
    private final PreparedStatement insertEntry;
    private final PreparedStatement entryExists;
    private final PreparedStatement insertRecord;
    private final PreparedStatement selectOutput;
    private final PreparedStatement spendOutput;
    private final PreparedStatement insertOutput;
    private final PreparedStatement insertHistory;
    private final PreparedStatement upsertRegistry;
    private final PreparedStatement upsertSequence;
    private final PreparedStatement upsertMeta;
    private final PreparedStatement insertAlarm;
    private final PreparedStatement selectRecordsAt;
    private final PreparedStatement selectUnspentAt;
    private final PreparedStatement historyExists;
    private final PreparedStatement insertPollutionStep;

    private LedgerDatabase(Path file, Connection c) throws SQLException {
        this.file = file;
        this.c = c;
        insertBlock = c.prepareStatement(
                "INSERT INTO blocks(seq, chain, height, hash, header, signature, time_ms) VALUES (?,?,?,?,?,?,?)");
        insertEntry = c.prepareStatement(
                "INSERT INTO entries(chain, height, idx, id, raw, valid, reason) VALUES (?,?,?,?,?,?,?)");
        entryExists = c.prepareStatement("SELECT 1 FROM entries WHERE id = ? AND chain = ? AND valid = 1 LIMIT 1");
        insertRecord = c.prepareStatement(
                "INSERT INTO records(station_id, sample_time, height, idx, device_id, seq) VALUES (?,?,?,?,?,?)");
        selectOutput = c.prepareStatement(
                "SELECT address, asset, amount, height, spent_by, spent_height FROM outputs WHERE txid = ? AND vout = ?");
        spendOutput = c.prepareStatement("UPDATE outputs SET spent_by = ?, spent_height = ? WHERE txid = ? AND vout = ?");
        insertOutput = c.prepareStatement(
                "INSERT INTO outputs(txid, vout, address, asset, amount, height) VALUES (?,?,?,?,?,?)");
        insertHistory = c.prepareStatement(
                "INSERT OR IGNORE INTO address_history(address, height, idx) VALUES (?,?,?)");
        upsertRegistry = c.prepareStatement(
                "INSERT OR REPLACE INTO registry(kind, key, fields, active, height) VALUES (?,?,?,?,?)");
        upsertSequence = c.prepareStatement(
                "INSERT OR REPLACE INTO device_sequences(public_key, last_seq) VALUES (?,?)");
        upsertMeta = c.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?,?)");
        insertAlarm = c.prepareStatement("INSERT INTO alarm_journal(alarm_id, action, source, condition, priority, value,"
                + " event_time, operator, comment, shelved_until, height, idx, entry_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        selectRecordsAt = c.prepareStatement("SELECT e.raw FROM records r"
                + " JOIN entries e ON e.chain = 0 AND e.height = r.height AND e.idx = r.idx"
                + " WHERE r.station_id = ? AND r.sample_time >= ? AND r.sample_time < ? ORDER BY r.sample_time, r.height, r.idx");
        selectUnspentAt = c.prepareStatement("SELECT txid, vout, amount, height FROM outputs"
                + " WHERE address = ? AND asset = ? AND spent_by IS NULL ORDER BY height, txid, vout");
        historyExists = c.prepareStatement("SELECT 1 FROM address_history WHERE address = ? LIMIT 1");
        insertPollutionStep = c.prepareStatement("INSERT INTO pollution_steps(quantity, time_point, step, station, value,"
                + " amount, height, idx) VALUES (?,?,?,?,?,?,?,?)");
    }

    /** Opens (creating if new) a ledger database; refuses a file that is some other SQLite database. */
    public static LedgerDatabase open(Path file) {
        Connection c = Sqlite.open(file, false);
        try {
            boolean fresh = !hasAnyTable(c);
            if (!fresh) {
                checkFormat(c, file);
            }
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL"); // only now: a refused foreign file must stay untouched
            }
            c.setAutoCommit(false);
            Schema.create(c);
            LedgerDatabase db = new LedgerDatabase(file, c);
            if (fresh) {
                db.setMeta("format", FORMAT);
                db.setMeta("schema_version", Integer.toString(Schema.VERSION));
                c.commit();
            }
            return db;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StorageException(Sqlite.explain(file, e), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** Checks, read-only, that an existing file is a ledger of this schema version; changes nothing. */
    public static void inspect(Path file) {
        Connection c = Sqlite.open(file, true);
        try {
            if (!hasAnyTable(c)) {
                throw new StorageException(file + " is an empty database, not a WaterChain ledger");
            }
            checkFormat(c, file);
        } catch (SQLException e) {
            throw new StorageException(Sqlite.explain(file, e), e);
        } finally {
            closeQuietly(c);
        }
    }

    /** Any SQL error reading meta means a foreign file: its own 'meta' table, say, with other columns. */
    private static void checkFormat(Connection c, Path file) {
        String format = null;
        String version = null;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT key, value FROM meta WHERE key IN ('format', 'schema_version')")) {
            while (rs.next()) {
                if ("format".equals(rs.getString(1))) {
                    format = rs.getString(2);
                } else {
                    version = rs.getString(2);
                }
            }
        } catch (SQLException e) {
            format = null;
        }
        if (!FORMAT.equals(format)) {
            throw new StorageException(file + " is a SQLite database but not a WaterChain ledger");
        }
        if (!Integer.toString(Schema.VERSION).equals(version)) {
            throw new StorageException(file + " has ledger schema version " + version + "; this node reads " + Schema.VERSION);
        }
    }

    public Path file() {
        return file;
    }

    Connection connection() {
        return c;
    }

    public Optional<String> meta(String key) {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail("read meta " + key, e);
        }
    }

    /** Written inside the current block transaction, e.g. the Raft index that made it (idempotence marker). */
    public void setMeta(String key, String value) {
        try {
            upsertMeta.setString(1, key);
            upsertMeta.setString(2, value);
            upsertMeta.executeUpdate();
        } catch (SQLException e) {
            throw fail("write meta " + key, e);
        }
    }

    public void commit() {
        try {
            c.commit();
        } catch (SQLException e) {
            throw fail("commit", e);
        }
    }

    public void rollback() {
        try {
            c.rollback();
        } catch (SQLException e) {
            throw fail("rollback", e);
        }
    }

    public void insertBlock(long seq, BlockHeader h, byte[] hash, byte[] signature) {
        try {
            insertBlock.setLong(1, seq);
            insertBlock.setInt(2, h.chain().code());
            insertBlock.setLong(3, h.height());
            insertBlock.setBytes(4, hash);
            insertBlock.setBytes(5, h.encode());
            insertBlock.setBytes(6, signature);
            insertBlock.setLong(7, h.timeMs());
            insertBlock.executeUpdate();
        } catch (SQLException e) {
            throw fail("insert block " + h.chain().label() + " #" + h.height(), e);
        }
    }

    public void insertEntry(ChainId chain, long height, int idx, byte[] id, byte[] raw, String invalidReason) {
        try {
            insertEntry.setInt(1, chain.code());
            insertEntry.setLong(2, height);
            insertEntry.setInt(3, idx);
            insertEntry.setBytes(4, id);
            insertEntry.setBytes(5, raw);
            insertEntry.setInt(6, invalidReason == null ? 1 : 0);
            insertEntry.setString(7, invalidReason);
            insertEntry.executeUpdate();
        } catch (SQLException e) {
            throw fail("insert entry " + chain.label() + " #" + height + "/" + idx, e);
        }
    }

    /** Whether a valid entry with this id already stands on the chain (replayed transactions). */
    public boolean validEntryExists(ChainId chain, byte[] id) {
        try {
            entryExists.setBytes(1, id);
            entryExists.setInt(2, chain.code());
            try (ResultSet rs = entryExists.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw fail("look up entry", e);
        }
    }

    public void insertRecord(String stationId, long sampleTime, long height, int idx, String deviceId, long seq) {
        try {
            insertRecord.setString(1, stationId);
            insertRecord.setLong(2, sampleTime);
            insertRecord.setLong(3, height);
            insertRecord.setInt(4, idx);
            insertRecord.setString(5, deviceId);
            insertRecord.setLong(6, seq);
            insertRecord.executeUpdate();
        } catch (SQLException e) {
            throw fail("index record of " + deviceId, e);
        }
    }

    public Optional<OutputRow> output(OutPoint p) {
        try {
            selectOutput.setBytes(1, p.txid());
            selectOutput.setInt(2, p.index());
            try (ResultSet rs = selectOutput.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long sh = rs.getLong(6);
                Long spentHeight = rs.wasNull() ? null : sh;
                return Optional.of(new OutputRow(p.txid(), p.index(), rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getBytes(5), spentHeight));
            }
        } catch (SQLException e) {
            throw fail("read output " + p, e);
        }
    }

    public void spend(OutPoint p, byte[] spentBy, long height) {
        try {
            spendOutput.setBytes(1, spentBy);
            spendOutput.setLong(2, height);
            spendOutput.setBytes(3, p.txid());
            spendOutput.setInt(4, p.index());
            spendOutput.executeUpdate();
        } catch (SQLException e) {
            throw fail("spend output " + p, e);
        }
    }

    public void insertOutput(byte[] txid, int vout, String address, String asset, long amount, long height) {
        try {
            insertOutput.setBytes(1, txid);
            insertOutput.setInt(2, vout);
            insertOutput.setString(3, address);
            insertOutput.setString(4, asset);
            insertOutput.setLong(5, amount);
            insertOutput.setLong(6, height);
            insertOutput.executeUpdate();
        } catch (SQLException e) {
            throw fail("insert output", e);
        }
    }

    public void addHistory(String address, long height, int idx) {
        try {
            insertHistory.setString(1, address);
            insertHistory.setLong(2, height);
            insertHistory.setInt(3, idx);
            insertHistory.executeUpdate();
        } catch (SQLException e) {
            throw fail("insert history", e);
        }
    }

    public void putRegistry(String kind, String key, byte[] fields, boolean active, long height) {
        try {
            upsertRegistry.setString(1, kind);
            upsertRegistry.setString(2, key);
            upsertRegistry.setBytes(3, fields);
            upsertRegistry.setInt(4, active ? 1 : 0);
            upsertRegistry.setLong(5, height);
            upsertRegistry.executeUpdate();
        } catch (SQLException e) {
            throw fail("write registry " + kind + " " + key, e);
        }
    }

    public void putDeviceSequence(byte[] publicKey, long seq) {
        try {
            upsertSequence.setBytes(1, publicKey);
            upsertSequence.setLong(2, seq);
            upsertSequence.executeUpdate();
        } catch (SQLException e) {
            throw fail("write device sequence", e);
        }
    }

    public void insertAlarm(AlarmEvent e, long height, int idx, byte[] entryId) {
        try {
            insertAlarm.setString(1, e.alarmId());
            insertAlarm.setInt(2, e.action().code());
            insertAlarm.setString(3, e.source());
            insertAlarm.setString(4, e.condition());
            insertAlarm.setInt(5, e.priority());
            if (e.hasValue()) {
                insertAlarm.setDouble(6, e.value());
            } else {
                insertAlarm.setNull(6, java.sql.Types.REAL);
            }
            insertAlarm.setLong(7, e.eventTimeMs());
            insertAlarm.setString(8, e.operator());
            insertAlarm.setString(9, e.comment());
            insertAlarm.setLong(10, e.shelvedUntilMs());
            insertAlarm.setLong(11, height);
            insertAlarm.setInt(12, idx);
            insertAlarm.setBytes(13, entryId);
            insertAlarm.executeUpdate();
        } catch (SQLException ex) {
            throw fail("insert alarm event " + e.alarmId(), ex);
        }
    }

    /**
     * Raw entries of a station's valid records with sample time in [fromMs, toMs), as this block's transaction sees
     * them: what a contract reads of the data chain while a value-chain block is applied.
     */
    public List<byte[]> recordEntriesAt(String stationId, long fromMs, long toMs) {
        try {
            selectRecordsAt.setString(1, stationId);
            selectRecordsAt.setLong(2, fromMs);
            selectRecordsAt.setLong(3, toMs);
            List<byte[]> out = new ArrayList<>();
            try (ResultSet rs = selectRecordsAt.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getBytes(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw fail("read records of " + stationId, e);
        }
    }

    /** Unspent outputs of one asset at an address, including those created earlier in the block being applied. */
    public List<OutputRow> unspentAt(String address, String asset) {
        try {
            selectUnspentAt.setString(1, address);
            selectUnspentAt.setString(2, asset);
            List<OutputRow> out = new ArrayList<>();
            try (ResultSet rs = selectUnspentAt.executeQuery()) {
                while (rs.next()) {
                    out.add(new OutputRow(rs.getBytes(1), rs.getInt(2), address, asset, rs.getLong(3), rs.getLong(4), null, null));
                }
            }
            return out;
        } catch (SQLException e) {
            throw fail("read unspent outputs of " + address, e);
        }
    }

    /** Whether any valid transaction ever paid or spent this address. */
    public boolean hasHistory(String address) {
        try {
            historyExists.setString(1, address);
            try (ResultSet rs = historyExists.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw fail("read history of " + address, e);
        }
    }

    /** Indexes a valid pollution-coin transfer by its trace. */
    public void insertPollutionStep(String quantity, long timePointMs, int step, String station, double value, long amount,
                                    long height, int idx) {
        try {
            insertPollutionStep.setString(1, quantity);
            insertPollutionStep.setLong(2, timePointMs);
            insertPollutionStep.setInt(3, step);
            insertPollutionStep.setString(4, station);
            insertPollutionStep.setDouble(5, value);
            insertPollutionStep.setLong(6, amount);
            insertPollutionStep.setLong(7, height);
            insertPollutionStep.setInt(8, idx);
            insertPollutionStep.executeUpdate();
        } catch (SQLException e) {
            throw fail("index pollution step at value #" + height + "/" + idx, e);
        }
    }

    /** Registry rows in a stable order, to rebuild the in-memory registry on start. */
    public List<RegistryRow> registryRows() {
        List<RegistryRow> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT kind, key, fields, active, height FROM registry ORDER BY kind, key")) {
            while (rs.next()) {
                rows.add(new RegistryRow(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getInt(4) == 1, rs.getLong(5)));
            }
            return rows;
        } catch (SQLException e) {
            throw fail("read registry", e);
        }
    }

    public Map<String, Long> deviceSequences() {
        Map<String, Long> m = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT public_key, last_seq FROM device_sequences")) {
            while (rs.next()) {
                m.put(org.waterchain.ledger.crypto.Hex.of(rs.getBytes(1)), rs.getLong(2));
            }
            return m;
        } catch (SQLException e) {
            throw fail("read device sequences", e);
        }
    }

    public Map<ChainId, Tip> tips() {
        Map<ChainId, Tip> tips = new EnumMap<>(ChainId.class);
        for (ChainId chain : ChainId.values()) {
            tips.put(chain, Tip.none(chain));
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT chain, height, hash, time_ms FROM blocks b WHERE height ="
                     + " (SELECT MAX(height) FROM blocks WHERE chain = b.chain)")) {
            while (rs.next()) {
                ChainId chain = ChainId.of(rs.getInt(1));
                tips.put(chain, new Tip(chain, rs.getLong(2), rs.getBytes(3), rs.getLong(4)));
            }
            return tips;
        } catch (SQLException e) {
            throw fail("read chain tips", e);
        }
    }

    /** Hash of the chain's block at height 0, or null. */
    public byte[] genesisHash(ChainId chain) {
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM blocks WHERE chain = ? AND height = 0")) {
            ps.setInt(1, chain.code());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw fail("read genesis of the " + chain.label() + " chain", e);
        }
    }

    public long lastBlockSeq() {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), -1) FROM blocks")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw fail("read block count", e);
        }
    }

    private StorageException fail(String what, SQLException e) {
        return new StorageException(what + " in " + file + ": " + e.getMessage(), e);
    }

    private static boolean hasAnyTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_master LIMIT 1")) {
            return rs.next();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing; the first error is the one to report
        }
    }

    @Override
    public void close() {
        try {
            c.rollback();
            c.close();
        } catch (SQLException e) {
            throw fail("close", e);
        }
    }

    /** A registry row: the latest fields written for (kind, key). */
    public record RegistryRow(String kind, String key, byte[] fields, boolean active, long height) {}
}
