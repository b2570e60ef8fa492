package org.waterchain.devices.sample;

import java.util.List;
import org.waterchain.ledger.record.Reading;

/**
 * One set of readings a device took at one instant, not yet signed: what a Modbus transmitter, a replayed
 * CSV row or a simulated station yields. A {@code org.waterchain.devices.signing.RecordSigner} turns it into a
 * signed record with the next sequence number.
 *
 * @param sampleTimeMs when the sample was taken (a batch analyser's sample time, not its arrival)
 * @param statusFlags  {@link org.waterchain.ledger.record.StatusFlags} bits the source observed (tamper, leak...)
 */
public record Sample(String deviceId, long sampleTimeMs, int statusFlags, List<Reading> readings) {
    public Sample {
        readings = List.copyOf(readings);
    }

    public Sample(String deviceId, long sampleTimeMs, List<Reading> readings) {
        this(deviceId, sampleTimeMs, 0, readings);
    }
}
