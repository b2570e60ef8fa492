package org.waterchain.app.trace.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A one-dimensional advection-dispersion-reaction model of a stretch of channel in steady flow, in the manner of
 * WASP: the stretch is a row of well-mixed compartments exchanging mass by advection and dispersion, losing it by
 * first-order decay, receiving point loads. It solves the steady state directly and transients in time; both
 * report per reporting segment and at the station at the end of the stretch. Linear in the loads, which the
 * reverse prediction relies on.
 *
 * <p><b>Space.</b> Finite volumes on cells of equal length dx. At each face between cells the flux is upwind
 * advection Q c_upstream plus dispersive exchange (A / dx) D' (c_i - c_i+1) with D' = D - v dx / 2: upwind
 * advection alone smears a front as if dispersion were v dx / 2 larger (its numerical dispersion: about 67 m²/s
 * on the paper's 120 m segments at 1.1 m/s, against a physical 2-5 m²/s), so the solver removes exactly that much. The
 * result is algebraically central differencing, second-order and free of numerical dispersion, and its matrix
 * stays an M-matrix (no wiggles, no negative steady concentrations) as long as D' >= 0, that is while the cell
 * Péclet number v dx / D is at most 2. The model therefore divides each reporting segment into as many cells as
 * that needs ({@link Resolution#maxCellPeclet()}); if the cell limit stops it, D' is clipped at 0 (plain upwind)
 * and the numerical dispersion left over is reported in {@link #discretisation()}.
 *
 * <p><b>Time.</b> BDF2 (second-order backward differentiation), started by one backward-Euler step. It is implicit
 * and L-stable, so any step is stable and stiff components are damped instead of ringing as Crank-Nicolson's do at
 * a sharp front; being second order it adds no first-order numerical dispersion (backward Euler would add
 * v² dt / 2). The step is {@link Resolution#courant()} cell crossings of the fastest reach. A load that switches
 * within a step enters as its mean rate over the step, so its mass is exact.
 *
 * <p><b>Boundaries.</b> The inlet is a flux or concentration boundary ({@link Inlet}); the outlet passes water
 * on by advection alone (zero gradient), and the station reads the outlet mixed with whatever else joins at its
 * node ({@link Stretch#stationFlowM3s()}).
 */
public final class CompartmentModel {
    /** A run longer than this many steps is a mistake in its inputs (hours of simulated time at sub-second steps). */
    private static final int MAX_STEPS = 2_000_000;
    /** The step response has settled when no cell differs from the steady state by more than this fraction. */
    private static final double SETTLED = 1e-9;

    private final Stretch stretch;
    private final ModelSettings settings;
    private final int perSegment;
    private final int cells;
    private final double dx;
    private final double dt;
    private final double[] volume;
    /** Flow leaving each cell downstream. */
    private final double[] flow;
    /** Water entering each cell from outside the stretch (the inlet, lateral inflows) at the upstream concentration. */
    private final double[] inflow;
    private final Discretisation discretisation;
    private final Tridiagonal steadyMatrix;
    private final Tridiagonal eulerMatrix;
    private final Tridiagonal bdf2Matrix;

    private CompartmentModel(Stretch stretch, ModelSettings settings) {
        this.stretch = stretch;
        this.settings = settings;
        Resolution res = settings.resolution();
        int segments = settings.segments();
        double length = stretch.lengthM();
        double segmentPeclet = 0;
        double fastest = 0;
        for (Reach r : stretch.reaches()) {
            ReachHydraulics h = r.hydraulics();
            segmentPeclet = Math.max(segmentPeclet, h.velocityMps() * length / segments / h.dispersionM2s());
            fastest = Math.max(fastest, h.velocityMps());
        }
        double wanted = Math.ceil(segmentPeclet / res.maxCellPeclet() - 1e-9);
        perSegment = (int) Math.max(1, Math.min(wanted, res.maxCells() / segments));
        cells = segments * perSegment;
        dx = length / cells;
        dt = res.courant() * dx / fastest;

        volume = new double[cells];
        flow = new double[cells];
        double[] area = new double[cells];
        double[] dispersion = new double[cells];
        // Water joining at the node above a cell's reach (first cell of each reach only), and water leaving there.
        double[] joining = new double[cells];
        double[] leaving = new double[cells];
        int reach = -1;
        double reachEnd = 0;
        double arriving = 0;
        for (int i = 0; i < cells; i++) {
            double centre = (i + 0.5) * dx;
            // A reach shorter than a cell may be passed over: its node's exchanges go to this cell all the same.
            while (reach < 0 || (centre > reachEnd && reach < stretch.reaches().size() - 1)) {
                reach++;
                Reach r = stretch.reaches().get(reach);
                reachEnd += r.lengthM();
                double node = r.nodeFlowM3s(arriving);
                joining[i] += node - arriving;
                leaving[i] += node - r.hydraulics().flowM3s();
                arriving = r.hydraulics().flowM3s();
            }
            ReachHydraulics h = stretch.reaches().get(reach).hydraulics();
            area[i] = h.areaM2();
            flow[i] = h.flowM3s();
            dispersion[i] = h.dispersionM2s();
            volume[i] = area[i] * dx;
        }

        // The spatial operator L: V dc/dt = L c + inflow * c_up + loads.
        double[] lower = new double[cells];
        double[] diag = new double[cells];
        double[] upper = new double[cells];
        inflow = new double[cells];
        // The inlet's water is the first node's whole flow (joining[0]); with a concentration inlet its value
        // also sits on the face, half a cell from the first centre, and exchanges by dispersion.
        if (settings.inlet() == Inlet.CONCENTRATION) {
            double exchange = area[0] * dispersion[0] / (dx / 2);
            inflow[0] += exchange;
            diag[0] -= exchange;
        }
        for (int i = 0; i < cells; i++) {
            inflow[i] += joining[i];
            diag[i] -= leaving[i] + settings.decayPerSecond() * volume[i]; // leaving at the cell's own concentration
        }
        double maxPeclet = 0;
        double numerical = 0;
        for (int i = 0; i < cells - 1; i++) {
            double q = flow[i];
            double a = (area[i] + area[i + 1]) / 2;
            double d = (dispersion[i] + dispersion[i + 1]) / 2;
            double upwindDispersion = q / a * dx / 2;
            maxPeclet = Math.max(maxPeclet, 2 * upwindDispersion / d);
            numerical = Math.max(numerical, upwindDispersion - d);
            double exchange = a * Math.max(0, d - upwindDispersion) / dx;
            lower[i + 1] += q + exchange;
            diag[i + 1] -= exchange;
            diag[i] -= q + exchange;
            upper[i] += exchange;
        }
        diag[cells - 1] -= flow[cells - 1];
        if (cells == 1) {
            ReachHydraulics h = stretch.reaches().get(0).hydraulics();
            maxPeclet = h.velocityMps() * dx / h.dispersionM2s();
        }
        discretisation = new Discretisation(segments, perSegment, dx, dt, maxPeclet, Math.max(0, numerical));

        double[] negLower = new double[cells];
        double[] negDiag = new double[cells];
        double[] negUpper = new double[cells];
        double[] eulerDiag = new double[cells];
        double[] bdf2Diag = new double[cells];
        for (int i = 0; i < cells; i++) {
            negLower[i] = -lower[i];
            negDiag[i] = -diag[i];
            negUpper[i] = -upper[i];
            eulerDiag[i] = volume[i] / dt - diag[i];
            bdf2Diag[i] = 1.5 * volume[i] / dt - diag[i];
        }
        steadyMatrix = new Tridiagonal(negLower, negDiag, negUpper);
        eulerMatrix = new Tridiagonal(negLower, eulerDiag, negUpper);
        bdf2Matrix = new Tridiagonal(negLower, bdf2Diag, negUpper);
    }

    public static CompartmentModel of(Stretch stretch, ModelSettings settings) {
        return new CompartmentModel(stretch, settings);
    }

    public Stretch stretch() {
        return stretch;
    }

    public ModelSettings settings() {
        return settings;
    }

    public Discretisation discretisation() {
        return discretisation;
    }

    /** The steady state with every load running at its rate for ever (their time windows are ignored). */
    public Profile steady(List<PointLoad> loads) {
        double[] rhs = new double[cells];
        double up = settings.upstreamConcentration();
        for (int i = 0; i < cells; i++) {
            rhs[i] = inflow[i] * up;
        }
        for (PointLoad l : loads) {
            rhs[cellOf(l)] += l.rate();
        }
        double[] c = new double[cells];
        steadyMatrix.solve(rhs, c);
        return profile(Double.NaN, c);
    }

    /**
     * A transient run of durationS seconds from clean water (0 everywhere) with the upstream inflows at their
     * concentration and the loads in their windows from time 0: the response to everything that enters from then
     * on. The excess over a steady background is the run with upstream concentration 0 (the model is linear).
     *
     * @param profileTimesS times (0..durationS) at which to keep a profile along the stretch
     */
    public TransientRun run(List<PointLoad> loads, double durationS, double... profileTimesS) {
        int steps = steps(durationS);
        for (double t : profileTimesS) {
            if (!(t >= 0 && t <= steps * dt)) {
                throw new IllegalArgumentException("profile time " + t + " s lies outside the run (0.." + durationS + " s)");
            }
        }
        int[] cellOfLoad = new int[loads.size()];
        for (int j = 0; j < loads.size(); j++) {
            cellOfLoad[j] = cellOf(loads.get(j));
        }
        Integer[] order = new Integer[profileTimesS.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> profileTimesS[i]));
        Profile[] profiles = new Profile[profileTimesS.length];
        int nextProfile = 0;

        double up = settings.upstreamConcentration();
        double[] previous = new double[cells];
        double[] current = new double[cells];
        double[] next = new double[cells];
        double[] source = new double[cells];
        double[] station = new double[steps + 1];
        station[0] = stationValue(current, up);
        while (nextProfile < order.length && profileTimesS[order[nextProfile]] <= 0) {
            profiles[order[nextProfile++]] = profile(0, current);
        }
        for (int n = 0; n < steps; n++) {
            double t0 = n * dt;
            double t1 = t0 + dt;
            for (int i = 0; i < cells; i++) {
                source[i] = inflow[i] * up;
            }
            for (int j = 0; j < loads.size(); j++) {
                source[cellOfLoad[j]] += loads.get(j).meanRate(t0, t1);
            }
            step(n, previous, current, source, next);
            while (nextProfile < order.length && profileTimesS[order[nextProfile]] <= t1) {
                double f = (profileTimesS[order[nextProfile]] - t0) / dt;
                double[] between = new double[cells];
                for (int i = 0; i < cells; i++) {
                    between[i] = current[i] * (1 - f) + next[i] * f;
                }
                profiles[order[nextProfile]] = profile(profileTimesS[order[nextProfile]], between);
                nextProfile++;
            }
            double[] spare = previous;
            previous = current;
            current = next;
            next = spare;
            station[n + 1] = stationValue(current, up);
        }
        return new TransientRun(dt, station, List.of(profiles), discretisation);
    }

    /**
     * The station's response to a unit load (1 g/s) at the top of the stretch switched on at time 0, in clean
     * water, up to horizonS or until the stretch reaches its steady state, whichever comes first.
     */
    public StepResponse stepResponse(double horizonS) {
        int steps = steps(horizonS);
        double[] source = new double[cells];
        source[0] = 1;
        double[] steady = new double[cells];
        steadyMatrix.solve(source, steady);
        double scale = 0;
        for (double v : steady) {
            scale = Math.max(scale, Math.abs(v));
        }
        double[] previous = new double[cells];
        double[] current = new double[cells];
        double[] next = new double[cells];
        double[] station = new double[steps + 1];
        // Nothing can settle before the water from the top has reached the bottom.
        double earliest = stretch.travelTimeS();
        boolean settled = false;
        int n = 0;
        while (n < steps && !settled) {
            step(n, previous, current, source, next);
            double[] spare = previous;
            previous = current;
            current = next;
            next = spare;
            n++;
            station[n] = stationValue(current, 0);
            if (n * dt > earliest) {
                settled = true;
                for (int i = cells - 1; i >= 0 && settled; i--) {
                    settled = Math.abs(current[i] - steady[i]) <= SETTLED * scale;
                }
            }
        }
        return new StepResponse(dt, Arrays.copyOf(station, n + 1), stationValue(steady, 0), settled);
    }

    /** One time step from current (and previous, for BDF2) to next; step 0 is backward Euler. */
    private void step(int n, double[] previous, double[] current, double[] source, double[] next) {
        if (n == 0) {
            for (int i = 0; i < cells; i++) {
                next[i] = volume[i] / dt * current[i] + source[i];
            }
            eulerMatrix.solve(next, next);
        } else {
            for (int i = 0; i < cells; i++) {
                next[i] = volume[i] / dt * (2 * current[i] - 0.5 * previous[i]) + source[i];
            }
            bdf2Matrix.solve(next, next);
        }
    }

    private int steps(double durationS) {
        if (!(durationS >= 0) || !Double.isFinite(durationS)) {
            throw new IllegalArgumentException("run duration must be a finite number >= 0 s, got " + durationS);
        }
        double steps = Math.ceil(durationS / dt - 1e-9);
        if (steps > MAX_STEPS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%.0f s at a %.3g s time step is %.0f steps, more than %d: shorten the run or coarsen the resolution",
                    durationS, dt, steps, MAX_STEPS));
        }
        return (int) steps;
    }

    private int cellOf(PointLoad load) {
        double length = cells * dx;
        if (load.distanceM() > length * (1 + 1e-12)) {
            throw new IllegalArgumentException("load at " + load.distanceM() + " m lies beyond the end of the "
                    + length + " m stretch");
        }
        return Math.min(cells - 1, (int) Math.floor(load.distanceM() / dx));
    }

    /** The outlet's water mixed with what else joins at the station's node (at the upstream concentration). */
    private double stationValue(double[] c, double upstream) {
        double out = flow[cells - 1];
        double atNode = stretch.stationFlowM3s();
        double last = c[cells - 1];
        return atNode > out ? (out * last + (atNode - out) * upstream) / atNode : last;
    }

    private Profile profile(double timeS, double[] c) {
        List<Profile.Point> points = new ArrayList<>(settings.segments());
        double segment = perSegment * dx;
        for (int s = 0; s < settings.segments(); s++) {
            double sum = 0;
            for (int i = s * perSegment; i < (s + 1) * perSegment; i++) {
                sum += c[i];
            }
            points.add(new Profile.Point((s + 0.5) * segment, sum / perSegment));
        }
        return new Profile(timeS, points, stationValue(c, settings.upstreamConcentration()));
    }
}
