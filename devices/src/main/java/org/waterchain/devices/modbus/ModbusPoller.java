package org.waterchain.devices.modbus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.waterchain.devices.sample.SampleSink;

/**
 * Polls Modbus RTU transmitters and hands their readings to a {@link SampleSink}: one {@link
 * org.waterchain.devices.sample.Sample} per device per poll that read at least one point, stamped with the time
 * the poll started. Devices on the same serial port share one bus thread and are polled in turn; each port has
 * its own thread.
 *
 * <pre>{@code
 * ModbusInstallation installation = ModbusInstallation.load(Path.of("modbus.json"));
 * try (ModbusPoller poller = ModbusPoller.start(installation.devices(), sample -> queue.offer(sample))) {
 *     ...
 *     List<DeviceStatus> health = poller.status();
 * }
 * }</pre>
 *
 * What a poll yields: readings in the profile's point order; a point whose request failed (exception response)
 * is left out and the failure counted in {@link DeviceStatus}; a device that does not answer yields no sample.
 * The sink is called on the bus thread and must not block long: it delays the bus.
 */
public final class ModbusPoller implements AutoCloseable {
    private final Map<String, StatusRecorder> recorders;
    private final List<BusPoller> buses;

    private ModbusPoller(Map<String, StatusRecorder> recorders, List<BusPoller> buses) {
        this.recorders = recorders;
        this.buses = buses;
    }

    /**
     * Starts polling. Throws IllegalArgumentException when devices clash: the same id twice, or devices on one port
     * with different serial settings or the same unit id.
     */
    public static ModbusPoller start(List<ModbusDevice> devices, SampleSink sink) {
        if (sink == null) {
            throw new IllegalArgumentException("a sample sink is needed");
        }
        Map<String, List<ModbusDevice>> plan = BusPlan.of(devices);
        Map<String, StatusRecorder> recorders = new LinkedHashMap<>();
        for (ModbusDevice d : devices) {
            recorders.put(d.deviceId(), new StatusRecorder(d));
        }
        List<BusPoller> buses = new ArrayList<>();
        plan.forEach((port, onBus) -> buses.add(new BusPoller(port, onBus,
                onBus.stream().map(d -> recorders.get(d.deviceId())).toList(), sink)));
        buses.forEach(BusPoller::start);
        return new ModbusPoller(recorders, List.copyOf(buses));
    }

    /** Every bound device's status, in the order the devices were given. */
    public List<DeviceStatus> status() {
        return recorders.values().stream().map(StatusRecorder::snapshot).toList();
    }

    public Optional<DeviceStatus> status(String deviceId) {
        return Optional.ofNullable(recorders.get(deviceId)).map(StatusRecorder::snapshot);
    }

    /** Stops every bus and closes the ports. Idempotent. */
    @Override
    public void close() {
        buses.forEach(BusPoller::close);
    }
}
