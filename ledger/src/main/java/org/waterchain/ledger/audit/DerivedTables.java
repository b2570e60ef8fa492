package org.waterchain.ledger.audit;

/** Tables derived by applying blocks: columns compared, the height column, and the chain it belongs to. */
final class DerivedTables {
    static final String[][] ALL = {
        {"records", "station_id, sample_time, idx, device_id, seq", "height", "DATA"},
        {"device_sequences", "hex(public_key), last_seq", "NULL", "DATA"},
        {"outputs", "txid, vout, address, asset, amount, spent_by, spent_height", "height", "VALUE"},
        {"address_history", "address, idx", "height", "VALUE"},
        {"registry", "kind, key, fields, active", "height", "VALUE"},
        {"alarm_journal", "alarm_id, action, source, condition, priority, value, event_time, operator, comment,"
            + " shelved_until, idx, entry_id", "height", "VALUE"},
        {"pollution_steps", "quantity, time_point, step, station, value, amount, idx", "height", "VALUE"},
    };

    private DerivedTables() {}
}
