package org.waterchain.ledger.record;

/** One channel of a record: a quantity's value and how far the sensor trusts it. */
public record Reading(int quantityCode, double value, Quality quality) {
    public Reading {
        if (quantityCode < 0 || quantityCode > 0xFFFF) {
            throw new IllegalArgumentException("quantity code out of range: " + quantityCode);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("reading value must be finite, got " + value);
        }
    }

    public Reading(Quantity q, double value) {
        this(q.code(), value, Quality.GOOD);
    }

    /** Quality flag of a channel, as reported by the sensor. */
    public enum Quality {
        GOOD, SUSPECT, BAD, MAINTENANCE;

        public static Quality of(int code) {
            if (code < 0 || code >= values().length) {
                throw new IllegalArgumentException("unknown quality flag " + code);
            }
            return values()[code];
        }
    }
}
