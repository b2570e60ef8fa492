package org.waterchain.app.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LttbTest {
    private static XYSource series(double... y) {
        double[] x = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            x[i] = i;
        }
        return XYSource.of(x, y);
    }

    private static XYSource noise(int n, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1_700_000_000_000L + i * 60_000L; // epoch ms, a minute apart: the magnitudes the chart sees
            y[i] = 400 + rnd.nextGaussian() * 10;
        }
        return XYSource.of(x, y);
    }

    @Test
    void keepsTheFirstAndLastAndReturnsExactlyTheThreshold() {
        XYSource s = noise(10_000, 1);
        for (int threshold : new int[] {3, 4, 17, 100, 3200, 9_999}) {
            int[] kept = Lttb.select(s, 0, s.size(), threshold);
            assertEquals(threshold, kept.length, "threshold " + threshold);
            assertEquals(0, kept[0]);
            assertEquals(s.size() - 1, kept[kept.length - 1]);
            for (int i = 1; i < kept.length; i++) {
                assertTrue(kept[i] > kept[i - 1], "ascending and distinct at " + i);
            }
        }
    }

    @Test
    void takesOnePointFromEachBucket() {
        XYSource s = noise(1002, 2);
        int[] kept = Lttb.select(s, 0, s.size(), 12); // 1000 inner points, 10 buckets of 100
        for (int b = 0; b < 10; b++) {
            int i = kept[b + 1];
            assertTrue(i >= 1 + b * 100 && i < 1 + (b + 1) * 100, "bucket " + b + " kept " + i);
        }
    }

    @Test
    void keepsASpikeAndATroughThatSamplingEveryNthWouldMiss() {
        double[] y = new double[100_000];
        Arrays.fill(y, 400);
        y[31_337] = 2000; // a pollution spike of one sample
        y[77_777] = -50;  // a sensor dropout
        int[] kept = Lttb.select(series(y), 0, y.length, 500);
        assertTrue(Arrays.stream(kept).anyMatch(i -> i == 31_337), "spike kept");
        assertTrue(Arrays.stream(kept).anyMatch(i -> i == 77_777), "trough kept");
    }

    @Test
    void picksTheLargestTriangleInASmallCase() {
        // 5 points, 3 kept: the middle bucket is points 1..3; point 2 is furthest from the line (0,0)-(4,0)
        int[] kept = Lttb.select(series(0, 1, 5, -2, 0), 0, 5, 3);
        assertArrayEquals(new int[] {0, 2, 4}, kept);
    }

    @Test
    void returnsEveryPointWhenThereAreFewEnough() {
        XYSource s = series(1, 2, 3, 4, 5);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, Lttb.select(s, 0, 5, 5));
        assertArrayEquals(new int[] {1, 2, 3}, Lttb.select(s, 1, 4, 10));
        assertArrayEquals(new int[0], Lttb.select(s, 2, 2, 10));
    }

    @Test
    void worksOnASubrangeWithAbsoluteIndexes() {
        XYSource s = noise(5000, 3);
        int[] kept = Lttb.select(s, 1000, 3000, 50);
        assertEquals(50, kept.length);
        assertEquals(1000, kept[0]);
        assertEquals(2999, kept[49]);
        assertTrue(Arrays.stream(kept).allMatch(i -> i >= 1000 && i < 3000));
    }

    @Test
    void readsARingBufferAcrossItsWrap() {
        RingBuffer r = new RingBuffer(1000);
        for (int i = 0; i < 2500; i++) {
            r.add(i, i == 2222 ? 1e6 : 0);
        }
        int[] kept = Lttb.select(r, 0, r.size(), 20);
        assertEquals(20, kept.length);
        assertTrue(Arrays.stream(kept).anyMatch(i -> r.x(i) == 2222));
    }

    @Test
    void refusesABadThresholdOrRange() {
        XYSource s = series(1, 2, 3, 4);
        assertThrows(IllegalArgumentException.class, () -> Lttb.select(s, 0, 4, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> Lttb.select(s, 0, 5, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> Lttb.select(s, 3, 2, 3));
    }
}
