package org.waterchain.devices.sim;

/** The error function, which the JDK lacks; enough precision for a simulated concentration. */
final class Erf {
    private Erf() {}

    /** Abramowitz and Stegun 7.1.26: absolute error below 1.5e-7, a handful of multiplications and one exp. */
    static double erf(double x) {
        double ax = Math.abs(x);
        if (ax > 6) {
            return Math.signum(x);
        }
        double t = 1 / (1 + 0.3275911 * ax);
        double y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-ax * ax);
        return x < 0 ? -y : y;
    }
}
