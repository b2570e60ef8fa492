package org.waterchain.ledger.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.waterchain.ledger.alarm.AlarmEvent;
import org.waterchain.ledger.alarm.JournaledAlarm;
import org.waterchain.ledger.chain.BlockHeader;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.chain.MerkleProof;
import org.waterchain.ledger.chain.MerkleTree;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.value.ValueEntry;

/**
 * Read access to a node's ledger for the app, the CLI and the audit, on read-only connections of its own
 * (WAL lets them read while the applier writes). Safe to call from any thread but the FX thread.
 *
 * <p>A {@linkplain #snapshot snapshot} instead reads one consistent state of a ledger that may be growing under
 * a running node: one connection inside one read transaction, for audits and exports. Use it from one thread
 * at a time.
 */
public final class LedgerQueries implements AutoCloseable {
    private static final int POOL = 4;
    private final Path file;
    private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(POOL);
    private final Connection pinned;

    public LedgerQueries(Path file) {
        this.file = file;
        this.pinned = null;
    }

    private LedgerQueries(Path file, Connection pinned) {
        this.file = file;
        this.pinned = pinned;
    }

    /**
     * A consistent snapshot, with other databases attached under the given aliases (attached first: SQLite
     * refuses ATTACH inside a transaction). The snapshot is taken at the first query.
     */
    public static LedgerQueries snapshot(Path file, java.util.Map<String, Path> attach) {
        Connection c = Sqlite.open(file, true);
        try (java.sql.Statement s = c.createStatement()) {
            for (var a : attach.entrySet()) {
                if (!a.getKey().matches("[a-z_]+")) {
                    throw new IllegalArgumentException(a.getKey());
                }
                s.execute("ATTACH DATABASE '" + a.getValue().toString().replace("'", "''") + "' AS " + a.getKey());
            }
            c.setAutoCommit(false);
            return new LedgerQueries(file, c);
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // reported below
            }
            throw new StorageException("snapshot of " + file + ": " + e.getMessage(), e);
        }
    }

    /** A station's most recent record by sample time, if it has any: what a screen shows before new data arrives. */
    public Optional<StoredRecord> latestRecord(String stationId) {
        return query("latest record of " + stationId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.raw, r.height, r.idx, e.id FROM records r"
                    + " JOIN entries e ON e.chain = 0 AND e.height = r.height AND e.idx = r.idx"
                    + " WHERE r.station_id = ? ORDER BY r.sample_time DESC, r.height DESC, r.idx DESC LIMIT 1")) {
                ps.setString(1, stationId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredRecord(stationId, rs.getBytes(4), rs.getLong(2), rs.getInt(3),
                            RecordEntry.decode(rs.getBytes(1)))) : Optional.empty();
                }
            }
        });
    }

    /** Valid records of a station with sample time in [fromMs, toMs), oldest first. */
    public List<StoredRecord> records(String stationId, long fromMs, long toMs) {
        return query("records of " + stationId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.raw, r.height, r.idx, e.id FROM records r"
                    + " JOIN entries e ON e.chain = 0 AND e.height = r.height AND e.idx = r.idx"
                    + " WHERE r.station_id = ? AND r.sample_time >= ? AND r.sample_time < ? ORDER BY r.sample_time, r.height, r.idx")) {
                ps.setString(1, stationId);
                ps.setLong(2, fromMs);
                ps.setLong(3, toMs);
                List<StoredRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredRecord(stationId, rs.getBytes(4), rs.getLong(2), rs.getInt(3),
                                RecordEntry.decode(rs.getBytes(1))));
                    }
                }
                return out;
            }
        });
    }

    /**
     * An entry of either chain by id, preferring the valid occurrence if it was submitted more than once.
     * Value-chain ids are indexed; a data-chain id is found by scanning the data chain (about a second per
     * million records), since an index of random ids would slow every ingest. Prefer {@link #entryAt}.
     */
    public Optional<StoredEntry> entry(byte[] id) {
        Optional<StoredEntry> value = entryWhere(ChainId.VALUE, id);
        return value.isPresent() ? value : entryWhere(ChainId.DATA, id);
    }

    private Optional<StoredEntry> entryWhere(ChainId chain, byte[] id) {
        return query("entry", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT height, idx, raw, valid, reason FROM entries"
                    + " WHERE chain = ? AND id = ? ORDER BY valid DESC, height LIMIT 1")) {
                ps.setInt(1, chain.code());
                ps.setBytes(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredEntry(chain, rs.getLong(1), rs.getInt(2), id,
                            rs.getBytes(3), rs.getInt(4) == 1, rs.getString(5))) : Optional.empty();
                }
            }
        });
    }

    /** The entry at a place in a chain (as a StoredRecord or a block's entry list names it). */
    public Optional<StoredEntry> entryAt(ChainId chain, long height, int index) {
        return query("entry", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, raw, valid, reason FROM entries"
                    + " WHERE chain = ? AND height = ? AND idx = ?")) {
                ps.setInt(1, chain.code());
                ps.setLong(2, height);
                ps.setInt(3, index);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredEntry(chain, height, index, rs.getBytes(1), rs.getBytes(2),
                            rs.getInt(3) == 1, rs.getString(4))) : Optional.empty();
                }
            }
        });
    }

    public Optional<StoredBlock> block(ChainId chain, long height) {
        return query("block", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, header, hash, signature FROM blocks WHERE chain = ? AND height = ?");
                 PreparedStatement ids = c.prepareStatement(
                    "SELECT id FROM entries WHERE chain = ? AND height = ? ORDER BY idx")) {
                ps.setInt(1, chain.code());
                ps.setLong(2, height);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    ids.setInt(1, chain.code());
                    ids.setLong(2, height);
                    List<byte[]> entryIds = new ArrayList<>();
                    try (ResultSet r2 = ids.executeQuery()) {
                        while (r2.next()) {
                            entryIds.add(r2.getBytes(1));
                        }
                    }
                    return Optional.of(new StoredBlock(rs.getLong(1), BlockHeader.decode(rs.getBytes(2)), rs.getBytes(3),
                            rs.getBytes(4), entryIds));
                }
            }
        });
    }

    /** The stored entries of a block, if the block with this hash stands at this height. */
    public Optional<List<StoredEntry>> entriesOf(ChainId chain, long height, byte[] hash) {
        return block(chain, height).filter(b -> java.util.Arrays.equals(b.hash(), hash)).map(b -> {
            List<StoredEntry> es = new ArrayList<>(b.entryIds().size());
            for (int i = 0; i < b.entryIds().size(); i++) {
                es.add(entryAt(chain, height, i).orElseThrow());
            }
            return es;
        });
    }

    /** The Merkle inclusion proof of an entry and the header it proves against. */
    public Optional<EntryProof> prove(byte[] entryId) {
        return entry(entryId).map(this::prove);
    }

    public EntryProof prove(StoredEntry e) {
        StoredBlock b = block(e.chain(), e.height()).orElseThrow();
        return new EntryProof(e, b, MerkleTree.prove(b.entryIds(), e.index()));
    }

    /** An entry, its block and the path from the entry to the block's Merkle root. */
    public record EntryProof(StoredEntry entry, StoredBlock block, MerkleProof proof) {
        public boolean verifies() {
            return proof.verifies(block.header().merkleRoot());
        }
    }

    public List<OutputRow> unspent(Address address) {
        return query("unspent outputs of " + address, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT txid, vout, asset, amount, height FROM outputs"
                    + " WHERE address = ? AND spent_by IS NULL ORDER BY height, txid, vout")) {
                ps.setString(1, address.toString());
                List<OutputRow> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new OutputRow(rs.getBytes(1), rs.getInt(2), address.toString(), rs.getString(3),
                                rs.getLong(4), rs.getLong(5), null, null));
                    }
                }
                return out;
            }
        });
    }

    /**
     * The valid value-chain transaction with this transaction id (what outputs are referenced by), found through its
     * first output: the entries that paid that output's address at that height, of which one has this id.
     */
    public Optional<StoredEntry> transaction(byte[] txid) {
        return query("transaction", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.height, e.idx, e.id, e.raw FROM outputs o"
                    + " JOIN address_history h ON h.address = o.address AND h.height = o.height"
                    + " JOIN entries e ON e.chain = 1 AND e.height = h.height AND e.idx = h.idx"
                    + " WHERE o.txid = ? AND o.vout = 0 AND e.valid = 1 ORDER BY e.idx")) {
                ps.setBytes(1, txid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byte[] raw = rs.getBytes(4);
                        if (java.util.Arrays.equals(ValueEntry.decode(raw).txid(), txid)) {
                            return Optional.of(new StoredEntry(ChainId.VALUE, rs.getLong(1), rs.getInt(2), rs.getBytes(3), raw,
                                    true, null));
                        }
                    }
                    return Optional.empty();
                }
            }
        });
    }

    public Map<String, Long> balances(Address address) {
        Map<String, Long> m = new TreeMap<>();
        for (OutputRow o : unspent(address)) {
            m.merge(o.asset(), o.amount(), Long::sum);
        }
        return m;
    }

    /** Value-chain entries that paid or spent this address, newest first. */
    public List<StoredEntry> history(Address address, int limit) {
        return query("history of " + address, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.height, e.idx, e.id, e.raw, e.valid, e.reason"
                    + " FROM address_history h JOIN entries e ON e.chain = 1 AND e.height = h.height AND e.idx = h.idx"
                    + " WHERE h.address = ? ORDER BY h.height DESC, h.idx DESC LIMIT ?")) {
                ps.setString(1, address.toString());
                ps.setInt(2, limit);
                List<StoredEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredEntry(ChainId.VALUE, rs.getLong(1), rs.getInt(2), rs.getBytes(3), rs.getBytes(4),
                                rs.getInt(5) == 1, rs.getString(6)));
                    }
                }
                return out;
            }
        });
    }

    /** Current registry entries of one kind ("station", "device", "factory", "channel", "member", ...). */
    public List<RegistryAction> registry(String kind, boolean activeOnly) {
        return query("registry", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT fields FROM registry WHERE kind = ?"
                    + (activeOnly ? " AND active = 1" : "") + " ORDER BY key")) {
                ps.setString(1, kind);
                List<RegistryAction> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(RegistryAction.decodeFields(rs.getBytes(1)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Valid alarm events with event time in [fromMs, toMs), newest first, at most {@code limit}. Read from the
     * signed entries themselves (the journal table only indexes them), with the member that signed each.
     */
    public List<JournaledAlarm> alarmJournal(long fromMs, long toMs, int limit) {
        return alarms("alarm journal", "j.event_time >= ? AND j.event_time < ?"
                + " ORDER BY j.event_time DESC, j.height DESC, j.idx DESC LIMIT ?", ps -> {
                    ps.setLong(1, fromMs);
                    ps.setLong(2, toMs);
                    ps.setInt(3, limit);
                });
    }

    /** Every valid event of one alarm, in chain order (oldest first). */
    public List<JournaledAlarm> alarmHistory(String alarmId) {
        return alarms("history of alarm " + alarmId, "j.alarm_id = ? ORDER BY j.height, j.idx",
                ps -> ps.setString(1, alarmId));
    }

    private interface Bind {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<JournaledAlarm> alarms(String what, String where, Bind bind) {
        return query(what, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.raw, j.height, j.idx, e.id FROM alarm_journal j"
                    + " JOIN entries e ON e.chain = 1 AND e.height = j.height AND e.idx = j.idx WHERE " + where)) {
                bind.bind(ps);
                List<JournaledAlarm> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ValueEntry v = ValueEntry.decode(rs.getBytes(1));
                        out.add(new JournaledAlarm(AlarmEvent.decode(v.body()), rs.getLong(2), rs.getInt(3), rs.getBytes(4),
                                v.witnesses().get(0).address()));
                    }
                }
                return out;
            }
        });
    }

    /** The last accepted sequence number of a device key, or -1. */
    public long lastSequence(byte[] deviceKey) {
        return query("device sequence", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM device_sequences WHERE public_key = ?")) {
                ps.setBytes(1, deviceKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            }
        });
    }

    public Tip tip(ChainId chain) {
        return query("tip", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT height, hash, time_ms FROM blocks WHERE chain = ? ORDER BY height DESC LIMIT 1")) {
                ps.setInt(1, chain.code());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Tip(chain, rs.getLong(1), rs.getBytes(2), rs.getLong(3)) : Tip.none(chain);
                }
            }
        });
    }

    public long count(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table);
        }
        return query("count", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** One SQL read on a pooled connection. */
    @FunctionalInterface
    public interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    public <T> T query(String what, Read<T> read) {
        if (pinned != null) {
            try {
                return read.run(pinned);
            } catch (SQLException e) {
                throw new StorageException("query " + what + " in " + file + ": " + e.getMessage(), e);
            }
        }
        Connection c = idle.poll();
        if (c == null) {
            c = Sqlite.open(file, true);
        }
        try {
            T result = read.run(c);
            if (!idle.offer(c)) {
                c.close();
            }
            return result;
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // reported below
            }
            throw new StorageException("query " + what + " in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (pinned != null) {
            try {
                pinned.rollback();
                pinned.close();
            } catch (SQLException ignored) {
                // read-only
            }
        }
        Connection c;
        while ((c = idle.poll()) != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
