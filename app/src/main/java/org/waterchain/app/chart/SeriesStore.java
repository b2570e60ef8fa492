package org.waterchain.app.chart;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.waterchain.app.session.LiveRecord;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;

/**
 * The points of the stations a chart shows, one {@link RingBuffer} per station and quantity, whether they came
 * from the ledger's history or the live feed. Readings flagged BAD or MAINTENANCE are left out: a stuck sensor or
 * a calibration run is not the water. Not thread-safe: built by the history loader on its thread, then handed
 * to the FX thread, which owns it from then on.
 */
public final class SeriesStore {
    /** The most points one series keeps: a million is what the chart is built (and benchmarked) to draw smoothly. */
    public static final int DEFAULT_CAPACITY = 1 << 20;

    private final Set<String> stations;
    private final long fromMs;
    private final long toMs;
    private final int capacity;
    private final Map<SeriesKey, RingBuffer> series = new HashMap<>();
    private boolean truncated;

    /**
     * @param stations the stations kept; records of others are ignored
     * @param fromMs   records sampled before this are ignored ({@link Long#MIN_VALUE} for none)
     * @param toMs     records sampled at or after this are ignored ({@link Long#MAX_VALUE} for none)
     */
    public SeriesStore(Collection<String> stations, long fromMs, long toMs, int capacity) {
        this.stations = Set.copyOf(stations);
        this.fromMs = fromMs;
        this.toMs = toMs;
        this.capacity = capacity;
    }

    public static SeriesStore empty() {
        return new SeriesStore(List.of(), Long.MIN_VALUE, Long.MAX_VALUE, DEFAULT_CAPACITY);
    }

    /** @return true if any point was added */
    public boolean add(String stationId, long sampleTimeMs, List<Reading> readings) {
        if (!stations.contains(stationId) || sampleTimeMs < fromMs || sampleTimeMs >= toMs) {
            return false;
        }
        boolean changed = false;
        for (Reading r : readings) {
            if (r.quality() == Reading.Quality.BAD || r.quality() == Reading.Quality.MAINTENANCE) {
                continue;
            }
            Quantity q = Quantity.byCode(r.quantityCode()).orElse(null);
            if (q == null) {
                continue;
            }
            RingBuffer ring = series.computeIfAbsent(new SeriesKey(stationId, q), k -> new RingBuffer(capacity));
            if (ring.size() == ring.maxCapacity()) {
                truncated = true;
            }
            changed |= ring.add(sampleTimeMs, r.value());
        }
        return changed;
    }

    /** @return true if any point was added */
    public boolean accept(List<LiveRecord> records) {
        boolean changed = false;
        for (LiveRecord r : records) {
            changed |= add(r.stationId(), r.sampleTimeMs(), r.readings());
        }
        return changed;
    }

    /** The ring of a series; an empty one is made (and kept) if the series has no point yet, so a chart can hold it. */
    public RingBuffer ring(SeriesKey key) {
        return series.computeIfAbsent(key, k -> new RingBuffer(capacity));
    }

    public boolean has(SeriesKey key) {
        RingBuffer r = series.get(key);
        return r != null && r.size() > 0;
    }

    /** Quantities with at least one point at the station. */
    public Set<Quantity> quantitiesOf(String stationId) {
        Set<Quantity> out = EnumSet.noneOf(Quantity.class);
        series.forEach((k, r) -> {
            if (k.stationId().equals(stationId) && r.size() > 0) {
                out.add(k.quantity());
            }
        });
        return out;
    }

    public Set<String> stations() {
        return stations;
    }

    public long fromMs() {
        return fromMs;
    }

    public long toMs() {
        return toMs;
    }

    /** Points in all series. */
    public long points() {
        long n = 0;
        for (RingBuffer r : series.values()) {
            n += r.size();
        }
        return n;
    }

    /** True once a full ring dropped its oldest points to take new ones: the range holds more than one series keeps. */
    public boolean truncated() {
        return truncated;
    }

    /** Forgets points before {@code x} in every series: the live window's trail. */
    public void dropBefore(long x) {
        for (RingBuffer r : series.values()) {
            r.dropBefore(x);
        }
    }
}
