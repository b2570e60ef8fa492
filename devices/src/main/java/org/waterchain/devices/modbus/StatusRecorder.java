package org.waterchain.devices.modbus;

import java.time.Instant;

/**
 * One device's counters, written only by its bus thread and published as an immutable {@link DeviceStatus} after
 * each change, so that a status view reads a consistent snapshot without locking the bus.
 */
final class StatusRecorder {
    private final ModbusDevice device;
    private LinkState state = LinkState.STARTING;
    private boolean portOpen;
    private long polls;
    private long samples;
    private long timeouts;
    private long exceptionResponses;
    private long badResponses;
    private ModbusExceptionCode lastException;
    private String lastError;
    private Instant lastErrorAt;
    private Instant lastPoll;
    private Instant lastGoodPoll;
    private volatile DeviceStatus snapshot;

    StatusRecorder(ModbusDevice device) {
        this.device = device;
        publish();
    }

    DeviceStatus snapshot() {
        return snapshot;
    }

    void portOpened() {
        portOpen = true;
        if (state == LinkState.PORT_DOWN) {
            state = LinkState.STARTING;
        }
        publish();
    }

    void portDown(String why) {
        portOpen = false;
        state = LinkState.PORT_DOWN;
        noteError(why);
        publish();
    }

    void stopped() {
        portOpen = false;
        state = LinkState.STOPPED;
        publish();
    }

    void pollStarted(long timeMs) {
        polls++;
        lastPoll = Instant.ofEpochMilli(timeMs);
        publish();
    }

    void failed(RequestFailedException e) {
        switch (e.kind()) {
            case TIMEOUT -> timeouts++;
            case EXCEPTION_RESPONSE -> {
                exceptionResponses++;
                lastException = e.exceptionCode();
            }
            case BAD_RESPONSE -> badResponses++;
            case PORT_LOST -> portOpen = false;
        }
        noteError(e.getMessage());
        publish();
    }

    void error(String what) {
        noteError(what);
        publish();
    }

    void sampleEmitted() {
        samples++;
        publish();
    }

    /**
     * @param answered whether the device answered anything in this poll
     * @param complete whether every point was read
     */
    void pollFinished(long startMs, boolean answered, boolean complete) {
        state = answered ? LinkState.ONLINE : LinkState.NO_RESPONSE;
        if (complete) {
            lastGoodPoll = Instant.ofEpochMilli(startMs);
        }
        publish();
    }

    private void noteError(String what) {
        lastError = what;
        lastErrorAt = Instant.now();
    }

    private void publish() {
        snapshot = new DeviceStatus(device.deviceId(), device.port(), device.unitId(), device.profile().id(), state,
                portOpen, polls, samples, timeouts, exceptionResponses, badResponses, lastException, lastError, lastErrorAt,
                lastPoll, lastGoodPoll);
    }
}
