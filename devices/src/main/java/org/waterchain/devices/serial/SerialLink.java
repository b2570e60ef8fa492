package org.waterchain.devices.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.time.Duration;
import java.util.Objects;

/**
 * One serial port kept open for as long as it is wanted: a reading thread that opens the port, hands every
 * byte to its handler, and when the port fails or the far end vanishes (jSerialComm then reads -1 while
 * {@code isOpen()} stays true) closes it and opens it again after a growing back-off. Writes may come from any
 * thread.
 */
public final class SerialLink implements AutoCloseable {
    /** Called on the link's own thread. */
    public interface Handler {
        /** The port is open (again): a fresh start, anything half-received before is gone. */
        void opened(SerialLink link);

        void received(byte[] buf, int n);

        /** The port failed; the link will retry by itself. */
        void lost(String why);

        /** Called at least every read timeout while the port is open, for the handler's own timers. */
        default void tick(SerialLink link) {}
    }

    /** An immutable view for display. */
    public record Status(String path, LinkState state, long opens, String lastError) {}

    private static final int READ_TIMEOUT_MS = 250;

    private final String path;
    private final PortSettings settings;
    private final Handler handler;
    private final Duration maxBackoff;
    private final Thread thread;
    private final Object writeLock = new Object();
    private volatile SerialPort port;
    private volatile LinkState state = LinkState.CONNECTING;
    private volatile String lastError;
    private volatile long opens;
    private volatile boolean closing;

    public SerialLink(String path, PortSettings settings, Handler handler) {
        this(path, settings, handler, Duration.ofSeconds(5));
    }

    public SerialLink(String path, PortSettings settings, Handler handler, Duration maxBackoff) {
        this.path = Objects.requireNonNull(path);
        this.settings = settings;
        this.handler = handler;
        this.maxBackoff = maxBackoff;
        this.thread = new Thread(this::run, "serial " + path);
        thread.setDaemon(true);
    }

    public SerialLink start() {
        thread.start();
        return this;
    }

    public String path() {
        return path;
    }

    public Status status() {
        return new Status(path, state, opens, lastError);
    }

    /** Writes a whole buffer, or returns false when the port is not open or the write failed. */
    public boolean write(byte[] data) {
        SerialPort p = port;
        if (p == null) {
            return false;
        }
        synchronized (writeLock) {
            int off = 0;
            while (off < data.length) {
                int n = p.writeBytes(data, data.length - off, off);
                if (n <= 0) {
                    return false;
                }
                off += n;
            }
            return true;
        }
    }

    private void run() {
        try {
            loop();
        } catch (Throwable t) {
            // nothing may end the reading thread unseen: say what did, and that the link is gone
            lastError = "serial link " + path + " stopped: " + t;
            handler.lost(lastError);
        } finally {
            state = LinkState.CLOSED;
        }
    }

    private void loop() {
        long backoffMs = 100;
        byte[] buf = new byte[4096];
        while (!closing) {
            state = LinkState.CONNECTING;
            SerialPort p = open();
            if (p == null) {
                state = LinkState.LOST;
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, maxBackoff.toMillis());
                continue;
            }
            port = p;
            opens++;
            state = LinkState.OPEN;
            String why = null;
            try {
                handler.opened(this);
                while (!closing) {
                    int n = p.readBytes(buf, buf.length);
                    if (n < 0) {
                        why = "read failed on " + path + " (the far end closed or the device was unplugged)";
                        break;
                    }
                    if (n > 0) {
                        // only a link that carried data counts as recovered: one that dies at once keeps backing off
                        backoffMs = 100;
                        handler.received(buf, n);
                    }
                    handler.tick(this);
                }
            } finally {
                port = null;
                p.closePort();
            }
            if (why != null && !closing) {
                lastError = why;
                state = LinkState.LOST;
                handler.lost(why);
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, maxBackoff.toMillis());
            }
        }
    }

    private SerialPort open() {
        SerialPort p;
        try {
            p = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            lastError = "no such port " + path + ": " + e.getMessage();
            return null;
        }
        p.setComPortParameters(settings.baudRate(), settings.dataBits(), settings.jSerialCommStopBits(), settings.parity().code);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
        // On a pseudo-terminal the DTR/RTS ioctls fail after a good open and leave an error code behind: only
        // openPort()'s own answer counts.
        if (!p.openPort()) {
            lastError = "cannot open " + path + " (error " + p.getLastErrorCode() + " at " + p.getLastErrorLocation()
                    + "): check the path and that this user may use the port (group dialout)";
            return null;
        }
        return p;
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        }
    }

    @Override
    public void close() {
        closing = true;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
