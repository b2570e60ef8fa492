package org.waterchain.devices.modbus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.waterchain.devices.sample.Sample;
import org.waterchain.devices.sample.SampleSink;
import org.waterchain.ledger.record.Reading;

/**
 * Polls the devices of one serial port on one thread. RS-485 is half-duplex: one request at a time on the wire,
 * so devices sharing a port are polled in turn, each when its interval comes due. A device that does not answer
 * costs one response timeout per poll and the bus moves on; a port that vanishes is closed and reopened with
 * backoff.
 */
final class BusPoller {
    private static final Logger LOG = LoggerFactory.getLogger(BusPoller.class);
    private static final long FIRST_RECONNECT_MS = 500;
    private static final long MAX_RECONNECT_MS = 30_000;

    private final String port;
    private final List<ModbusDevice> devices;
    private final List<StatusRecorder> recorders;
    private final Map<ModbusDevice, List<ReadBlock>> plans = new HashMap<>();
    private final SampleSink sink;
    private final RtuMaster master;
    private final Backoff backoff = new Backoff(FIRST_RECONNECT_MS, MAX_RECONNECT_MS);
    // Waits end early when this opens: j2mod may swallow a thread interrupt, a latch cannot be missed.
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;

    BusPoller(String port, List<ModbusDevice> devices, List<StatusRecorder> recorders, SampleSink sink) {
        this.port = port;
        this.devices = List.copyOf(devices);
        this.recorders = List.copyOf(recorders);
        this.sink = sink;
        ModbusDevice first = devices.get(0);
        this.master = new RtuMaster(new SerialLine(port, first.serial(), first.echo()));
        for (ModbusDevice d : devices) {
            plans.put(d, ReadPlan.of(d.profile()));
        }
        this.thread = new Thread(this::run, "modbus-bus " + port);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops polling and closes the port; waits for a request on the wire to finish (at most its timeout). */
    void close() {
        stop.countDown();
        long waitMs = devices.stream().mapToLong(ModbusDevice::responseTimeoutMs).max().orElse(0) + 2_000;
        try {
            thread.join(waitMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Modbus bus {} did not stop within {} ms", port, waitMs);
        }
    }

    private void run() {
        long[] due = new long[devices.size()];
        long now = System.nanoTime();
        for (int i = 0; i < due.length; i++) {
            due[i] = now;
        }
        try {
            while (stop.getCount() > 0) {
                if (!master.isOpen() && !open()) {
                    continue;
                }
                int next = 0;
                for (int i = 1; i < due.length; i++) {
                    if (due[i] - due[next] < 0) {
                        next = i;
                    }
                }
                long wait = due[next] - System.nanoTime();
                if (wait > 0) {
                    stop.await(wait, TimeUnit.NANOSECONDS);
                    continue;
                }
                ModbusDevice device = devices.get(next);
                due[next] = nextDue(due[next], device.pollInterval().toNanos(), System.nanoTime());
                try {
                    poll(device, recorders.get(next));
                } catch (RuntimeException e) {
                    // j2mod's unchecked failures leave the transport in an unknown state: start it afresh.
                    LOG.error("Modbus device {} on {}: unexpected failure; reopening the port", device.deviceId(), port, e);
                    recorders.get(next).error("unexpected failure: " + e);
                    master.close();
                    continue;
                }
                if (master.lost()) {
                    LOG.warn("Modbus serial port {} went away; reopening", port);
                    master.close();
                    recorders.forEach(r -> r.portDown("serial port " + port + " went away"));
                    stop.await(backoff.next(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            master.close();
            recorders.forEach(StatusRecorder::stopped);
        }
    }

    private boolean open() throws InterruptedException {
        try {
            master.open();
            backoff.reset();
            LOG.info("Modbus serial port {} open", port);
            recorders.forEach(StatusRecorder::portOpened);
            return true;
        } catch (IOException e) {
            return retryLater(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            // e.g. jSerialComm's native library failing to load: the port stays down, the bus thread stays alive.
            return retryLater("cannot open serial port " + port + ": " + e);
        }
    }

    private boolean retryLater(String why) throws InterruptedException {
        master.close();
        recorders.forEach(r -> r.portDown(why));
        long delay = backoff.next();
        if (delay == FIRST_RECONNECT_MS) {
            LOG.warn("{}; retrying with backoff", why);
        } else {
            LOG.debug("{}; retrying in {} ms", why, delay);
        }
        stop.await(delay, TimeUnit.MILLISECONDS);
        return false;
    }

    /** The next due time: one interval on, or one interval from now when the bus has fallen behind. */
    static long nextDue(long due, long intervalNanos, long now) {
        long next = due + intervalNanos;
        return next - now < 0 ? now + intervalNanos : next;
    }

    private void poll(ModbusDevice device, StatusRecorder rec) throws InterruptedException {
        ModbusProfile profile = device.profile();
        int unit = device.unitId();
        int timeout = device.responseTimeoutMs();
        int base = profile.addressBase();
        long startMs = System.currentTimeMillis();
        rec.pollStarted(startMs);
        Map<ModbusPoint, Reading> read = new HashMap<>();
        boolean answered = false;
        boolean complete = true;
        try {
            // A failed trigger ends the poll: the registers would still hold the previous measurement.
            for (TriggerStep step : profile.trigger()) {
                master.write(unit, step.write(), step.register() - base, step.value(), timeout);
                answered = true;
                if (step.waitMs() > 0 && stop.await(step.waitMs(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            for (ReadBlock block : plans.get(device)) {
                try {
                    int[] words = master.read(unit, block.kind(), block.start(), block.count(), timeout);
                    answered = true;
                    for (ModbusPoint p : block.points()) {
                        read.put(p, RegisterDecoder.decode(p, words, p.address(base) - block.start()));
                    }
                } catch (RequestFailedException e) {
                    // A device that answered one request will likely answer the next: only silence or a lost port
                    // ends the poll early, an exception response only loses this block.
                    if (e.kind() == RequestFailedException.Kind.TIMEOUT
                            || e.kind() == RequestFailedException.Kind.PORT_LOST) {
                        throw e;
                    }
                    answered = true;
                    complete = false;
                    rec.failed(e);
                    LOG.debug("device {}: {}", device.deviceId(), e.getMessage());
                }
            }
        } catch (RequestFailedException e) {
            complete = false;
            rec.failed(e);
            LOG.debug("device {}: {}", device.deviceId(), e.getMessage());
        }
        List<Reading> readings = new ArrayList<>();
        for (ModbusPoint p : profile.points()) {
            Reading r = read.get(p);
            if (r != null) {
                readings.add(r);
            }
        }
        if (!readings.isEmpty()) {
            try {
                sink.accept(new Sample(device.deviceId(), startMs, readings));
                rec.sampleEmitted();
            } catch (RuntimeException e) {
                LOG.error("sample sink failed for device {}", device.deviceId(), e);
                rec.error("sample sink failed: " + e);
            }
        }
        rec.pollFinished(startMs, answered, complete && readings.size() == profile.points().size());
    }
}
