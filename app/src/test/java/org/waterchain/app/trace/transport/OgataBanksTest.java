package org.waterchain.app.trace.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The compartment model against closed-form solutions on the paper's 3,838 m channel in 32 segments: a continuous
 * injection from t = 0, compared segment by segment (the model's segment means against the exact solution's
 * means over the same segments) while the front is half way down, and at steady state. Two channels: the demo
 * simulator's (0.5 m/s, 5 m²/s) and the Manning default (1.12 m/s, Fischer's 2.13 m²/s), whose 120 m segments
 * have a Péclet number of 63: plain upwind advection would smear the front with about 67 m²/s of numerical
 * dispersion, 30 times the physical value.
 */
class OgataBanksTest {
    static final double LENGTH = 3838;
    static final int SEGMENTS = 32;
    static final double TOLERANCE = 0.01;

    @Test
    void concentrationInletMatchesOgataBanks() {
        check(0.5, 5, 0, Inlet.CONCENTRATION, 4000);
        check(1.118, 2.13, 0, Inlet.CONCENTRATION, 2000);
    }

    @Test
    void concentrationInletWithDecayMatchesOgataBanks() {
        check(0.5, 5, 2e-4, Inlet.CONCENTRATION, 4000);
        check(1.118, 2.13, 5e-4, Inlet.CONCENTRATION, 2000);
    }

    @Test
    void fluxInletMatchesLindstrom() {
        check(0.5, 5, 0, Inlet.FLUX, 4000);
        check(1.118, 2.13, 0, Inlet.FLUX, 2000);
    }

    @Test
    void fluxInletWithDecayMatchesVanGenuchtenAlves() {
        check(0.5, 5, 2e-4, Inlet.FLUX, 4000);
        check(1.118, 2.13, 5e-4, Inlet.FLUX, 2000);
    }

    @Test
    void steadyStateWithDecayIsTheExponentialProfile() {
        double v = 0.5;
        double d = 5;
        double k = 2e-4;
        double u = v * Math.sqrt(1 + 4 * k * d / (v * v));
        CompartmentModel m = model(v, d, k, Inlet.CONCENTRATION);
        Profile p = m.steady(List.of());
        double error = relativeL2(p, x -> Math.exp((v - u) * x / (2 * d)));
        assertTrue(error < 1e-3, "steady profile error " + error);
        CompartmentModel flux = model(v, d, k, Inlet.FLUX);
        double fluxError = relativeL2(flux.steady(List.of()), x -> 2 * v / (v + u) * Math.exp((v - u) * x / (2 * d)));
        assertTrue(fluxError < 1e-3, "steady flux-inlet profile error " + fluxError);
    }

    @Test
    void theSolverRefinesSegmentsUntilNoNumericalDispersionIsLeft() {
        Discretisation d = model(1.118, 2.13, 0, Inlet.FLUX).discretisation();
        assertTrue(d.maxCellPeclet() <= 2 + 1e-9, d.toString());
        assertEquals(0, d.numericalDispersionM2s());
        assertEquals(SEGMENTS, d.segments());
        // With refinement capped at one cell per segment the solver falls back to upwind and says what it costs.
        Discretisation coarse = CompartmentModel.of(Stretch.uniform(LENGTH, new ReachHydraulics(0.5, 1.118, 2.13)),
                ModelSettings.of(SEGMENTS).withResolution(new Resolution(2, SEGMENTS, 1))).discretisation();
        assertEquals(1, coarse.cellsPerSegment());
        assertEquals(1.118 * LENGTH / SEGMENTS / 2 - 2.13, coarse.numericalDispersionM2s(), 1e-9);
    }

    private static void check(double v, double d, double k, Inlet inlet, double timeS) {
        CompartmentModel m = model(v, d, k, inlet);
        Profile p = m.run(List.of(), timeS, timeS).profiles().get(0);
        DoubleUnaryOperator exact = inlet == Inlet.CONCENTRATION
                ? x -> Analytic.ogataBanks(x, timeS, v, d, k)
                : x -> Analytic.fluxInlet(x, timeS, v, d, k);
        double error = relativeL2(p, exact);
        assertTrue(error < TOLERANCE, String.format("%s v=%s D=%s k=%s: relative L2 error %.5f (%s)", inlet, v, d, k,
                error, m.discretisation()));
    }

    private static CompartmentModel model(double v, double d, double k, Inlet inlet) {
        Stretch s = Stretch.uniform(LENGTH, new ReachHydraulics(0.5, v, d));
        return CompartmentModel.of(s, ModelSettings.of(SEGMENTS).withDecayPerSecond(k).withUpstream(inlet, 1));
    }

    /** sqrt(sum (model - exact)²) / sqrt(sum exact²) over the segments. */
    static double relativeL2(Profile p, DoubleUnaryOperator exact) {
        double segment = LENGTH / SEGMENTS;
        double diff = 0;
        double norm = 0;
        for (Profile.Point pt : p.points()) {
            double e = Analytic.mean(exact, pt.distanceM() - segment / 2, pt.distanceM() + segment / 2);
            diff += (pt.concentration() - e) * (pt.concentration() - e);
            norm += e * e;
        }
        return Math.sqrt(diff / norm);
    }
}
