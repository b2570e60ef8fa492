package org.waterchain.app.map.basemap;

import java.awt.geom.Rectangle2D;
import java.util.Arrays;

/**
 * Cuts a closed ring to a rectangle (Sutherland-Hodgman, one pass per side). The result fills exactly the part of
 * the polygon inside the rectangle; where the ring left the rectangle it runs along the rectangle's side, so it is
 * for filling, and for stroking only where the rectangle's sides are out of sight.
 */
final class RingClip {
    private RingClip() {}

    /** The ring (interleaved x, y) cut to the rectangle; fewer than three points when nothing of it is inside. */
    static double[] clip(double[] ring, Rectangle2D r) {
        int n = ring.length / 2;
        if (inside(ring, n, r)) {
            return ring;
        }
        double[] xy = ring;
        for (int k = 0; k < 4 && n > 0; k++) {
            // sides in turn: west, east, north, south; a pass at most doubles the points
            double[] next = new double[4 * n];
            n = side(xy, n, next, k / 2, k == 0 ? r.getMinX() : k == 1 ? r.getMaxX() : k == 2 ? r.getMinY()
                    : r.getMaxY(), k % 2 == 0);
            xy = next;
        }
        return Arrays.copyOf(xy, 2 * n);
    }

    private static boolean inside(double[] xy, int n, Rectangle2D r) {
        for (int i = 0; i < n; i++) {
            if (!r.contains(xy[2 * i], xy[2 * i + 1])) {
                return false;
            }
        }
        return true;
    }

    /** Keeps the part of the ring on one side of the line {@code coordinate[axis] = bound}; returns the point count. */
    private static int side(double[] in, int n, double[] out, int axis, double bound, boolean keepAbove) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            int j = i == 0 ? n - 1 : i - 1;
            double ci = in[2 * i + axis];
            double cj = in[2 * j + axis];
            boolean inI = keepAbove ? ci >= bound : ci <= bound;
            boolean inJ = keepAbove ? cj >= bound : cj <= bound;
            if (inI != inJ) {
                double t = (bound - cj) / (ci - cj);
                out[2 * m] = in[2 * j] + t * (in[2 * i] - in[2 * j]);
                out[2 * m + 1] = in[2 * j + 1] + t * (in[2 * i + 1] - in[2 * j + 1]);
                m++;
            }
            if (inI) {
                out[2 * m] = in[2 * i];
                out[2 * m + 1] = in[2 * i + 1];
                m++;
            }
        }
        return m;
    }
}
