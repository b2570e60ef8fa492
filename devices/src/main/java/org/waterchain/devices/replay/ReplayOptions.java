package org.waterchain.devices.replay;

import org.waterchain.ledger.record.SensorRecord;
import java.time.Duration;
import java.util.Objects;

/**
 * How to replay a file.
 *
 * @param deviceId      the device the samples are for (columns with a device suffix report as deviceId + suffix)
 * @param strict        stop at the first bad row with a {@link ReplayException}; otherwise skip it, count it and go on
 * @param shiftToNow    move recorded time so the first row is stamped "now" (replayed data then looks live)
 * @param shiftMs       a fixed shift added to recorded times (ignored when shiftToNow)
 * @param maxErrorsKept how many bad-row messages a report keeps (all are counted)
 */
public record ReplayOptions(String deviceId, boolean strict, boolean shiftToNow, long shiftMs, int maxErrorsKept) {
    public static final int DEFAULT_ERRORS_KEPT = 100;

    public ReplayOptions {
        Objects.requireNonNull(deviceId, "device id");
        if (!SensorRecord.isValidDeviceId(deviceId)) {
            throw new IllegalArgumentException(SensorRecord.DEVICE_ID_RULE + ": '" + deviceId + "'");
        }
        if (maxErrorsKept < 0) {
            throw new IllegalArgumentException("errors kept must not be negative");
        }
    }

    /** Lenient, recorded times as they are. */
    public static ReplayOptions forDevice(String deviceId) {
        return new ReplayOptions(deviceId, false, false, 0, DEFAULT_ERRORS_KEPT);
    }

    public ReplayOptions strictly() {
        return new ReplayOptions(deviceId, true, shiftToNow, shiftMs, maxErrorsKept);
    }

    public ReplayOptions shiftedToNow() {
        return new ReplayOptions(deviceId, strict, true, 0, maxErrorsKept);
    }

    public ReplayOptions shiftedBy(Duration shift) {
        return new ReplayOptions(deviceId, strict, false, shift.toMillis(), maxErrorsKept);
    }
}
