package org.waterchain.app.chart;

import java.util.Arrays;

/**
 * One series of samples as two primitive arrays used as a ring: x (sample time in ms, as a double so the chart
 * reads it without conversion) ascending, y the value. Boxed points cost about 40 bytes and a pointer chase
 * each; this costs 16 bytes and reads sequentially, which is what keeps a million points drawable.
 *
 * <p>The arrays start small and double up to {@code maxCapacity}; once full, each new point evicts the oldest.
 * At most one point per x: a point at an x already held replaces its value, so history read from the ledger
 * and the same records arriving live do not double. A point older than the newest is inserted in order (batch
 * analysers report late); when the ring is full and the point is older than everything held, it is dropped,
 * since it would be the next to go.
 *
 * <p>Not thread-safe: one owner (the FX thread in the app, the loader's thread while it fills a new one).
 */
public final class RingBuffer implements XYSource {
    static final int INITIAL_CAPACITY = 256;

    private final int maxCapacity;
    private double[] xs;
    private double[] ys;
    private int head;
    private int size;
    private double minY = Double.NaN;
    private double maxY = Double.NaN;
    /** Set when the held minimum or maximum may have left (eviction or replacement); recomputed when asked. */
    private boolean extremesStale;

    public RingBuffer(int maxCapacity) {
        if (maxCapacity < 1) {
            throw new IllegalArgumentException("ring capacity must be at least 1, got " + maxCapacity);
        }
        this.maxCapacity = maxCapacity;
        int initial = Math.min(INITIAL_CAPACITY, maxCapacity);
        this.xs = new double[initial];
        this.ys = new double[initial];
    }

    /**
     * Adds a point in x order.
     *
     * @return false if the point was dropped (older than everything in a full ring, or not finite)
     */
    public boolean add(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return false;
        }
        if (size == 0 || x > x(size - 1)) {
            append(x, y);
            return true;
        }
        int at = lowerBound(x);
        if (at < size && x(at) == x) {
            replace(at, y);
            return true;
        }
        if (size == maxCapacity) {
            if (at == 0) {
                return false;
            }
            evictOldest();
            at--;
        }
        grow();
        insert(at, x, y);
        return true;
    }

    private void append(double x, double y) {
        if (size == maxCapacity) {
            evictOldest();
        }
        grow();
        int j = physical(size);
        xs[j] = x;
        ys[j] = y;
        size++;
        noteValue(y);
    }

    /** Shifts the points from {@code at} on one place towards the end and writes the new one at {@code at}. */
    private void insert(int at, double x, double y) {
        for (int i = size; i > at; i--) {
            int to = physical(i);
            int from = physical(i - 1);
            xs[to] = xs[from];
            ys[to] = ys[from];
        }
        int j = physical(at);
        xs[j] = x;
        ys[j] = y;
        size++;
        noteValue(y);
    }

    private void replace(int at, double y) {
        int j = physical(at);
        double old = ys[j];
        ys[j] = y;
        if (old == minY || old == maxY) {
            extremesStale = true;
        }
        noteValue(y);
    }

    private void evictOldest() {
        double old = ys[head];
        head = physical(1);
        size--;
        if (old == minY || old == maxY) {
            extremesStale = true;
        }
    }

    private void noteValue(double y) {
        if (extremesStale) {
            return;
        }
        if (Double.isNaN(minY) || y < minY) {
            minY = y;
        }
        if (Double.isNaN(maxY) || y > maxY) {
            maxY = y;
        }
    }

    /** Makes room for one more point, doubling the arrays (unwrapped) up to the maximum capacity. */
    private void grow() {
        if (size < xs.length) {
            return;
        }
        int capacity = (int) Math.min((long) xs.length * 2, maxCapacity);
        double[] nx = new double[capacity];
        double[] ny = new double[capacity];
        int firstPart = Math.min(size, xs.length - head);
        System.arraycopy(xs, head, nx, 0, firstPart);
        System.arraycopy(ys, head, ny, 0, firstPart);
        System.arraycopy(xs, 0, nx, firstPart, size - firstPart);
        System.arraycopy(ys, 0, ny, firstPart, size - firstPart);
        xs = nx;
        ys = ny;
        head = 0;
    }

    private int physical(int i) {
        int j = head + i;
        return j >= xs.length ? j - xs.length : j;
    }

    /** Drops every point with x below {@code x}; the live window does this so a long session does not fill up. */
    public void dropBefore(double x) {
        int n = lowerBound(x);
        if (n == 0) {
            return;
        }
        if (n == size) {
            clear();
            return;
        }
        head = physical(n);
        size -= n;
        extremesStale = true;
    }

    public void clear() {
        head = 0;
        size = 0;
        minY = Double.NaN;
        maxY = Double.NaN;
        extremesStale = false;
    }

    @Override
    public int size() {
        return size;
    }

    /** The arrays' current length: grows with the points up to {@link #maxCapacity()}. */
    public int capacity() {
        return xs.length;
    }

    public int maxCapacity() {
        return maxCapacity;
    }

    @Override
    public double x(int i) {
        return xs[physical(checkIndex(i))];
    }

    @Override
    public double y(int i) {
        return ys[physical(checkIndex(i))];
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("point " + i + " of " + size);
        }
        return i;
    }

    /** The first index whose x is at least {@code x} ({@link #size()} if none). */
    public int lowerBound(double x) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[physical(mid)] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose x is above {@code x} ({@link #size()} if none). */
    public int upperBound(double x) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[physical(mid)] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public double minX() {
        return size == 0 ? Double.NaN : x(0);
    }

    public double maxX() {
        return size == 0 ? Double.NaN : x(size - 1);
    }

    public double minY() {
        refreshExtremes();
        return minY;
    }

    public double maxY() {
        refreshExtremes();
        return maxY;
    }

    private void refreshExtremes() {
        if (!extremesStale) {
            return;
        }
        double[] mm = minMaxY(0, size);
        minY = mm[0];
        maxY = mm[1];
        extremesStale = false;
    }

    /** Smallest and largest y of the points {@code [from, to)}; NaN, NaN when the range is empty. */
    public double[] minMaxY(int from, int to) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double y = ys[physical(i)];
            if (y < lo) {
                lo = y;
            }
            if (y > hi) {
                hi = y;
            }
        }
        return from < to ? new double[] {lo, hi} : new double[] {Double.NaN, Double.NaN};
    }

    /** Copies of the x and y values of the points {@code [from, to)}, for exports: the ring stays its owner's. */
    public double[][] copy(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of " + size);
        }
        double[] cx = new double[to - from];
        double[] cy = new double[to - from];
        for (int i = from; i < to; i++) {
            int j = physical(i);
            cx[i - from] = xs[j];
            cy[i - from] = ys[j];
        }
        return new double[][] {cx, cy};
    }

    @Override
    public String toString() {
        return "RingBuffer[" + size + " of max " + maxCapacity + (size == 0 ? "" : ", x " + minX() + ".." + maxX()) + "]"
                + (size <= 8 ? " " + Arrays.toString(copy(0, size)[1]) : "");
    }
}
