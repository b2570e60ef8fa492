package org.waterchain.devices.replay;

import java.util.Objects;

/**
 * The time column of a recorded series and how to read it.
 *
 * @param column the header name of the time column
 * @param format "ISO" for ISO-8601 date-times with or without an offset ("2016-01-01T05:00:00Z",
 *               "2016-08-03 09:49:00"), "EPOCH_SECONDS" or "EPOCH_MILLIS", or a java.time pattern such as
 *               "MM/dd/yyyy HH:mm:ss"
 * @param zone   the zone of times written without an offset (an id such as "UTC" or "Asia/Taipei"); a time that
 *               carries its own offset keeps it
 */
public record TimeSpec(String column, String format, String zone) {
    public static final String ISO = "ISO";
    public static final String EPOCH_SECONDS = "EPOCH_SECONDS";
    public static final String EPOCH_MILLIS = "EPOCH_MILLIS";

    public TimeSpec {
        Objects.requireNonNull(column, "time column");
        format = format == null || format.isBlank() ? ISO : format;
        zone = zone == null || zone.isBlank() ? "UTC" : zone;
    }
}
