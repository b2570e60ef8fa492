package org.waterchain.devices.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.waterchain.devices.modbus.DeviceStatus;
import org.waterchain.devices.modbus.ModbusDevice;
import org.waterchain.devices.modbus.ModbusGateway;
import org.waterchain.devices.modbus.ModbusInstallation;
import org.waterchain.devices.modbus.ModbusPoller;
import org.waterchain.devices.ingest.SourceStats;
import org.waterchain.devices.sensornode.SensorNodeDriver;
import org.waterchain.devices.serial.PortSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "listen", description = "Run the node and take readings from sensor nodes on serial ports and from Modbus RTU transmitters until Ctrl-C.")
final class ListenCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--data", required = true, description = "the node's data directory")
    Path data;

    @Option(names = "--port", description = "serial port of a WaterChain sensor node (repeatable): /dev/ttyUSB0,"
            + " /dev/serial/by-id/..., or a pty path")
    List<String> ports = new ArrayList<>();

    @Option(names = "--modbus", description = "Modbus RTU installation file (repeatable): which transmitters, with which"
            + " profile, on which port; their readings are signed by this node's gateway key")
    List<Path> modbus = new ArrayList<>();

    @Option(names = "--baud", defaultValue = "115200", description = "line rate (default: ${DEFAULT-VALUE}; 8N1)")
    int baud;

    @Option(names = "--stats-every", defaultValue = "10", description = "seconds between status lines (default: ${DEFAULT-VALUE})")
    int statsEvery;

    private static void printStatus(NodeSession s, List<SensorNodeDriver> drivers, ModbusPoller poller) {
        for (SensorNodeDriver d : drivers) {
            SensorNodeDriver.Status st = d.status();
            SourceStats ss = s.ingest.stats(d.path());
            System.out.printf("%s %s: %d records accepted, %d refused %s%s%n", d.path(), st.link().state(),
                    ss.accepted(), ss.rejectedTotal(), ss.rejected().isEmpty() ? "" : ss.rejected(),
                    st.lastHello() == null ? "" : ", device " + st.lastHello().deviceId());
        }
        if (poller != null) {
            for (DeviceStatus st : poller.status()) {
                System.out.printf("modbus %s unit %d (%s) %s: %d samples, %d timeouts, %d exception responses%s%n",
                        st.port(), st.unitId(), st.deviceId(), st.state(), st.samples(), st.timeouts(),
                        st.exceptionResponses(), st.lastError() == null ? "" : "; last error: " + st.lastError());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        if (ports.isEmpty() && modbus.isEmpty()) {
            throw new DevicesCli.UserError("nothing to listen to: give at least one --port (see `ports`) or --modbus file");
        }
        List<ModbusDevice> transmitters = new ArrayList<>();
        for (Path m : modbus) {
            transmitters.addAll(ModbusInstallation.load(m).devices());
        }
        PortSettings settings = new PortSettings(baud, 8, PortSettings.Parity.NONE, 1);
        try (Stoppable stop = Stoppable.onCtrlC();
             NodeSession s = new NodeSession(data, System.err)) {
            List<SensorNodeDriver> drivers = new ArrayList<>();
            ModbusPoller poller = null;
            try {
                for (String p : ports) {
                    drivers.add(new SensorNodeDriver(p, settings, s.ingest, System::currentTimeMillis).start());
                }
                poller = transmitters.isEmpty() ? null : ModbusGateway.start(transmitters, s.ingest, s.dir.nodeKey());
                System.out.println("listening on " + String.join(", ", ports)
                        + (transmitters.isEmpty() ? "" : (ports.isEmpty() ? "" : " and ") + transmitters.size() + " Modbus transmitters")
                        + "; Ctrl-C stops");
                while (!stop.await(Math.max(1, statsEvery))) {
                    printStatus(s, drivers, poller);
                }
            } finally {
                drivers.forEach(SensorNodeDriver::close);
                if (poller != null) {
                    poller.close();
                }
            }
        }
        return 0;
    }
}
