package org.waterchain.app.trace.transport;

/**
 * A tridiagonal matrix factorised once for many right-hand sides (the Thomas algorithm split into its elimination,
 * done here, and its substitution, done per solve). Stable without pivoting for the diagonally dominant matrices
 * transport gives.
 */
final class Tridiagonal {
    private final double[] lower;
    private final double[] inversePivot;
    private final double[] upperOverPivot;

    /** Row i reads lower[i] x[i-1] + diag[i] x[i] + upper[i] x[i+1]; lower[0] and upper[n-1] are ignored. */
    Tridiagonal(double[] lower, double[] diag, double[] upper) {
        int n = diag.length;
        this.lower = lower.clone();
        this.lower[0] = 0;
        inversePivot = new double[n];
        upperOverPivot = new double[n];
        double previous = 0;
        for (int i = 0; i < n; i++) {
            double p = diag[i] - this.lower[i] * previous;
            if (p == 0 || !Double.isFinite(p)) {
                throw new IllegalStateException("singular transport matrix at cell " + i);
            }
            inversePivot[i] = 1 / p;
            previous = i < n - 1 ? upper[i] / p : 0;
            upperOverPivot[i] = previous;
        }
    }

    /** Solves for x; rhs and x may be the same array. */
    void solve(double[] rhs, double[] x) {
        int n = inversePivot.length;
        double previous = 0;
        for (int i = 0; i < n; i++) {
            previous = (rhs[i] - lower[i] * previous) * inversePivot[i];
            x[i] = previous;
        }
        for (int i = n - 2; i >= 0; i--) {
            x[i] -= upperOverPivot[i] * x[i + 1];
        }
    }
}
