package org.waterchain.ledger.record;

import java.util.List;
import org.waterchain.ledger.codec.CanonicalReader;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.crypto.SigningDomain;

/**
 * What a device signs: the body of one measurement record. Layout (docs/encoding.md), shared with the
 * firmware: u8 version=1, text deviceId, i64 seq, i64 sampleTimeMs, u16 statusFlags, u8 n, n x (u16 quantity,
 * f64 value, u8 quality).
 *
 * @param sampleTimeMs when the sample was taken, by the device's clock (batch analysers report late)
 * @param statusFlags  {@link StatusFlags} bits
 */
public record SensorRecord(String deviceId, long seq, long sampleTimeMs, int statusFlags, List<Reading> readings) {
    public static final int VERSION = 1;
    public static final int MAX_DEVICE_ID_BYTES = 32;
    public static final int MAX_READINGS = 32;
    /** What {@link #isValidDeviceId} requires, for error messages. */
    public static final String DEVICE_ID_RULE = "device id must be 1-" + MAX_DEVICE_ID_BYTES
            + " printable ASCII characters without spaces";

    /** The one rule for device ids, wherever one is typed, configured or received. */
    public static boolean isValidDeviceId(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_DEVICE_ID_BYTES && id.chars().allMatch(c -> c > 32 && c < 127);
    }

    public SensorRecord {
        readings = List.copyOf(readings);
        if (!isValidDeviceId(deviceId)) {
            throw new IllegalArgumentException(DEVICE_ID_RULE + ": '" + deviceId + "'");
        }
        if (seq < 0) {
            throw new IllegalArgumentException("sequence number must not be negative: " + seq);
        }
        if (readings.isEmpty() || readings.size() > MAX_READINGS) {
            throw new IllegalArgumentException("a record holds 1-" + MAX_READINGS + " readings, got " + readings.size());
        }
        if (statusFlags < 0 || statusFlags > 0xFFFF) {
            throw new IllegalArgumentException("status flags out of range: " + statusFlags);
        }
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(32 + deviceId.length() + readings.size() * 11);
        w.u8(VERSION).text(deviceId).i64(seq).i64(sampleTimeMs).u16(statusFlags).u8(readings.size());
        for (Reading r : readings) {
            w.u16(r.quantityCode()).f64(r.value()).u8(r.quality().ordinal());
        }
        return w.toByteArray();
    }

    public static SensorRecord decode(byte[] body) {
        CanonicalReader r = new CanonicalReader(body);
        int version = r.u8("record.version");
        if (version != VERSION) {
            throw new DecodeException("record.version: unsupported version " + version);
        }
        String deviceId = r.text("record.deviceId");
        long seq = r.i64("record.seq");
        long time = r.i64("record.sampleTime");
        int flags = r.u16("record.statusFlags");
        int n = r.u8("record.readingCount");
        Reading[] readings = new Reading[n];
        for (int i = 0; i < n; i++) {
            int q = r.u16("record.reading[" + i + "].quantity");
            double v = r.f64("record.reading[" + i + "].value");
            int quality = r.u8("record.reading[" + i + "].quality");
            try {
                readings[i] = new Reading(q, v, Reading.Quality.of(quality));
            } catch (IllegalArgumentException e) {
                throw new DecodeException("record.reading[" + i + "]: " + e.getMessage());
            }
        }
        r.expectEnd("record");
        try {
            return new SensorRecord(deviceId, seq, time, flags, List.of(readings));
        } catch (IllegalArgumentException e) {
            throw new DecodeException("record: " + e.getMessage());
        }
    }

    public SignedRecord sign(KeyPair key) {
        byte[] body = encode();
        return new SignedRecord(body, SigningDomain.RECORD.sign(key, body), key.publicKey());
    }
}
