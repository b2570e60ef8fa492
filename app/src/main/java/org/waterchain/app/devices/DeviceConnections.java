package org.waterchain.app.devices;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.waterchain.app.session.Session;
import org.waterchain.devices.modbus.DeviceStatus;
import org.waterchain.devices.modbus.ModbusDevice;
import org.waterchain.devices.modbus.ModbusGateway;
import org.waterchain.devices.modbus.ModbusInstallation;
import org.waterchain.devices.modbus.ModbusPoller;
import org.waterchain.devices.sensornode.SensorNodeDriver;
import org.waterchain.devices.serial.PortSettings;

/**
 * The devices this window connected: sensor nodes on serial ports and Modbus installations. It owns the
 * drivers and pollers and closes them with the window; no FX types, so it is tested on its own.
 */
public final class DeviceConnections implements AutoCloseable {
    private final Session session;
    private final List<SensorNodeDriver> sensorNodes = new CopyOnWriteArrayList<>();
    private final List<ModbusPoller> pollers = new CopyOnWriteArrayList<>();

    public DeviceConnections(Session session) {
        this.session = session;
    }

    /** Opens a sensor node's port (a listed port, a /dev/serial/by-id name or a typed pty path). */
    public synchronized SensorNodeDriver connectSensorNode(String path) {
        for (SensorNodeDriver d : sensorNodes) {
            if (d.path().equals(path)) {
                throw new IllegalArgumentException(path + " is already connected");
            }
        }
        SensorNodeDriver d = new SensorNodeDriver(path, PortSettings.FIRMWARE, session.ingest(), session::now).start();
        sensorNodes.add(d);
        return d;
    }

    public synchronized void disconnect(String path) {
        for (SensorNodeDriver d : sensorNodes) {
            if (d.path().equals(path)) {
                d.close();
                sensorNodes.remove(d);
            }
        }
    }

    /** Starts polling the transmitters of an installation file; the node's gateway signs their readings. */
    public synchronized List<ModbusDevice> startModbus(Path installationFile) {
        List<ModbusDevice> devices = ModbusInstallation.load(installationFile).devices();
        pollers.add(ModbusGateway.start(devices, session.ingest(), session.nodeKey()));
        return devices;
    }

    public List<SensorNodeDriver.Status> sensorNodes() {
        return sensorNodes.stream().map(SensorNodeDriver::status).toList();
    }

    public List<DeviceStatus> transmitters() {
        List<DeviceStatus> out = new ArrayList<>();
        pollers.forEach(p -> out.addAll(p.status()));
        return out;
    }

    @Override
    public synchronized void close() {
        sensorNodes.forEach(SensorNodeDriver::close);
        sensorNodes.clear();
        pollers.forEach(ModbusPoller::close);
        pollers.clear();
    }
}
