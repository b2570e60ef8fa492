package org.waterchain.ledger.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The node's SQLite schema. Raw entries are the truth; every other table is derived by applying blocks and
 * is re-derived by the audit. {@code blocks.seq} is the global order in which blocks of both chains were
 * applied, which replay must follow because the value chain's registry decides the data chain's validity.
 */
final class Schema {
    static final int VERSION = 1;

    private static final String[] DDL = {
        "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS blocks(seq INTEGER PRIMARY KEY, chain INTEGER NOT NULL, height INTEGER NOT NULL,"
            + " hash BLOB NOT NULL, header BLOB NOT NULL, signature BLOB NOT NULL, time_ms INTEGER NOT NULL,"
            + " UNIQUE(chain, height))",
        "CREATE TABLE IF NOT EXISTS entries(chain INTEGER NOT NULL, height INTEGER NOT NULL, idx INTEGER NOT NULL,"
            + " id BLOB NOT NULL, raw BLOB NOT NULL, valid INTEGER NOT NULL, reason TEXT,"
            + " PRIMARY KEY(chain, height, idx)) WITHOUT ROWID",
        // Value chain only: ids are random, so an index of every record id would dirty about one page per
        // record at each commit and halve ingest on a large ledger. Records are found by station and time.
        "CREATE INDEX IF NOT EXISTS value_entries_by_id ON entries(id) WHERE chain = 1",
        "CREATE TABLE IF NOT EXISTS records(station_id TEXT NOT NULL, sample_time INTEGER NOT NULL,"
            + " height INTEGER NOT NULL, idx INTEGER NOT NULL, device_id TEXT NOT NULL, seq INTEGER NOT NULL,"
            + " PRIMARY KEY(station_id, sample_time, height, idx)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS outputs(txid BLOB NOT NULL, vout INTEGER NOT NULL, address TEXT NOT NULL,"
            + " asset TEXT NOT NULL, amount INTEGER NOT NULL, height INTEGER NOT NULL, spent_by BLOB,"
            + " spent_height INTEGER, PRIMARY KEY(txid, vout)) WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS unspent_by_address ON outputs(address, asset) WHERE spent_by IS NULL",
        "CREATE TABLE IF NOT EXISTS address_history(address TEXT NOT NULL, height INTEGER NOT NULL,"
            + " idx INTEGER NOT NULL, PRIMARY KEY(address, height, idx)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS registry(kind TEXT NOT NULL, key TEXT NOT NULL, fields BLOB NOT NULL,"
            + " active INTEGER NOT NULL, height INTEGER NOT NULL, PRIMARY KEY(kind, key)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS device_sequences(public_key BLOB PRIMARY KEY, last_seq INTEGER NOT NULL)"
            + " WITHOUT ROWID",
        // Valid alarm events of the value chain; action is AlarmAction's code, value NULL when there is none.
        "CREATE TABLE IF NOT EXISTS alarm_journal(alarm_id TEXT NOT NULL, action INTEGER NOT NULL, source TEXT NOT NULL,"
            + " condition TEXT NOT NULL, priority INTEGER NOT NULL, value REAL, event_time INTEGER NOT NULL,"
            + " operator TEXT NOT NULL, comment TEXT NOT NULL, shelved_until INTEGER NOT NULL, height INTEGER NOT NULL,"
            + " idx INTEGER NOT NULL, entry_id BLOB NOT NULL, PRIMARY KEY(height, idx)) WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS alarm_journal_by_alarm ON alarm_journal(alarm_id, height, idx)",
        "CREATE INDEX IF NOT EXISTS alarm_journal_by_time ON alarm_journal(event_time)",
        // Valid pollution-coin transfers by trace (quantity symbol, time point): a listing of traces. The pathways
        // themselves are read back from the transactions (the extraction), not from here. step is PollutionStep's
        // code, amount the coins the transfer pays (minted, passed on or collected).
        "CREATE TABLE IF NOT EXISTS pollution_steps(quantity TEXT NOT NULL, time_point INTEGER NOT NULL,"
            + " step INTEGER NOT NULL, station TEXT NOT NULL, value REAL NOT NULL, amount INTEGER NOT NULL, height INTEGER NOT NULL,"
            + " idx INTEGER NOT NULL, PRIMARY KEY(height, idx)) WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS pollution_steps_by_time ON pollution_steps(time_point, quantity)",
    };


    private Schema() {}

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : DDL) {
                s.execute(ddl);
            }
        }
    }
}
