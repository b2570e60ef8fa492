package org.waterchain.app.standards;

import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;

/**
 * One quantity's standard as the registry holds it. Either bound may be absent (NaN). The warning band:
 * for an upper limit, values at or above {@code warnFraction} of it; for a lower limit, values at or below the
 * limit divided by {@code warnFraction}; for a range, values whose distance from the middle is at least
 * {@code warnFraction} of the half-width.
 */
public record Standard(Quantity quantity, double min, double max, double warnFraction) {
    public static Standard of(SetStandard s) {
        Quantity q = Quantity.bySymbol(s.quantity())
                .orElseThrow(() -> new IllegalArgumentException("standard for unknown quantity " + s.quantity()));
        return new Standard(q, s.min(), s.max(), s.warnFraction());
    }

    public boolean hasMin() {
        return !Double.isNaN(min);
    }

    public boolean hasMax() {
        return !Double.isNaN(max);
    }

    public ComplianceClass classify(double v) {
        if (Double.isNaN(v)) {
            return ComplianceClass.NONE;
        }
        if ((hasMax() && v > max) || (hasMin() && v < min)) {
            return ComplianceClass.RED;
        }
        boolean warn;
        if (hasMin() && hasMax()) {
            double mid = (min + max) / 2;
            double half = (max - min) / 2;
            warn = half > 0 && Math.abs(v - mid) >= warnFraction * half;
        } else if (hasMax()) {
            warn = v >= warnFraction * max;
        } else if (hasMin()) {
            warn = warnFraction > 0 && v <= min / warnFraction;
        } else {
            return ComplianceClass.NONE;
        }
        return warn ? ComplianceClass.YELLOW : ComplianceClass.BLUE;
    }

    /** The limit a value crossed or is closest to, for alarm texts and chart markers. */
    public String describe() {
        String unit = quantity.unit().isEmpty() ? "" : " " + quantity.unit();
        if (hasMin() && hasMax()) {
            return quantity.symbol() + " " + min + "-" + max + unit;
        }
        return quantity.symbol() + (hasMax() ? " <= " + max : " >= " + min) + unit;
    }
}
