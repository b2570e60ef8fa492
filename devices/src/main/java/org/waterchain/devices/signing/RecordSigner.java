package org.waterchain.devices.signing;

import org.waterchain.devices.sample.Sample;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.record.SignedRecord;
import org.waterchain.ledger.record.StatusFlags;

/**
 * Signs one device's samples with its key and the next sequence number. The ledger keeps the last accepted
 * sequence per key, so the signer must start above it: pass the larger of the ledger's and the persisted value.
 * Safe to call from several threads; numbers are handed out in call order.
 */
public final class RecordSigner {
    private final String deviceId;
    private final KeyPair key;
    private final boolean gateway;
    private long lastSeq;

    public RecordSigner(String deviceId, KeyPair key, boolean gateway, long lastSeq) {
        this.deviceId = deviceId;
        this.key = key;
        this.gateway = gateway;
        this.lastSeq = lastSeq;
    }

    public synchronized SignedRecord sign(Sample s) {
        if (!s.deviceId().equals(deviceId)) {
            throw new IllegalArgumentException("sample of device " + s.deviceId() + " given to the signer of " + deviceId);
        }
        int flags = gateway ? s.statusFlags() | StatusFlags.GATEWAY_SIGNED : s.statusFlags() & ~StatusFlags.GATEWAY_SIGNED;
        SensorRecord r = new SensorRecord(deviceId, lastSeq + 1, s.sampleTimeMs(), flags, s.readings());
        SignedRecord signed = r.sign(key);
        lastSeq++;
        return signed;
    }

    public synchronized long lastSeq() {
        return lastSeq;
    }

    public String deviceId() {
        return deviceId;
    }

    public byte[] publicKey() {
        return key.publicKey();
    }

    public boolean gateway() {
        return gateway;
    }
}
