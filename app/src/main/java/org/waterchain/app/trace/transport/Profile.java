package org.waterchain.app.trace.transport;

import java.util.List;

/**
 * Concentration along a stretch, one point per reporting segment (its mean, at its centre), as the paper's
 * Figures 9 and 10 plot a WASP run; and the concentration the station reads at the end of the stretch.
 *
 * @param timeS   seconds after the start of the run, or NaN for a steady state
 */
public record Profile(double timeS, List<Point> points, double station) {
    public Profile {
        points = List.copyOf(points);
    }

    public record Point(double distanceM, double concentration) {}
}
