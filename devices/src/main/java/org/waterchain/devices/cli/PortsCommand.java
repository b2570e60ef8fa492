package org.waterchain.devices.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.waterchain.devices.serial.SerialPorts;
import picocli.CommandLine.Command;

@Command(name = "ports", description = "List the serial ports of this machine (pseudo-terminals are not listed: type their path).")
final class PortsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        List<SerialPorts.PortInfo> ports = SerialPorts.list();
        if (ports.isEmpty()) {
            System.out.println("no serial ports found; a USB adapter shows up here once plugged in, a pty can be typed as a path");
        }
        for (SerialPorts.PortInfo p : ports) {
            System.out.printf("%-60s %s%n", p.path(), p.description());
        }
        return 0;
    }
}
