package org.waterchain.devices.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.waterchain.devices.ingest.SourceStats;
import org.waterchain.devices.sensornode.SensorNodeDriver;
import org.waterchain.devices.serial.PortSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "listen", description = "Run the node and take signed records from sensor nodes on serial ports until Ctrl-C.")
final class ListenCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--data", required = true, description = "the node's data directory")
    Path data;

    @Option(names = "--port", description = "serial port of a WaterChain sensor node (repeatable): /dev/ttyUSB0,"
            + " /dev/serial/by-id/..., or a pty path")
    List<String> ports = new ArrayList<>();

    @Option(names = "--baud", defaultValue = "115200", description = "line rate (default: ${DEFAULT-VALUE}; 8N1)")
    int baud;

    @Option(names = "--stats-every", defaultValue = "10", description = "seconds between status lines (default: ${DEFAULT-VALUE})")
    int statsEvery;

    @Override
    public Integer call() throws Exception {
        if (ports.isEmpty()) {
            throw new DevicesCli.UserError("nothing to listen to: give at least one --port (see `ports`)");
        }
        PortSettings settings = new PortSettings(baud, 8, PortSettings.Parity.NONE, 1);
        try (Stoppable stop = Stoppable.onCtrlC();
             NodeSession s = new NodeSession(data, System.err)) {
            List<SensorNodeDriver> drivers = new ArrayList<>();
            for (String p : ports) {
                drivers.add(new SensorNodeDriver(p, settings, s.ingest, System::currentTimeMillis).start());
            }
            System.out.println("listening on " + String.join(", ", ports) + "; Ctrl-C stops");
            while (!stop.await(statsEvery)) {
                for (SensorNodeDriver d : drivers) {
                    SensorNodeDriver.Status st = d.status();
                    SourceStats ss = s.ingest.stats(d.path());
                    System.out.printf("%s %s: %d records accepted, %d refused %s%s%n", d.path(), st.link().state(),
                            ss.accepted(), ss.rejectedTotal(), ss.rejected().isEmpty() ? "" : ss.rejected(),
                            st.lastHello() == null ? "" : ", device " + st.lastHello().deviceId());
                }
            }
            drivers.forEach(SensorNodeDriver::close);
        }
        return 0;
    }
}
