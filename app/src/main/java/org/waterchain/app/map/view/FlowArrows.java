package org.waterchain.app.map.view;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a channel's flow arrows go on screen: evenly spaced along the polyline, in the order of its coordinates
 * (the registry draws channels from the upstream node to the downstream one), each turned to the segment it sits on.
 */
final class FlowArrows {
    /** One arrow: its tip's centre and the flow direction in degrees (0 = east, 90 = south, screen y grows down). */
    record Arrow(double x, double y, double angleDeg) {}

    private FlowArrows() {}

    /**
     * Arrows every {@code spacing} pixels, the first half a spacing from the start; none on a line shorter than a
     * spacing so short reaches at low zoom do not turn into arrow heaps.
     */
    static List<Arrow> place(double[] xs, double[] ys, double spacing) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("xs and ys differ in length: " + xs.length + " vs " + ys.length);
        }
        return place(xs, ys, xs.length, spacing);
    }

    /** The same for the first {@code n} points of the arrays (the map reuses its buffers). */
    static List<Arrow> place(double[] xs, double[] ys, int n, double spacing) {
        if (n > xs.length || n > ys.length) {
            throw new IllegalArgumentException(n + " points asked of arrays of " + xs.length + " and " + ys.length);
        }
        if (!(spacing > 0)) {
            throw new IllegalArgumentException("spacing must be positive, got " + spacing);
        }
        List<Arrow> out = new ArrayList<>();
        double total = 0;
        for (int i = 1; i < n; i++) {
            total += Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
        }
        if (total < spacing) {
            return out;
        }
        double next = spacing / 2;
        double walked = 0;
        for (int i = 1; i < n; i++) {
            double dx = xs[i] - xs[i - 1];
            double dy = ys[i] - ys[i - 1];
            double len = Math.hypot(dx, dy);
            if (len == 0) {
                continue;
            }
            double angle = Math.toDegrees(Math.atan2(dy, dx));
            while (next <= walked + len) {
                double t = (next - walked) / len;
                out.add(new Arrow(xs[i - 1] + t * dx, ys[i - 1] + t * dy, angle));
                next += spacing;
            }
            walked += len;
        }
        return out;
    }
}
