package org.waterchain.app.explorer;

/** How far back a station or device search looks, from now on the session's clock (the demo clock in the demo). */
public enum TimeRange {
    HOUR("last hour", 3_600_000L),
    SIX_HOURS("last 6 h", 6 * 3_600_000L),
    DAY("last 24 h", 24 * 3_600_000L),
    WEEK("last 7 days", 7 * 24 * 3_600_000L),
    MONTH("last 30 days", 30 * 24 * 3_600_000L),
    ALL("everything", -1);

    private final String label;
    private final long spanMs;

    TimeRange(String label, long spanMs) {
        this.label = label;
        this.spanMs = spanMs;
    }

    public String label() {
        return label;
    }

    /** Start of the range for {@code nowMs}; Long.MIN_VALUE for everything. */
    public long from(long nowMs) {
        return spanMs < 0 ? Long.MIN_VALUE : nowMs - spanMs;
    }

    @Override
    public String toString() {
        return label;
    }
}
