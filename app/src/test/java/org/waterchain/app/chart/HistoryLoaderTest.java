package org.waterchain.app.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.app.chart.TestData.HOUR;
import static org.waterchain.app.chart.TestData.MINUTE;
import static org.waterchain.app.chart.TestData.T0;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.record.Quantity;

class HistoryLoaderTest {
    /** A station sampling every minute from T0 - 10 days: what the ledger's query returns, oldest first. */
    private static final HistoryLoader.SliceReader MINUTELY = (station, from, to) -> {
        List<HistoryLoader.Sample> out = new ArrayList<>();
        long first = Math.max(from, T0 - 240 * HOUR);
        long t = first + Math.floorMod(-(first - T0), MINUTE);
        for (; t < to; t += MINUTE) {
            out.add(new HistoryLoader.Sample(t, TestData.regular(station.equals("R04") ? 400 : 500, 7, 20)));
        }
        return out;
    };

    @Test
    void readsEveryStationsRangeInSlicesAndReportsProgress() {
        List<int[]> progress = new ArrayList<>();
        HistoryLoader.Request req = new HistoryLoader.Request(List.of("R04", "R06"), T0 - 3 * 24 * HOUR, T0, 1000_000);
        SeriesStore s = HistoryLoader.load(req, Long.MAX_VALUE, MINUTELY, (done, total, points) -> progress.add(new int[] {done, total}), () -> false);
        assertEquals(3 * 24 * 60, s.ring(new SeriesKey("R04", Quantity.EC)).size());
        assertEquals(3 * 24 * 60, s.ring(new SeriesKey("R06", Quantity.PH)).size());
        assertEquals(500, s.ring(new SeriesKey("R06", Quantity.EC)).y(0));
        assertArrayEquals(new int[] {0, 6}, progress.get(0));
        assertArrayEquals(new int[] {6, 6}, progress.get(progress.size() - 1));
        assertEquals(7, progress.size());
    }

    @Test
    void stopsBetweenSlicesWhenCancelled() {
        AtomicInteger reads = new AtomicInteger();
        HistoryLoader.SliceReader counting = (st, f, t) -> {
            reads.incrementAndGet();
            return MINUTELY.read(st, f, t);
        };
        HistoryLoader.Request req = new HistoryLoader.Request(List.of("R04"), T0 - 7 * 24 * HOUR, T0, 1000);
        assertThrows(CancellationException.class,
                () -> HistoryLoader.load(req, Long.MAX_VALUE, counting, (d, t, p) -> {}, () -> reads.get() >= 2));
        assertEquals(2, reads.get());
    }

    @Test
    void theStoreAcceptsLaterRecordsUpToItsEnd() {
        HistoryLoader.Request req = new HistoryLoader.Request(List.of("R04"), T0 - HOUR, T0 + 1, 1000);
        SeriesStore live = HistoryLoader.load(req, Long.MAX_VALUE, MINUTELY, (d, t, p) -> {}, () -> false);
        assertTrue(live.add("R04", T0 + 5 * MINUTE, TestData.regular(1, 1, 1)));
        SeriesStore fixed = HistoryLoader.load(req, T0 + 1, MINUTELY, (d, t, p) -> {}, () -> false);
        assertTrue(!fixed.add("R04", T0 + 5 * MINUTE, TestData.regular(1, 1, 1)));
    }

    @Test
    void slicesAreAtMostADayAndCoverTheRangeExactly() {
        long[] b = HistoryLoader.slices(0, 3 * 24 * HOUR + 1);
        assertEquals(5, b.length);
        assertEquals(0, b[0]);
        assertEquals(3 * 24 * HOUR + 1, b[4]);
        for (int i = 1; i < b.length; i++) {
            assertTrue(b[i] - b[i - 1] <= HistoryLoader.MAX_SLICE_MS);
        }
        assertArrayEquals(new long[] {5, 9}, HistoryLoader.slices(5, 9));
        assertEquals(HistoryLoader.MAX_SLICES + 1, HistoryLoader.slices(0, 3650 * 24 * HOUR).length, "ten years: capped");
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new HistoryLoader.Request(List.of("R04"), 10, 5, 10));
    }
}
