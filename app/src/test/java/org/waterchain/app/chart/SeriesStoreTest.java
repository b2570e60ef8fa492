package org.waterchain.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.app.chart.TestData.MINUTE;
import static org.waterchain.app.chart.TestData.T0;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waterchain.app.session.LiveRecord;
import org.waterchain.ledger.record.Quantity;

class SeriesStoreTest {
    private static LiveRecord live(String station, long t, double ec) {
        return new LiveRecord(station, station + "-A", t / MINUTE, t, t, 0, TestData.regular(ec, 7, 20), 1, new byte[32]);
    }

    @Test
    void keepsOnlyItsStationsAndItsRange() {
        SeriesStore s = new SeriesStore(List.of("R04", "R06"), T0, T0 + 10 * MINUTE, 100);
        assertTrue(s.accept(List.of(live("R04", T0, 400), live("R06", T0 + MINUTE, 410))));
        assertFalse(s.accept(List.of(live("R07", T0, 400))), "another station");
        assertFalse(s.add("R04", T0 - 1, TestData.regular(1, 1, 1)), "before the range");
        assertFalse(s.add("R04", T0 + 10 * MINUTE, TestData.regular(1, 1, 1)), "the range's end is open");
        assertEquals(6, s.points());
        assertEquals(EnumSet.of(Quantity.EC, Quantity.PH, Quantity.TEMPERATURE), s.quantitiesOf("R04"));
        assertEquals(EnumSet.noneOf(Quantity.class), s.quantitiesOf("R07"));
        assertEquals(400, s.ring(new SeriesKey("R04", Quantity.EC)).y(0));
    }

    @Test
    void historyAndTheSameRecordsLiveDoNotDouble() {
        SeriesStore s = new SeriesStore(List.of("R04"), Long.MIN_VALUE, Long.MAX_VALUE, 100);
        for (int i = 0; i < 10; i++) {
            s.add("R04", T0 + i * MINUTE, TestData.regular(400 + i, 7, 20));
        }
        s.accept(List.of(live("R04", T0 + 8 * MINUTE, 408), live("R04", T0 + 9 * MINUTE, 409), live("R04", T0 + 10 * MINUTE, 410)));
        assertEquals(11, s.ring(new SeriesKey("R04", Quantity.EC)).size());
    }

    @Test
    void reportsWhenARangeHoldsMoreThanASeriesKeeps() {
        SeriesStore s = new SeriesStore(List.of("R04"), Long.MIN_VALUE, Long.MAX_VALUE, 5);
        for (int i = 0; i < 5; i++) {
            s.add("R04", T0 + i, TestData.regular(1, 1, 1));
        }
        assertFalse(s.truncated());
        s.add("R04", T0 + 5, TestData.regular(1, 1, 1));
        assertTrue(s.truncated());
        assertEquals(T0 + 1, s.ring(new SeriesKey("R04", Quantity.EC)).minX(), "the oldest went");
    }

    @Test
    void dropsTheTrailBehindALiveWindow() {
        SeriesStore s = new SeriesStore(List.of("R04"), Long.MIN_VALUE, Long.MAX_VALUE, 100);
        for (int i = 0; i < 10; i++) {
            s.add("R04", T0 + i * MINUTE, TestData.regular(1, 1, 1));
        }
        s.dropBefore(T0 + 7 * MINUTE);
        assertEquals(9, s.points());
    }
}
