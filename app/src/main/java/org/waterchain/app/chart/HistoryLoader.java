package org.waterchain.app.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.store.StoredRecord;

/**
 * Reads stations' records of a time range from the ledger into a new {@link SeriesStore}, in slices, so a long
 * range reports progress as it goes and stops soon after it is cancelled, and so no more than one slice of
 * decoded records is held at a time (the store keeps primitives). Runs on a background thread; never the FX
 * thread.
 */
public final class HistoryLoader {
    /** A slice is at most a day of records, and a range is cut into at most this many slices per station. */
    static final long MAX_SLICE_MS = 24 * 3_600_000L;
    static final int MAX_SLICES = 120;

    /** One sample as the chart needs it. */
    public record Sample(long sampleTimeMs, List<Reading> readings) {}

    /** Reads a station's valid records sampled in {@code [fromMs, toMs)}, oldest first. */
    @FunctionalInterface
    public interface SliceReader {
        List<Sample> read(String stationId, long fromMs, long toMs);
    }

    /** Told after each slice: slices done of all, and points loaded so far. */
    @FunctionalInterface
    public interface Progress {
        void update(int slicesDone, int slicesTotal, long points);
    }

    /** What to load: stations, {@code [fromMs, toMs)}, and the most points one series keeps. */
    public record Request(List<String> stations, long fromMs, long toMs, int capacity) {
        public Request {
            stations = List.copyOf(stations);
            if (toMs < fromMs) {
                throw new IllegalArgumentException("range ends before it starts: " + fromMs + " > " + toMs);
            }
        }
    }

    private HistoryLoader() {}

    /** The ledger's records, read through its indexed query by station and time. */
    public static SliceReader fromLedger(LedgerQueries queries) {
        return (station, from, to) -> {
            List<StoredRecord> stored = queries.records(station, from, to);
            List<Sample> out = new ArrayList<>(stored.size());
            for (StoredRecord s : stored) {
                SensorRecord r = s.record();
                out.add(new Sample(r.sampleTimeMs(), r.readings()));
            }
            return out;
        };
    }

    /**
     * Loads the range into a store that keeps the request's stations and also accepts later records of the
     * range (the live feed's, in a live window whose end is open).
     *
     * @param storeToMs the end the store accepts records up to ({@link Long#MAX_VALUE} for a live window)
     * @throws CancellationException when {@code cancelled} turned true between slices
     */
    public static SeriesStore load(Request req, long storeToMs, SliceReader reader, Progress progress, BooleanSupplier cancelled) {
        SeriesStore store = new SeriesStore(req.stations(), req.fromMs(), storeToMs, req.capacity());
        long[] bounds = slices(req.fromMs(), req.toMs());
        int total = (bounds.length - 1) * req.stations().size();
        int done = 0;
        progress.update(0, total, 0);
        for (String station : req.stations()) {
            for (int i = 0; i + 1 < bounds.length; i++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("loading history cancelled");
                }
                for (Sample s : reader.read(station, bounds[i], bounds[i + 1])) {
                    store.add(station, s.sampleTimeMs(), s.readings());
                }
                progress.update(++done, total, store.points());
            }
        }
        return store;
    }

    /** Slice boundaries from {@code from} to {@code to}: equal slices of at most a day, at most {@link #MAX_SLICES}. */
    static long[] slices(long from, long to) {
        long span = to - from;
        if (span <= 0) {
            return new long[] {from, to};
        }
        int n = (int) Math.min(MAX_SLICES, Math.max(1, (span + MAX_SLICE_MS - 1) / MAX_SLICE_MS));
        long[] b = new long[n + 1];
        for (int i = 0; i <= n; i++) {
            b[i] = from + span / n * i + Math.min(i, span % n);
        }
        return b;
    }
}
