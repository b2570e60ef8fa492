package org.waterchain.app.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RingBufferTest {
    private static double[] xs(RingBuffer r) {
        return r.copy(0, r.size())[0];
    }

    private static double[] ys(RingBuffer r) {
        return r.copy(0, r.size())[1];
    }

    @Test
    void appendsInOrderAndReadsBack() {
        RingBuffer r = new RingBuffer(10);
        for (int i = 0; i < 5; i++) {
            assertTrue(r.add(i * 10, i * 1.5));
        }
        assertEquals(5, r.size());
        assertArrayEquals(new double[] {0, 10, 20, 30, 40}, xs(r));
        assertArrayEquals(new double[] {0, 1.5, 3, 4.5, 6}, ys(r));
        assertEquals(0, r.minX());
        assertEquals(40, r.maxX());
    }

    @Test
    void wrapsAroundKeepingTheNewestInOrder() {
        RingBuffer r = new RingBuffer(4);
        for (int i = 0; i < 11; i++) {
            r.add(i, 100 + i);
        }
        assertEquals(4, r.size());
        assertEquals(4, r.capacity());
        assertArrayEquals(new double[] {7, 8, 9, 10}, xs(r));
        assertArrayEquals(new double[] {107, 108, 109, 110}, ys(r));
        assertEquals(7, r.x(0));
        assertEquals(110, r.y(3));
    }

    @Test
    void growsByDoublingUpToTheMaximumOnly() {
        RingBuffer r = new RingBuffer(1000);
        assertEquals(RingBuffer.INITIAL_CAPACITY, r.capacity());
        for (int i = 0; i < 300; i++) {
            r.add(i, i);
        }
        assertEquals(512, r.capacity());
        for (int i = 300; i < 5000; i++) {
            r.add(i, i);
        }
        assertEquals(1000, r.capacity());
        assertEquals(1000, r.size());
        assertEquals(4000, r.minX());
        assertEquals(4999, r.maxX());
    }

    @Test
    void growingAfterAWrapUnwrapsCorrectly() {
        RingBuffer r = new RingBuffer(1000);
        for (int i = 0; i < 256; i++) {
            r.add(i, i);
        }
        r.dropBefore(100); // head moves into the array
        for (int i = 256; i < 500; i++) {
            r.add(i, i); // wraps, then grows
        }
        assertEquals(400, r.size());
        for (int i = 0; i < r.size(); i++) {
            assertEquals(100 + i, r.x(i));
            assertEquals(100 + i, r.y(i));
        }
    }

    @Test
    void insertsLatePointsInOrderAcrossTheWrap() {
        RingBuffer r = new RingBuffer(6);
        for (int i = 0; i < 8; i++) {
            r.add(i * 10, i); // holds 20..70, head wrapped
        }
        r.dropBefore(30); // 30..70, room for one
        assertTrue(r.add(45, -1));
        assertArrayEquals(new double[] {30, 40, 45, 50, 60, 70}, xs(r));
        assertArrayEquals(new double[] {3, 4, -1, 5, 6, 7}, ys(r));
        // full: a late point evicts the oldest
        assertTrue(r.add(55, -2));
        assertArrayEquals(new double[] {40, 45, 50, 55, 60, 70}, xs(r));
        assertEquals(-2, r.minY());
    }

    @Test
    void aFullRingDropsAPointOlderThanEverythingItHolds() {
        RingBuffer r = new RingBuffer(3);
        r.add(10, 1);
        r.add(20, 2);
        r.add(30, 3);
        assertFalse(r.add(5, 99));
        assertArrayEquals(new double[] {10, 20, 30}, xs(r));
        // not full: the same point goes in front
        RingBuffer roomy = new RingBuffer(4);
        roomy.add(10, 1);
        assertTrue(roomy.add(5, 0.5));
        assertArrayEquals(new double[] {5, 10}, xs(roomy));
    }

    @Test
    void aPointAtAnXAlreadyHeldReplacesItsValue() {
        RingBuffer r = new RingBuffer(8);
        r.add(10, 1);
        r.add(20, 9);
        r.add(30, 3);
        assertTrue(r.add(20, 2));
        assertEquals(3, r.size());
        assertArrayEquals(new double[] {1, 2, 3}, ys(r));
        assertEquals(3, r.maxY(), "the replaced maximum is gone");
        assertTrue(r.add(30, 3)); // the same record again (history and live overlap)
        assertEquals(3, r.size());
    }

    @Test
    void minAndMaxFollowEvictionsAndDrops() {
        RingBuffer r = new RingBuffer(4);
        r.add(1, 50);
        r.add(2, -5);
        r.add(3, 7);
        r.add(4, 8);
        assertEquals(-5, r.minY());
        assertEquals(50, r.maxY());
        r.add(5, 6); // evicts 50
        assertEquals(8, r.maxY());
        r.add(6, 4); // evicts -5
        assertEquals(4, r.minY());
        r.dropBefore(5);
        assertEquals(4, r.minY());
        assertEquals(6, r.maxY());
        r.clear();
        assertTrue(Double.isNaN(r.minY()));
        assertTrue(Double.isNaN(r.maxY()));
        assertEquals(0, r.size());
    }

    @Test
    void minMaxOfARange() {
        RingBuffer r = new RingBuffer(16);
        double[] v = {3, 9, -2, 4, 11, 0};
        for (int i = 0; i < v.length; i++) {
            r.add(i, v[i]);
        }
        assertArrayEquals(new double[] {-2, 9}, r.minMaxY(1, 4));
        assertArrayEquals(new double[] {11, 11}, r.minMaxY(4, 5));
        assertTrue(Double.isNaN(r.minMaxY(3, 3)[0]));
    }

    @Test
    void boundsFindTheWindow() {
        RingBuffer r = new RingBuffer(5);
        for (int i = 0; i < 7; i++) {
            r.add(i * 10, i); // holds 20..60 wrapped
        }
        assertEquals(0, r.lowerBound(0));
        assertEquals(1, r.lowerBound(25));
        assertEquals(1, r.lowerBound(30));
        assertEquals(2, r.upperBound(30));
        assertEquals(5, r.lowerBound(61));
        assertEquals(5, r.upperBound(60));
    }

    @Test
    void refusesNonFiniteValuesAndBadIndexes() {
        RingBuffer r = new RingBuffer(4);
        assertFalse(r.add(1, Double.NaN));
        assertFalse(r.add(Double.POSITIVE_INFINITY, 1));
        assertEquals(0, r.size());
        r.add(1, 1);
        assertThrows(IndexOutOfBoundsException.class, () -> r.x(1));
        assertThrows(IndexOutOfBoundsException.class, () -> r.copy(0, 2));
        assertThrows(IllegalArgumentException.class, () -> new RingBuffer(0));
    }

    @Test
    void holdsAMillionPointsInPrimitiveArrays() {
        RingBuffer r = new RingBuffer(1 << 20);
        for (int i = 0; i < 1_100_000; i++) {
            r.add(i, Math.sin(i / 1000.0));
        }
        assertEquals(1 << 20, r.size());
        assertEquals(1_100_000 - (1 << 20), r.minX());
        assertEquals(1_099_999, r.maxX());
    }
}
