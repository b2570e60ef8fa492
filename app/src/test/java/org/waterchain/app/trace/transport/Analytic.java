package org.waterchain.app.trace.transport;

import java.util.function.DoubleUnaryOperator;

/**
 * Closed-form solutions of the advection-dispersion-reaction equation dc/dt = D c'' - v c' - k c on a semi-infinite
 * channel, clean at t = 0, with a continuous injection of concentration C0 = 1 from t = 0 (van Genuchten and Alves
 * 1982, "Analytical solutions of the one-dimensional convective-dispersive solute transport equation", USDA
 * Technical Bulletin 1661).
 */
final class Analytic {
    private Analytic() {}

    /** First-type inlet c(0, t) = 1: Ogata and Banks (1961); with decay, u = v sqrt(1 + 4 k D / v²) replaces v. */
    static double ogataBanks(double x, double t, double v, double d, double k) {
        double u = v * Math.sqrt(1 + 4 * k * d / (v * v));
        double s = 2 * Math.sqrt(d * t);
        return 0.5 * expErfc((v - u) * x / (2 * d), (x - u * t) / s) + 0.5 * expErfc((v + u) * x / (2 * d), (x + u * t) / s);
    }

    /**
     * Third-type inlet v c - D c' = v at x = 0 (a flux boundary, as a discharge's load enters): Lindstrom et al.
     * (1967) without decay, van Genuchten and Alves (1982) with it.
     */
    static double fluxInlet(double x, double t, double v, double d, double k) {
        double s = 2 * Math.sqrt(d * t);
        if (k == 0) {
            return 0.5 * erfc((x - v * t) / s)
                    + Math.sqrt(v * v * t / (Math.PI * d)) * Math.exp(-(x - v * t) * (x - v * t) / (4 * d * t))
                    - 0.5 * (1 + v * x / d + v * v * t / d) * expErfc(v * x / d, (x + v * t) / s);
        }
        double u = v * Math.sqrt(1 + 4 * k * d / (v * v));
        return v / (v + u) * expErfc((v - u) * x / (2 * d), (x - u * t) / s)
                + v / (v - u) * expErfc((v + u) * x / (2 * d), (x + u * t) / s)
                + v * v / (2 * k * d) * expErfc(v * x / d - k * t, (x + v * t) / s);
    }

    static double erfc(double z) {
        return expErfc(0, z);
    }

    /**
     * exp(a) erfc(z), with erfc in the form t exp(-z² + P(t)) (Numerical Recipes' erfcc, fractional error below
     * 1.2e-7) so that exp(a) and exp(-z²) combine before either overflows.
     */
    static double expErfc(double a, double z) {
        if (z < 0) {
            return 2 * Math.exp(a) - expErfc(a, -z);
        }
        double t = 1 / (1 + 0.5 * z);
        double p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        return t * Math.exp(a - z * z + p);
    }

    /** Mean of f over [a, b] by 5-point Gauss-Legendre on 16 panels: exact enough for a smooth profile. */
    static double mean(DoubleUnaryOperator f, double a, double b) {
        double[] nodes = {0, -0.5384693101056831, 0.5384693101056831, -0.9061798459386640, 0.9061798459386640};
        double[] weights = {0.5688888888888889, 0.4786286704993665, 0.4786286704993665, 0.2369268850561891,
                0.2369268850561891};
        int panels = 16;
        double h = (b - a) / panels;
        double sum = 0;
        for (int p = 0; p < panels; p++) {
            double mid = a + (p + 0.5) * h;
            for (int i = 0; i < nodes.length; i++) {
                sum += weights[i] * f.applyAsDouble(mid + nodes[i] * h / 2) * h / 2;
            }
        }
        return sum / (b - a);
    }
}
