package org.waterchain.app.alarm;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How alarms read on screen; shared by the list, the banner and the history. */
public final class AlarmText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private AlarmText() {}

    public static String time(long ms) {
        return ms <= 0 ? "" : TIME.format(Instant.ofEpochMilli(ms));
    }

    public static String value(double v, String unit) {
        if (Double.isNaN(v)) {
            return "";
        }
        double a = Math.abs(v);
        // one decimal more than the overview's tiles: an alarm is about a limit, and 750.4 is not 750
        String n = a >= 10_000 ? String.format(Locale.ROOT, "%.0f", v) : a >= 100 ? String.format(Locale.ROOT, "%.1f", v)
                : a >= 1 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.3f", v);
        return unit == null || unit.isEmpty() ? n : n + " " + unit;
    }

    /** The banner's line: "R10 CU HIGH  0.412 mg/L (limit ≤ 0.2 mg/L)", or a system alarm's detail. */
    public static String summary(AlarmRow r) {
        StringBuilder sb = new StringBuilder(r.source()).append(' ').append(r.condition());
        String v = value(r.value(), r.unit());
        if (!v.isEmpty()) {
            sb.append("  ").append(v);
        }
        if (!r.limit().isEmpty()) {
            sb.append(" (limit ").append(r.limit()).append(')');
        }
        if (r.system() && !r.comment().isEmpty()) {
            sb.append("  ").append(r.comment());
        }
        if (r.state() == AlarmState.RTN_UNACK) {
            sb.append("  (cleared)");
        }
        return sb.toString();
    }

    /** A duration of session time: "15 min", "8 h". */
    public static String duration(long ms) {
        long min = ms / 60_000;
        return min < 60 || min % 60 != 0 ? min + " min" : (min / 60) + " h";
    }
}
