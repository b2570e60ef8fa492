package org.waterchain.app.trace.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * First-type inlet: Ogata and Banks, with decay in van Genuchten and Alves' form; flux inlet: Lindstrom et al.
     * without decay, van Genuchten and Alves with it. Each on both channels, the front half way down.
     */
    @ParameterizedTest(name = "{0} inlet, v {1} m/s, D {2} m²/s, k {3}/s at {4} s")
    @CsvSource({
            "CONCENTRATION, 0.5, 5, 0, 4000", "CONCENTRATION, 1.118, 2.13, 0, 2000",
            "CONCENTRATION, 0.5, 5, 2e-4, 4000", "CONCENTRATION, 1.118, 2.13, 5e-4, 2000",
            "FLUX, 0.5, 5, 0, 4000", "FLUX, 1.118, 2.13, 0, 2000",
            "FLUX, 0.5, 5, 2e-4, 4000", "FLUX, 1.118, 2.13, 5e-4, 2000"})
    void aContinuousInjectionMatchesTheClosedFormWithinOnePercent(Inlet inlet, double v, double d, double k, double timeS) {
        CompartmentModel m = model(v, d, k, inlet);
        Profile p = m.run(List.of(), timeS, timeS).profiles().get(0);
        DoubleUnaryOperator exact = inlet == Inlet.CONCENTRATION
                ? x -> Analytic.ogataBanks(x, timeS, v, d, k)
                : x -> Analytic.fluxInlet(x, timeS, v, d, k);
        double error = relativeL2(p, exact);
        assertTrue(error < TOLERANCE, String.format("relative L2 error %.5f (%s)", error, m.discretisation()));
    }

    @Test
    void theClosedFormsThemselvesHold() {
        assertEquals(0.4795001222, Analytic.erfc(0.5), 1e-7);
        assertEquals(0.004677734981, Analytic.erfc(2), 1e-9);
        assertEquals(1.995322265, Analytic.erfc(-2), 1e-8);
        // Boundary conditions: c = 1 at a concentration inlet; v c - D c' = v at a flux inlet.
        double v = 0.5;
        double d = 5;
        double h = 1e-3;
        for (double k : new double[] {0, 2e-4}) {
            assertEquals(1, Analytic.ogataBanks(0, 600, v, d, k), 1e-6);
            double c0 = Analytic.fluxInlet(0, 600, v, d, k);
            double slope = (Analytic.fluxInlet(h, 600, v, d, k) - c0) / h;
            assertEquals(v, v * c0 - d * slope, 1e-3);
            // And the equation itself, by finite differences half way along the front.
            double x = 300;
            double t = 600;
            double ct = (Analytic.fluxInlet(x, t + 1, v, d, k) - Analytic.fluxInlet(x, t - 1, v, d, k)) / 2;
            double cx = (Analytic.fluxInlet(x + 1, t, v, d, k) - Analytic.fluxInlet(x - 1, t, v, d, k)) / 2;
            double cxx = Analytic.fluxInlet(x + 1, t, v, d, k) - 2 * Analytic.fluxInlet(x, t, v, d, k)
                    + Analytic.fluxInlet(x - 1, t, v, d, k);
            assertEquals(ct, d * cxx - v * cx - k * Analytic.fluxInlet(x, t, v, d, k), 1e-5);
        }
        // Small decay tends to no decay.
        assertEquals(Analytic.fluxInlet(300, 600, v, d, 0), Analytic.fluxInlet(300, 600, v, d, 1e-6), 1e-3);
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

    @Test
    void plainUpwindOnThePapersSegmentsMissesByFarMoreThanOnePercent() {
        Stretch s = Stretch.uniform(LENGTH, new ReachHydraulics(0.5, 1.118, 2.13));
        CompartmentModel upwind = CompartmentModel.of(s, ModelSettings.of(SEGMENTS).withUpstream(Inlet.CONCENTRATION, 1)
                .withResolution(new Resolution(2, SEGMENTS, 1)));
        Profile p = upwind.run(List.of(), 2000, 2000).profiles().get(0);
        double error = relativeL2(p, x -> Analytic.ogataBanks(x, 2000, 1.118, 2.13, 0));
        assertTrue(error > 0.1, "upwind on 120 m segments: relative L2 error " + error);
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
