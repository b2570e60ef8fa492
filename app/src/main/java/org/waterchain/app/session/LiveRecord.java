package org.waterchain.app.session;

import java.util.List;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.StatusFlags;

/**
 * A record as committed on the data chain, for the screens: immutable, so it crosses from the ledger's
 * threads to the FX thread as it is.
 */
public record LiveRecord(String stationId, String deviceId, long seq, long sampleTimeMs, long receiptTimeMs, int statusFlags,
        List<Reading> readings, long height, byte[] entryId) {
    public LiveRecord {
        readings = List.copyOf(readings);
        entryId = entryId.clone();
    }

    public boolean gatewaySigned() {
        return StatusFlags.has(statusFlags, StatusFlags.GATEWAY_SIGNED);
    }

    public double value(int quantityCode) {
        for (Reading r : readings) {
            if (r.quantityCode() == quantityCode) {
                return r.value();
            }
        }
        return Double.NaN;
    }
}
