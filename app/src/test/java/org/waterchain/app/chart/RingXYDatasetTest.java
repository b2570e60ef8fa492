package org.waterchain.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.data.DomainOrder;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

class RingXYDatasetTest {
    private static RingBuffer ring(double x0, double... ys) {
        RingBuffer r = new RingBuffer(64);
        for (int i = 0; i < ys.length; i++) {
            r.add(x0 + i, ys[i]);
        }
        return r;
    }

    @Test
    void readsTheRingsInPlace() {
        RingBuffer a = ring(0, 1, 2, 3);
        RingXYDataset d = new RingXYDataset(List.of(new RingXYDataset.Series("R04", a), new RingXYDataset.Series("R06", ring(10, 5))));
        assertEquals(2, d.getSeriesCount());
        assertEquals("R06", d.getSeriesKey(1));
        assertEquals(3, d.getItemCount(0));
        assertEquals(2.0, d.getYValue(0, 1));
        assertEquals(10.0, d.getXValue(1, 0));
        assertEquals(DomainOrder.ASCENDING, d.getDomainOrder());
        a.add(3, 4);
        assertEquals(4, d.getItemCount(0), "no copy: a point added to the ring is in the dataset");
    }

    @Test
    void boundsCoverTheVisibleSeriesAndTheWindowOfTime() {
        RingXYDataset d = new RingXYDataset(List.of(new RingXYDataset.Series("A", ring(0, 5, 1, 9, 2)),
                new RingXYDataset.Series("B", ring(2, 100, 200))));
        assertEquals(new Range(0, 3), d.getDomainBounds(List.of("A", "B"), false));
        assertEquals(new Range(1, 9), d.getRangeBounds(List.of("A"), new Range(0, 10), false));
        assertEquals(new Range(1, 100), d.getRangeBounds(List.of("A", "B"), new Range(0.5, 2.5), false));
        assertEquals(new Range(2, 9), d.getRangeBounds(List.of("A"), new Range(2, 3), false), "only the points in the window");
        assertNull(d.getRangeBounds(List.of("A"), new Range(50, 60), false));
    }

    @Test
    void theRangeKeepsTheLimitsInView() {
        RingXYDataset d = new RingXYDataset(List.of(new RingXYDataset.Series("A", ring(0, 400, 420, 390))));
        d.setRangeIncludes(750);
        assertEquals(new Range(390, 750), d.getRangeBounds(List.of("A"), new Range(0, 10), false));
        d.setRangeIncludes(6, 9);
        assertEquals(new Range(6, 420), d.getRangeBounds(List.of("A"), new Range(0, 10), false));
        assertNull(d.getRangeBounds(List.of("A"), new Range(20, 30), false), "a lone limit does not make a range");
    }

    @Test
    void notifiesOncePerFlushHoweverManyChanges() {
        RingBuffer r = new RingBuffer(1000);
        RingXYDataset d = new RingXYDataset(List.of(new RingXYDataset.Series("A", r)));
        AtomicInteger events = new AtomicInteger();
        d.addChangeListener(e -> events.incrementAndGet());
        for (int i = 0; i < 500; i++) {
            r.add(i, i);
            d.markChanged();
        }
        assertEquals(0, events.get(), "adding points does not notify");
        assertTrue(d.flush());
        assertEquals(1, events.get());
        assertFalse(d.flush(), "nothing new, no event");
        assertEquals(1, events.get());
        d.setSeries(List.of());
        assertTrue(d.isDirty());
        d.flush();
        assertEquals(2, events.get());
    }
}
