package org.waterchain.app.alarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.waterchain.app.standards.Standard;
import org.waterchain.ledger.record.Quantity;

/**
 * One alarm a standard on the ledger defines for every station measuring its quantity: HIGH above a maximum,
 * LOW below a minimum. A value beyond the limit is the red compliance class, so it raises at high priority;
 * far beyond (by the critical fraction of the scale) at critical priority.
 *
 * @param scale    what the deadband and critical fractions are fractions of: the limit's magnitude, or the
 *                 half-width of a range
 * @param deadband how far back inside the limit a value must be for the alarm to clear
 */
public record LimitAlarm(Quantity quantity, Direction direction, double limit, double scale, double deadband,
        double criticalBeyond) {
    public enum Direction { HIGH, LOW }

    public static List<LimitAlarm> of(Standard s, AlarmSettings settings) {
        List<LimitAlarm> out = new ArrayList<>(2);
        double halfWidth = s.hasMin() && s.hasMax() ? (s.max() - s.min()) / 2 : Double.NaN;
        if (s.hasMax()) {
            out.add(make(s.quantity(), Direction.HIGH, s.max(), halfWidth, settings));
        }
        if (s.hasMin()) {
            out.add(make(s.quantity(), Direction.LOW, s.min(), halfWidth, settings));
        }
        return out;
    }

    private static LimitAlarm make(Quantity q, Direction d, double limit, double halfWidth, AlarmSettings settings) {
        double scale = !Double.isNaN(halfWidth) && halfWidth > 0 ? halfWidth : Math.abs(limit);
        return new LimitAlarm(q, d, limit, scale, settings.deadbandFraction() * scale, settings.criticalFraction() * scale);
    }

    /** "EC HIGH". */
    public String condition() {
        return quantity.symbol() + " " + direction;
    }

    public boolean exceeded(double v) {
        return direction == Direction.HIGH ? v > limit : v < limit;
    }

    /** Back inside the limit by the deadband: only then may the alarm clear. */
    public boolean clear(double v) {
        return direction == Direction.HIGH ? v <= limit - deadband : v >= limit + deadband;
    }

    /** Priority of an exceeding value; a zero scale (a limit of 0) never makes it critical. */
    public AlarmPriority priority(double v) {
        double beyond = direction == Direction.HIGH ? v - limit : limit - v;
        return scale > 0 && beyond >= criticalBeyond ? AlarmPriority.CRITICAL : AlarmPriority.HIGH;
    }

    /** The limit as the operator reads it: "≤ 750 µS/cm". */
    public String describe() {
        String unit = quantity.unit().isEmpty() ? "" : " " + quantity.unit();
        return (direction == Direction.HIGH ? "\u2264 " : "\u2265 ") + number(limit) + unit;
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains("e") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
