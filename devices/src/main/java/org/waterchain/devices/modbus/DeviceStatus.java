package org.waterchain.devices.modbus;

import java.time.Instant;

/**
 * A snapshot of one bound device's health for a status view: immutable, so it can be handed to any thread.
 * Counters count since the poller started.
 *
 * @param polls              polls started
 * @param samples            samples handed to the sink
 * @param timeouts           requests that got no answer in time
 * @param exceptionResponses requests answered with a Modbus exception response
 * @param badResponses       answers that could not be used (CRC error, answer to another unit or function)
 * @param lastException      the code of the latest exception response, {@code null} if none yet
 * @param lastError          what went wrong most recently, {@code null} if nothing has; it stays after the device
 *                           recovers, with {@code lastErrorAt} telling when
 * @param lastPoll           when the latest poll started, {@code null} before the first
 * @param lastGoodPoll       when the latest poll that read every point started, {@code null} if none did
 */
public record DeviceStatus(
        String deviceId,
        String port,
        int unitId,
        String profileId,
        LinkState state,
        boolean portOpen,
        long polls,
        long samples,
        long timeouts,
        long exceptionResponses,
        long badResponses,
        ModbusExceptionCode lastException,
        String lastError,
        Instant lastErrorAt,
        Instant lastPoll,
        Instant lastGoodPoll) {

    /** Whether the device answered its last poll. */
    public boolean connected() {
        return state == LinkState.ONLINE;
    }
}
