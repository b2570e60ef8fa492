package org.waterchain.app.trace.transport;

import java.util.function.DoubleUnaryOperator;

/**
 * Brent's method (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 4): inverse quadratic
 * interpolation and secant steps, falling back to bisection whenever they would leave the bracket or converge
 * slowly, so it never fails on a function that changes sign in the bracket and is usually as fast as Newton.
 */
final class BracketedRoot {
    private static final int MAX_ITERATIONS = 200;

    private BracketedRoot() {}

    /** A root of f in [a, b], where f(a) and f(b) differ in sign, to within tolerance in x. */
    static double solve(DoubleUnaryOperator f, double a, double b, double tolerance) {
        double fa = f.applyAsDouble(a);
        double fb = f.applyAsDouble(b);
        if (fa == 0) {
            return a;
        }
        if (fb == 0) {
            return b;
        }
        if (Math.signum(fa) == Math.signum(fb)) {
            throw new IllegalArgumentException("no sign change in [" + a + ", " + b + "]: f = " + fa + ", " + fb);
        }
        double c = a;
        double fc = fa;
        double d = b - a;
        double e = d;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            if (Math.signum(fb) == Math.signum(fc)) {
                c = a;
                fc = fa;
                d = b - a;
                e = d;
            }
            if (Math.abs(fc) < Math.abs(fb)) {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double tol = 2 * Math.ulp(b) + 0.5 * tolerance;
            double m = 0.5 * (c - b);
            if (Math.abs(m) <= tol || fb == 0) {
                return b;
            }
            if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
                double s = fb / fa;
                double p;
                double q;
                if (a == c) {
                    p = 2 * m * s;
                    q = 1 - s;
                } else {
                    double qa = fa / fc;
                    double r = fb / fc;
                    p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
                    q = (qa - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) {
                    q = -q;
                } else {
                    p = -p;
                }
                if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
                    e = d;
                    d = p / q;
                } else {
                    d = m;
                    e = m;
                }
            } else {
                d = m;
                e = m;
            }
            a = b;
            fa = fb;
            b += Math.abs(d) > tol ? d : Math.copySign(tol, m);
            fb = f.applyAsDouble(b);
        }
        throw new IllegalStateException("Brent's method did not converge in " + MAX_ITERATIONS + " iterations");
    }
}
