package org.waterchain.ledger.validation;

import static org.waterchain.ledger.validation.Violation.Code.*;

import java.util.Map;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.record.StatusFlags;
import org.waterchain.ledger.registry.Registry;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;

/** The data chain's rules for one signed sensor record, in the order they are checked. */
final class RecordRules {
    private RecordRules() {}

    /** The accepted record's index row. */
    record Accepted(String stationId, String deviceId, long seq, long sampleTime, String keyHex) {}

    static Accepted check(PreparedEntry p, Registry registry, Map<String, Long> lastSeqByKey) throws Violation {
        if (p.decodeError() != null) {
            throw new Violation(MALFORMED, p.decodeError());
        }
        RecordEntry entry = (RecordEntry) p.entry();
        SensorRecord rec = (SensorRecord) p.payload();
        String what = "record " + rec.deviceId() + "#" + rec.seq();
        if (!p.signaturesValid()) {
            throw new Violation(BAD_SIGNATURE, what + ": signature does not verify");
        }
        RegisterDevice device = registry.device(rec.deviceId())
                .orElseThrow(() -> new Violation(UNKNOWN_DEVICE, what + ": device is not registered"));
        if (registry.isRetired(rec.deviceId())) {
            throw new Violation(RETIRED_DEVICE, what + ": device was retired");
        }
        String keyHex = Hex.of(entry.signed().signerKey());
        if (!keyHex.equals(Hex.of(device.publicKey()))) {
            throw new Violation(DEVICE_KEY_MISMATCH, what + ": signed by key " + keyHex.substring(0, 16)
                    + "..., the device is registered with " + Hex.of(device.publicKey()).substring(0, 16)
                    + "... (a replaced device must be registered again)");
        }
        if (StatusFlags.has(rec.statusFlags(), StatusFlags.GATEWAY_SIGNED) != device.gateway()) {
            throw new Violation(GATEWAY_FLAG_MISMATCH, what + ": gateway-signed flag is "
                    + StatusFlags.has(rec.statusFlags(), StatusFlags.GATEWAY_SIGNED) + " but the device is registered as "
                    + (device.gateway() ? "gateway-signed" : "self-signing"));
        }
        Long last = lastSeqByKey.get(keyHex);
        if (last != null && rec.seq() <= last) {
            throw new Violation(STALE_SEQUENCE, what + ": sequence number " + rec.seq()
                    + " is not after the last accepted " + last + " (replayed or old record)");
        }
        for (Reading r : rec.readings()) {
            if (Quantity.byCode(r.quantityCode()).isEmpty()) {
                throw new Violation(UNKNOWN_QUANTITY, what + ": unknown quantity code " + r.quantityCode());
            }
        }
        return new Accepted(device.stationId(), rec.deviceId(), rec.seq(), rec.sampleTimeMs(), keyHex);
    }
}
