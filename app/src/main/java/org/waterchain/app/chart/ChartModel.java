package org.waterchain.app.chart;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.waterchain.app.standards.Standard;
import org.waterchain.app.standards.Standards;
import org.waterchain.ledger.record.Quantity;

/**
 * What the chart screen shows, without the toolkit: the chosen stations and quantities, the time range, and
 * from them the panels (one per quantity, since EC in µS/cm and pH cannot share an axis), the series in each
 * (one per station), the standard's limits as markers, and the window of time to show and to read from the
 * ledger. Both ways operators ask work the same: several quantities of one station are several panels of one
 * line; one quantity across several stations is one panel of several lines. Owned by the FX thread.
 */
public final class ChartModel {
    static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    /** When a station is opened before any of its data is known, at most this many quantities are picked. */
    static final int MAX_DEFAULT_QUANTITIES = 4;

    /** The time ranges offered: three live windows on the session's clock, and a chosen range of history. */
    public enum Range {
        LIVE_6H("6 h", "6h", 6 * 3_600_000L),
        LIVE_24H("24 h", "24h", 24 * 3_600_000L),
        LIVE_7D("7 d", "7d", 7 * 24 * 3_600_000L),
        CUSTOM("From-to", "custom", 0);

        private final String label;
        private final String id;
        private final long spanMs;

        Range(String label, String id, long spanMs) {
            this.label = label;
            this.id = id;
            this.spanMs = spanMs;
        }

        public String label() {
            return label;
        }

        /** Short id for node ids ("#chart-range-6h"). */
        public String id() {
            return id;
        }

        public long spanMs() {
            return spanMs;
        }

        public boolean live() {
            return this != CUSTOM;
        }
    }

    /** A standard's bound drawn across a panel. */
    public record Limit(double value, boolean upper, String label) {}

    /** One panel: a quantity's axis with a line per station and its standard's limits. */
    public record Panel(Quantity quantity, String axisLabel, List<String> stations, List<Limit> limits) {
        public Panel {
            stations = List.copyOf(stations);
            limits = List.copyOf(limits);
        }

        /** The limit values, for the value axis to keep in view. */
        public double[] limitValues() {
            return limits.stream().mapToDouble(Limit::value).toArray();
        }
    }

    /** A span of session time, {@code [fromMs, toMs]}. */
    public record Window(long fromMs, long toMs) {
        public long spanMs() {
            return toMs - fromMs;
        }
    }

    private List<String> stations = List.of();
    private final EnumSet<Quantity> quantities = EnumSet.noneOf(Quantity.class);
    private Range range = Range.LIVE_24H;
    private long customFromMs;
    private long customToMs;
    private boolean following = true;
    private String pickQuantitiesFor;

    public List<String> stations() {
        return stations;
    }

    /** Sets the chosen stations, in the order given (the registry's order, so a station keeps its colour). */
    public void setStations(Collection<String> ids) {
        stations = List.copyOf(new LinkedHashSet<>(ids));
        if (pickQuantitiesFor != null && !stations.contains(pickQuantitiesFor)) {
            pickQuantitiesFor = null;
        }
    }

    public Set<Quantity> quantities() {
        return EnumSet.copyOf(quantities);
    }

    public void setQuantity(Quantity q, boolean shown) {
        if (shown) {
            quantities.add(q);
        } else {
            quantities.remove(q);
        }
        pickQuantitiesFor = null;
    }

    public void setQuantities(Collection<Quantity> qs) {
        quantities.clear();
        quantities.addAll(qs);
        pickQuantitiesFor = null;
    }

    public Range range() {
        return range;
    }

    /** Chooses a range; a live one follows the session's clock again. */
    public void setRange(Range r) {
        range = r;
        following = r.live();
    }

    /** Chooses a custom range of history ({@link Range#CUSTOM}). */
    public void setCustom(long fromMs, long toMs) {
        if (toMs <= fromMs) {
            throw new IllegalArgumentException("the range must end after it starts: from " + formatTime(fromMs, ZoneId.of("UTC"))
                    + " UTC to " + formatTime(toMs, ZoneId.of("UTC")) + " UTC");
        }
        customFromMs = fromMs;
        customToMs = toMs;
        range = Range.CUSTOM;
        following = false;
    }

    public long customFromMs() {
        return customFromMs;
    }

    public long customToMs() {
        return customToMs;
    }

    /** In a live range, whether the time axis follows the clock (until the operator zooms or pans it). */
    public boolean following() {
        return following;
    }

    public void stopFollowing() {
        following = false;
    }

    /** Back to the whole window: following the clock again in a live range. */
    public void resetView() {
        following = range.live();
    }

    /**
     * Opens one station. Its quantities are kept if it has any of those shown; otherwise the ones the data
     * holds with a standard are picked, or, if none of its data is known yet, they are picked when it comes
     * (see {@link #pickQuantities}).
     *
     * @param known quantities the station is known to measure (from the data already loaded; may be empty)
     */
    public void showStation(String stationId, Set<Quantity> known, Standards standards) {
        stations = List.of(stationId);
        if (!known.isEmpty() && known.stream().anyMatch(quantities::contains)) {
            quantities.retainAll(known);
            pickQuantitiesFor = null;
        } else if (!known.isEmpty()) {
            setQuantities(defaultQuantities(known, standards));
        } else {
            pickQuantitiesFor = stationId;
        }
    }

