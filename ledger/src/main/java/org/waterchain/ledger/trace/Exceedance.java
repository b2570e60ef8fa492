package org.waterchain.ledger.trace;

import java.util.OptionalDouble;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;

/**
 * Whether a station is polluted at a time point, and the value observed there: the one definition the planner
 * and every replica apply to the same records.
 *
 * <p>A station is polluted for quantity q at time point t when one of its valid records with device time in
 * [t, t + {@link PollutionContract#TIME_POINT_MS}) has a reading of q beyond the standard: above its maximum or
 * below its minimum (strictly, as the compliance classes count red). Readings flagged BAD or MAINTENANCE are not
 * measurements and are ignored; GOOD and SUSPECT ones count. The <em>observed value</em> is the reading with the
 * largest excess (value - max above the maximum, min - value below the minimum); of two with equal excess (only
 * possible for a range), the larger value.
 */
public final class Exceedance {
    private Exceedance() {}

    /** The observed value, or empty when no counted reading of q in these records is beyond the standard. */
    public static OptionalDouble observed(SetStandard standard, Quantity q, Iterable<SensorRecord> records) {
        double best = Double.NaN;
        double bestExcess = 0;
        for (SensorRecord r : records) {
            for (Reading reading : r.readings()) {
                if (reading.quantityCode() != q.code() || !exceeds(standard, reading)) {
                    continue;
                }
                double v = reading.value();
                double excess = excess(standard, v);
                if (Double.isNaN(best) || excess > bestExcess || (excess == bestExcess && v > best)) {
                    best = v;
                    bestExcess = excess;
                }
            }
        }
        return Double.isNaN(best) ? OptionalDouble.empty() : OptionalDouble.of(best);
    }

    /** Whether this one reading counts and lies beyond the standard (of the quantity it is a reading of). */
    public static boolean exceeds(SetStandard standard, Reading reading) {
        return counts(reading.quality()) && excess(standard, reading.value()) > 0;
    }

    /** How far a value lies beyond the standard; zero or less when it complies. */
    public static double excess(SetStandard standard, double v) {
        if (!Double.isNaN(standard.max()) && v > standard.max()) {
            return v - standard.max();
        }
        if (!Double.isNaN(standard.min()) && v < standard.min()) {
            return standard.min() - v;
        }
        return 0;
    }

    private static boolean counts(Reading.Quality quality) {
        return quality == Reading.Quality.GOOD || quality == Reading.Quality.SUSPECT;
    }
}
