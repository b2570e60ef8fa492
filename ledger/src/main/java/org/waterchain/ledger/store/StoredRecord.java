package org.waterchain.ledger.store;

import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;

/** A valid record read back from the data chain, with where it stands. */
public record StoredRecord(String stationId, byte[] entryId, long height, int index, RecordEntry entry) {
    public SensorRecord record() {
        return entry.signed().record();
    }
}