    /** The station whose quantities are still to be picked from its data, or null. */
    public String pendingQuantityPick() {
        return pickQuantitiesFor;
    }

    /**
     * Picks the quantities of the station opened before its data was known, once the store has some.
     *
     * @return true if the quantities changed
     */
    public boolean pickQuantities(SeriesStore store, Standards standards) {
        if (pickQuantitiesFor == null) {
            return false;
        }
        Set<Quantity> known = store.quantitiesOf(pickQuantitiesFor);
        if (known.isEmpty()) {
            return false;
        }
        setQuantities(defaultQuantities(known, standards));
        return true;
    }

    /** The quantities with a standard, or, if the station measures none, its first few. */
    public static Set<Quantity> defaultQuantities(Set<Quantity> known, Standards standards) {
        Set<Quantity> regulated = EnumSet.noneOf(Quantity.class);
        for (Quantity q : known) {
            if (standards.of(q).isPresent()) {
                regulated.add(q);
            }
        }
        if (!regulated.isEmpty()) {
            return regulated;
        }
        Set<Quantity> first = EnumSet.noneOf(Quantity.class);
        for (Quantity q : Quantity.values()) {
            if (known.contains(q) && first.size() < MAX_DEFAULT_QUANTITIES) {
                first.add(q);
            }
        }
        return first;
    }

    /** The panels to draw, quantities in the registry's order, each with every chosen station. */
    public List<Panel> panels(Standards standards) {
        List<Panel> out = new ArrayList<>();
        if (stations.isEmpty()) {
            return out;
        }
        for (Quantity q : Quantity.values()) {
            if (quantities.contains(q)) {
                out.add(new Panel(q, axisLabel(q), stations, limits(standards.of(q).orElse(null))));
            }
        }
        return out;
    }

    static String axisLabel(Quantity q) {
        return q.unit().isEmpty() ? q.symbol() : q.symbol() + " (" + q.unit() + ")";
    }

    static List<Limit> limits(Standard s) {
        if (s == null) {
            return List.of();
        }
        String unit = s.quantity().unit().isEmpty() ? "" : " " + s.quantity().unit();
        List<Limit> out = new ArrayList<>(2);
        if (s.hasMax()) {
            out.add(new Limit(s.max(), true, s.quantity().symbol() + " limit " + number(s.max()) + unit));
        }
        if (s.hasMin()) {
            out.add(new Limit(s.min(), false, s.quantity().symbol() + " minimum " + number(s.min()) + unit));
        }
        return out;
    }

    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The time to show: the live window ending now, or the custom range. */
    public Window window(long nowMs) {
        return range.live() ? new Window(nowMs - range.spanMs(), nowMs) : new Window(customFromMs, customToMs);
    }

    /** What to read from the ledger for the current choice, at session time {@code nowMs}. */
    public HistoryLoader.Request request(long nowMs, int capacity) {
        Window w = window(nowMs);
        // a live window reads up to now inclusive; what is sampled later comes through the live feed
        return new HistoryLoader.Request(stations, w.fromMs(), range.live() ? w.toMs() + 1 : w.toMs(), capacity);
    }

    /** The end of what the store accepts: open in a live window, the range's end otherwise. */
    public long storeToMs() {
        return range.live() ? Long.MAX_VALUE : customToMs;
    }

    /** One line for the status bar and file names' sake: what is shown. */
    public String describe() {
        if (stations.isEmpty()) {
            return "no station chosen";
        }
        if (quantities.isEmpty()) {
            return String.join(", ", stations) + ": no quantity chosen";
        }
        List<String> symbols = quantities.stream().map(Quantity::symbol).toList();
        if (stations.size() == 1) {
            return stations.get(0) + ": " + String.join(", ", symbols);
        }
        return String.join(", ", symbols) + " at " + String.join(", ", stations);
    }

    /** A file name stem for exports: stations, quantities and the window's start. */
    public String fileStem(long nowMs, ZoneId zone) {
        String s = stations.size() <= 3 ? String.join("-", stations) : stations.size() + "-stations";
        String q = quantities.size() <= 3 ? String.join("-", quantities.stream().map(Quantity::symbol).toList())
                : quantities.size() + "-quantities";
        String t = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT).withZone(zone).format(Instant.ofEpochMilli(window(nowMs).fromMs()));
        return ("chart-" + s + "-" + q + "-" + t).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Parses "yyyy-MM-dd HH:mm" in {@code zone}. */
    public static long parseTime(String text, ZoneId zone) {
        String t = text == null ? "" : text.trim();
        try {
            return LocalDateTime.parse(t, TIME_FORMAT).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + t + "\" is not a time like 2025-03-01 14:30 (yyyy-MM-dd HH:mm)", e);
        }
    }

    public static String formatTime(long ms, ZoneId zone) {
        return TIME_FORMAT.withZone(zone).format(Instant.ofEpochMilli(ms));
    }
}
