package org.waterchain.app.trace.transport;

import java.util.Arrays;
import java.util.List;

/**
 * A transient forward run: the station's series at every time step, and profiles along the stretch at the times
 * asked for.
 */
public final class TransientRun {
    private final double timeStepS;
    private final double[] station;
    private final List<Profile> profiles;
    private final Discretisation discretisation;

    TransientRun(double timeStepS, double[] station, List<Profile> profiles, Discretisation discretisation) {
        this.timeStepS = timeStepS;
        this.station = station.clone();
        this.profiles = List.copyOf(profiles);
        this.discretisation = discretisation;
    }

    public double timeStepS() {
        return timeStepS;
    }

    /** The station's concentration at 0, dt, 2 dt, ... */
    public double[] station() {
        return Arrays.copyOf(station, station.length);
    }

    /** The station's concentration at time t, linear between steps. */
    public double stationAt(double t) {
        double x = Math.max(0, t) / timeStepS;
        int i = (int) Math.floor(x);
        if (i >= station.length - 1) {
            if (x > station.length - 1 + 1e-9) {
                throw new IllegalArgumentException("run ended at " + timeStepS * (station.length - 1) + " s, asked for " + t + " s");
            }
            return station[station.length - 1];
        }
        double f = x - i;
        return station[i] * (1 - f) + station[i + 1] * f;
    }

    /** Profiles at the times asked for, in that order. */
    public List<Profile> profiles() {
        return profiles;
    }

    public Discretisation discretisation() {
        return discretisation;
    }
}
