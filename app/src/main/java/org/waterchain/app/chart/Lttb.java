package org.waterchain.app.chart;

/**
 * Largest-Triangle-Three-Buckets down-sampling (Steinarsson, "Downsampling Time Series for Visual
 * Representation", 2013): keeps the first and the last point and, from each of {@code threshold - 2} equal
 * buckets between them, the point that makes the largest triangle with the point kept before it and the mean of
 * the next bucket. Peaks and troughs make large triangles, so a pollution spike survives a 1000:1 reduction
 * where taking every n-th point or the bucket mean would lose it.
 */
public final class Lttb {
    private Lttb() {}

    /**
     * The indices, ascending, of the points of {@code [from, to)} to draw.
     *
     * @param threshold how many points to keep; at least 3 (fewer cannot keep both ends and a shape), and when
     *                  the range holds no more than that, every index is returned
     */
    public static int[] select(XYSource s, int from, int to, int threshold) {
        if (from < 0 || to > s.size() || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of " + s.size() + " points");
        }
        if (threshold < 3) {
            throw new IllegalArgumentException("LTTB keeps at least 3 points, asked for " + threshold);
        }
        int n = to - from;
        if (n <= threshold) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = from + i;
            }
            return all;
        }
        int[] out = new int[threshold];
        int k = 0;
        // the n - 2 inner points split into threshold - 2 buckets, each at least one point wide since n > threshold
        int buckets = threshold - 2;
        int a = from;
        out[k++] = a;
        for (int b = 0; b < threshold - 2; b++) {
            int bucketStart = boundary(from, n, buckets, b);
            int bucketEnd = boundary(from, n, buckets, b + 1);
            // the mean of the next bucket (for the last bucket, the last point) stands in for the point not yet chosen
            int nextStart = bucketEnd;
            int nextEnd = b + 2 <= buckets ? boundary(from, n, buckets, b + 2) : to;
            if (b == buckets - 1) {
                nextStart = to - 1;
                nextEnd = to;
            }
            double meanX = 0;
            double meanY = 0;
            for (int i = nextStart; i < nextEnd; i++) {
                meanX += s.x(i);
                meanY += s.y(i);
            }
            int count = nextEnd - nextStart;
            meanX /= count;
            meanY /= count;

            double ax = s.x(a);
            double ay = s.y(a);
            double best = -1;
            int chosen = bucketStart;
            for (int i = bucketStart; i < bucketEnd; i++) {
                // twice the triangle's area; the factor does not change which point wins
                double area = Math.abs((ax - meanX) * (s.y(i) - ay) - (ax - s.x(i)) * (meanY - ay));
                if (area > best) {
                    best = area;
                    chosen = i;
                }
            }
            out[k++] = chosen;
            a = chosen;
        }
        out[k] = to - 1;
        return out;
    }

    /** Where bucket {@code b} starts, in integer arithmetic so the last bucket ends exactly before the last point. */
    private static int boundary(int from, int n, int buckets, int b) {
        return from + 1 + (int) ((long) b * (n - 2) / buckets);
    }
}
