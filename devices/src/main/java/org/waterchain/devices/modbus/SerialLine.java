package org.waterchain.devices.modbus;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import com.ghgande.j2mod.modbus.io.AbstractModbusTransport;
import com.ghgande.j2mod.modbus.io.ModbusRTUTransport;
import com.ghgande.j2mod.modbus.net.AbstractSerialConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * A serial port opened by its path, under j2mod's RTU transport. j2mod's own {@code SerialConnection} cannot be
 * used: it finds ports through jSerialComm's port list, which has no pseudo-terminals, and it cannot tell a read
 * timeout from a port that went away, since both surface as "Cannot read from serial port". This class opens any
 * path and remembers when jSerialComm reported an error (-1), which is how a vanished USB adapter or a dead pty
 * peer shows: {@code isOpen()} stays true in that case.
 */
final class SerialLine extends AbstractSerialConnection {
    private final String path;
    private final SerialSettings settings;
    private final boolean echo;
    private SerialPort port;
    private ModbusRTUTransport transport;
    private int timeoutMs = ModbusProfile.DEFAULT_RESPONSE_TIMEOUT_MS;
    private volatile boolean lost;

    /** @param echo whether the adapter hears its own transmission (some RS-485 adapters), to be read back and dropped */
    SerialLine(String path, SerialSettings settings, boolean echo) {
        this.path = path;
        this.settings = settings;
        this.echo = echo;
    }

    @Override
    public synchronized void open() throws IOException {
        if (port != null) {
            return;
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("cannot open serial port " + path + ": " + e.getMessage(), e);
        }
        p.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(settings.stopBits()),
                parity(settings.parity()));
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!p.openPort()) {
            String why = !deviceFileGone() ? "error " + p.getLastErrorCode() + " at " + p.getLastErrorLocation()
                    + " (in use, or no permission: on Linux the user needs the dialout group)" : "no such device";
            throw new IOException("cannot open serial port " + path + ": " + why);
        }
        // The last error code is deliberately not checked here: on a pty, openPort() succeeds but leaves the
        // error of the DTR/RTS ioctls a pty does not support.
        port = p;
        lost = false;
        ModbusRTUTransport t = new ModbusRTUTransport();
        t.setEcho(echo);
        t.setTimeout(timeoutMs);
        t.setCommPort(this);
        transport = t;
    }

    @Override
    public synchronized void close() {
        if (port != null) {
            port.closePort();
        }
        port = null;
        transport = null;
    }

    @Override
    public synchronized boolean isOpen() {
        return port != null && port.isOpen();
    }

    /** Whether the port reported an error since it was opened: it must be closed and opened again. */
    boolean lost() {
        return lost || port != null && deviceFileGone();
    }

    /** A POSIX device node that no longer exists: an unplugged USB adapter, a closed pty. */
    private boolean deviceFileGone() {
        return path.startsWith("/") && !Files.exists(Path.of(path));
    }

    @Override
    public AbstractModbusTransport getModbusTransport() {
        return transport;
    }

    @Override
    public int readBytes(byte[] buffer, int bytesToRead) {
        int n = port.readBytes(buffer, bytesToRead);
        if (n < 0) {
            lost = true;
        }
        return n;
    }

    @Override
    public int writeBytes(byte[] buffer, int bytesToWrite) {
        int n = port.writeBytes(buffer, bytesToWrite);
        if (n < 0) {
            lost = true;
        }
        return n;
    }

    @Override
    public int bytesAvailable() {
        int n = port.bytesAvailable();
        if (n < 0) {
            lost = true;
        }
        return n;
    }

    @Override
    public int getBaudRate() {
        return settings.baud();
    }

    @Override
    public int getNumDataBits() {
        return settings.dataBits();
    }

    @Override
    public int getNumStopBits() {
        return stopBits(settings.stopBits());
    }

    @Override
    public int getParity() {
        return parity(settings.parity());
    }

    @Override
    public String getPortName() {
        return path;
    }

    @Override
    public String getDescriptivePortName() {
        return path;
    }

    @Override
    public void setComPortTimeouts(int mode, int readTimeout, int writeTimeout) {
        port.setComPortTimeouts(mode, readTimeout, writeTimeout);
    }

    @Override
    public synchronized int getTimeout() {
        return timeoutMs;
    }

    /** Sets the response timeout; j2mod applies it to the port's blocking reads. */
    @Override
    public synchronized void setTimeout(int timeout) {
        if (timeout == timeoutMs) {
            return;
        }
        timeoutMs = timeout;
        if (transport != null) {
            transport.setTimeout(timeout);
        }
    }

    /** The ports jSerialComm can enumerate (no ptys): for an installer choosing a port. */
    @Override
    public Set<String> getCommPorts() {
        return systemPorts();
    }

    static Set<String> systemPorts() {
        Set<String> names = new TreeSet<>();
        Arrays.stream(SerialPort.getCommPorts()).map(SerialPort::getSystemPortPath).forEach(names::add);
        return names;
    }

    private static int stopBits(int n) {
        return n == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    private static int parity(Parity p) {
        return switch (p) {
            case NONE -> SerialPort.NO_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
        };
    }
}
