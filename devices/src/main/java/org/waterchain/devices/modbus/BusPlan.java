package org.waterchain.devices.modbus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Devices grouped by serial port: one RS-485 bus each. Devices on one bus share the wire, so they must share the
 * line settings and the adapter's echo behaviour, and no two may answer to the same unit id.
 */
final class BusPlan {
    private BusPlan() {}

    /** Port path to its devices, in the order given; throws IllegalArgumentException naming the clash. */
    static Map<String, List<ModbusDevice>> of(List<ModbusDevice> devices) {
        Map<String, List<ModbusDevice>> buses = new LinkedHashMap<>();
        Map<String, ModbusDevice> byId = new HashMap<>();
        for (ModbusDevice d : devices) {
            ModbusDevice sameId = byId.putIfAbsent(d.deviceId(), d);
            if (sameId != null) {
                throw new IllegalArgumentException("device id " + d.deviceId() + " is bound twice");
            }
            List<ModbusDevice> bus = buses.computeIfAbsent(d.port(), p -> new ArrayList<>());
            for (ModbusDevice other : bus) {
                if (!other.serial().equals(d.serial())) {
                    throw new IllegalArgumentException("devices " + other.deviceId() + " (" + other.serial() + ") and "
                            + d.deviceId() + " (" + d.serial() + ") share port " + d.port()
                            + " but not its serial settings");
                }
                if (other.echo() != d.echo()) {
                    throw new IllegalArgumentException("devices " + other.deviceId() + " and " + d.deviceId()
                            + " share port " + d.port() + " but disagree on whether its adapter echoes");
                }
                if (other.unitId() == d.unitId()) {
                    throw new IllegalArgumentException("devices " + other.deviceId() + " and " + d.deviceId()
                            + " both use unit id " + d.unitId() + " on port " + d.port());
                }
            }
            bus.add(d);
        }
        return buses;
    }
}
