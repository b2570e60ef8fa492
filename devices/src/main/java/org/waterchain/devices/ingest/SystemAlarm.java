package org.waterchain.devices.ingest;

/**
 * An alarm that is not one reading crossing a limit: something wrong with the devices (raised by the ingest and
 * the drivers), or the finding of pollution tracing; shown by the app's alarm list. Repeats of the same kind from the same source are folded into one alarm per hold-off
 * period, with {@code occurrences} saying how many there were.
 *
 * @param source   where it came from: a port path, a Modbus bus and unit, a simulator
 * @param deviceId the device concerned, or null when it is not known (a frame that did not decode)
 */
public record SystemAlarm(Kind kind, String source, String deviceId, String detail, long occurrences, long timeMs) {
    public enum Kind {
        BAD_FRAMES,
        MALFORMED_MESSAGE,
        SIGNATURE_FAILURE,
        UNKNOWN_DEVICE,
        REPLACED_DEVICE,
        RETIRED_DEVICE,
        REPLAYED_RECORD,
        REFUSED_RECORD,
        DEVICE_SILENT,
        LINK_LOST,
        /** The device reports its enclosure switch open: its readings are kept, flagged, and need a visit. */
        DEVICE_TAMPERED,
        /** The device sees flow without demand or a pressure drop. */
        LEAK_SUSPECTED,
        LOW_BATTERY,
        /** Pollution coins traced an exceedance upstream to its source station(s); the detail names them. */
        POLLUTION_TRACED
    }

    /** Receives alarms on the thread that found the problem; hand them on, do not block. */
    @FunctionalInterface
    public interface Listener {
        void raised(SystemAlarm alarm);
    }
}
