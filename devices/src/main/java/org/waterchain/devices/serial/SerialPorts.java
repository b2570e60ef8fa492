package org.waterchain.devices.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The serial ports an installer can pick from. jSerialComm lists real ports but no pseudo-terminals, and the
 * stable {@code /dev/serial/by-id} names are what survive re-plugging, so both are offered; any other path
 * can be typed.
 */
public final class SerialPorts {
    /** @param path what to open; @param description what the system says it is */
    public record PortInfo(String path, String description) {}

    private SerialPorts() {}

    public static List<PortInfo> list() {
        List<PortInfo> out = new ArrayList<>();
        Path byId = Path.of("/dev/serial/by-id");
        if (Files.isDirectory(byId)) {
            try (Stream<Path> s = Files.list(byId)) {
                s.sorted().forEach(p -> out.add(new PortInfo(p.toString(), "stable name of " + resolve(p))));
            } catch (IOException e) {
                // not fatal: the plain device names below still list the ports
            }
        }
        for (SerialPort p : SerialPort.getCommPorts()) {
            out.add(new PortInfo(p.getSystemPortPath(), p.getPortDescription()));
        }
        return out;
    }

    private static String resolve(Path link) {
        try {
            return link.toRealPath().toString();
        } catch (IOException e) {
            return link.toString();
        }
    }
}
