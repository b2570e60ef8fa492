package org.waterchain.app.trace.transport;

/**
 * Non-negative least squares, min |A x - b| subject to x >= 0, by Lawson and Hanson's active-set algorithm
 * ("Solving Least Squares Problems", 1974, ch. 23). A discharge cannot be negative, and an unconstrained fit of
 * a load series happily pairs a large positive block with a negative one. Finite: it terminates after at most
 * a few passes per column for the small systems a reverse prediction builds.
 */
final class Nnls {
    private Nnls() {}

    /** @param a m rows by n columns */
    static double[] solve(double[][] a, double[] b) {
        int m = b.length;
        int n = a.length == 0 ? 0 : a[0].length;
        double[] x = new double[n];
        boolean[] passive = new boolean[n];
        double norm = 0;
        for (double[] row : a) {
            for (double v : row) {
                norm = Math.max(norm, Math.abs(v));
            }
        }
        double bNorm = 0;
        for (double v : b) {
            bNorm = Math.max(bNorm, Math.abs(v));
        }
        double tolerance = 10 * Math.ulp(1.0) * norm * bNorm * Math.max(m, n);
        for (int outer = 0; outer < 3 * n + 3; outer++) {
            double[] w = gradient(a, b, x);
            int enter = -1;
            for (int j = 0; j < n; j++) {
                if (!passive[j] && w[j] > tolerance && (enter < 0 || w[j] > w[enter])) {
                    enter = j;
                }
            }
            if (enter < 0) {
                return x;
            }
            passive[enter] = true;
            for (int inner = 0; inner <= n; inner++) {
                double[] z = leastSquares(a, b, passive);
                double alpha = 1;
                int leave = -1;
                for (int j = 0; j < n; j++) {
                    if (passive[j] && z[j] <= 0) {
                        double step = x[j] / (x[j] - z[j]);
                        if (step < alpha) {
                            alpha = step;
                            leave = j;
                        }
                    }
                }
                if (leave < 0) {
                    x = z;
                    break;
                }
                for (int j = 0; j < n; j++) {
                    x[j] += alpha * (z[j] - x[j]);
                    if (passive[j] && (x[j] <= 0 || j == leave)) {
                        passive[j] = false;
                        x[j] = 0;
                    }
                }
            }
        }
        return x;
    }

    /** Aᵀ(b - A x): where moving a zero variable upward would reduce the residual. */
    private static double[] gradient(double[][] a, double[] b, double[] x) {
        int n = x.length;
        double[] w = new double[n];
        for (int i = 0; i < b.length; i++) {
            double r = b[i];
            for (int j = 0; j < n; j++) {
                r -= a[i][j] * x[j];
            }
            for (int j = 0; j < n; j++) {
                w[j] += a[i][j] * r;
            }
        }
        return w;
    }

    /**
     * Unconstrained least squares on the passive columns by Householder QR (not the normal equations, which square
     * the condition number of blocks whose responses overlap); the other variables stay 0.
     */
    static double[] leastSquares(double[][] a, double[] b, boolean[] passive) {
        int m = b.length;
        int n = passive.length;
        int k = 0;
        int[] columns = new int[n];
        for (int j = 0; j < n; j++) {
            if (passive[j]) {
                columns[k++] = j;
            }
        }
        double[][] r = new double[m][k];
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < k; c++) {
                r[i][c] = a[i][columns[c]];
            }
        }
        double[] y = b.clone();
        int rank = Math.min(m, k);
        for (int c = 0; c < rank; c++) {
            double norm = 0;
            for (int i = c; i < m; i++) {
                norm = Math.hypot(norm, r[i][c]);
            }
            if (norm == 0) {
                continue;
            }
            double alpha = r[c][c] > 0 ? -norm : norm;
            double[] v = new double[m];
            v[c] = r[c][c] - alpha;
            for (int i = c + 1; i < m; i++) {
                v[i] = r[i][c];
            }
            double vv = 0;
            for (int i = c; i < m; i++) {
                vv += v[i] * v[i];
            }
            if (vv == 0) {
                continue;
            }
            for (int col = c; col < k; col++) {
                double dot = 0;
                for (int i = c; i < m; i++) {
                    dot += v[i] * r[i][col];
                }
                double f = 2 * dot / vv;
                for (int i = c; i < m; i++) {
                    r[i][col] -= f * v[i];
                }
            }
            double dot = 0;
            for (int i = c; i < m; i++) {
                dot += v[i] * y[i];
            }
            double f = 2 * dot / vv;
            for (int i = c; i < m; i++) {
                y[i] -= f * v[i];
            }
        }
        double[] solved = new double[k];
        double scale = 0;
        for (int c = 0; c < rank; c++) {
            scale = Math.max(scale, Math.abs(r[c][c]));
        }
        for (int c = rank - 1; c >= 0; c--) {
            if (Math.abs(r[c][c]) <= 1e-12 * scale) {
                solved[c] = 0; // a column the samples cannot see (its response arrives after the last sample)
                continue;
            }
            double s = y[c];
            for (int col = c + 1; col < rank; col++) {
                s -= r[c][col] * solved[col];
            }
            solved[c] = s / r[c][c];
        }
        double[] x = new double[n];
        for (int c = 0; c < k; c++) {
            x[columns[c]] = solved[c];
        }
        return x;
    }
}
