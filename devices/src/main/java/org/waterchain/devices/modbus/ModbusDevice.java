package org.waterchain.devices.modbus;

import java.time.Duration;
import org.waterchain.ledger.record.SensorRecord;

/**
 * One transmitter as installed: which profile describes it, where it is wired and how often to poll it.
 *
 * @param serial          the line settings, normally the profile's defaults unless the installer changed the device
 * @param responseTimeout how long to wait for each answer
 * @param echo            whether the RS-485 adapter on this port echoes what it sends (a bus property: every device on
 *                        the port must agree)
 */
public record ModbusDevice(
        String deviceId,
        ModbusProfile profile,
        String port,
        int unitId,
        Duration pollInterval,
        SerialSettings serial,
        Duration responseTimeout,
        boolean echo) {

    public ModbusDevice {
        if (!SensorRecord.isValidDeviceId(deviceId)) {
            throw new IllegalArgumentException(SensorRecord.DEVICE_ID_RULE + ": '" + deviceId + "'");
        }
        if (profile == null || serial == null) {
            throw new IllegalArgumentException("device " + deviceId + " needs a profile and serial settings");
        }
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("device " + deviceId + " needs a serial port path");
        }
        if (unitId < 1 || unitId > 247) {
            throw new IllegalArgumentException("device " + deviceId + ": unit id must be 1 to 247, got " + unitId);
        }
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("device " + deviceId + ": poll interval must be positive");
        }
        if (responseTimeout == null || responseTimeout.isNegative() || responseTimeout.isZero()
                || responseTimeout.toMillis() > 60_000) {
            throw new IllegalArgumentException("device " + deviceId + ": response timeout must be 1 ms to 60 s");
        }
    }

    /** A device with its profile's serial settings and response timeout, on an adapter that does not echo. */
    public static ModbusDevice of(String deviceId, ModbusProfile profile, String port, int unitId, Duration pollInterval) {
        return new ModbusDevice(deviceId, profile, port, unitId, pollInterval, profile.serial(),
                Duration.ofMillis(profile.responseTimeoutMs()), false);
    }

    int responseTimeoutMs() {
        return (int) responseTimeout.toMillis();
    }
}
