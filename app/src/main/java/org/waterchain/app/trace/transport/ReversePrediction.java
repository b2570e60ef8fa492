package org.waterchain.app.trace.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reverse prediction: the discharge at the top of a stretch that best reproduces what its station measured. The
 * station's concentration is linear in the load, c(t) = background + sum_j rate_j (S(t - start_j) - S(t - end_j))
 * with S the stretch's {@link StepResponse}, so the best load is a least-squares solution, constrained to be
 * non-negative (a discharge cannot remove copper); no search over trial loads. The residual says how well a
 * candidate discharge point explains the series: an outfall too far up makes the rise arrive too late, one too
 * near makes it arrive too early.
 *
 * <p>A load whose water reaches the station at no sample time (its response there is below {@link #NEGLIGIBLE} of
 * the steady response at every sample) is not observed by the samples: dividing the excess by a response of
 * ~0 would report an absurd rate (10^64 g/s), so such a block is left unfitted (rate NaN) and, when no block is
 * observed, the fit says so ({@link LoadFit#reached()} false, explaining nothing).
 */
public final class ReversePrediction {
    /** A response below this fraction of the steady response at every sample means the load was not observed. */
    public static final double NEGLIGIBLE = 1e-3;

    private ReversePrediction() {}

    /**
     * @param response   the stretch's unit step response, known at least up to the last sample's time less the
     *                   schedule's start
     * @param samples    what the station measured, times on the schedule's clock
     * @param background what the station reads without the discharge
     */
    public static LoadFit fit(StepResponse response, List<Sample> samples, double background, LoadSchedule schedule) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a reverse prediction needs at least one sample");
        }
        if (!Double.isFinite(background)) {
            throw new IllegalArgumentException("background must be finite, got " + background);
        }
        int m = samples.size();
        double[][] g;
        List<LoadFit.LoadBlock> spans = new ArrayList<>();
        if (schedule instanceof LoadSchedule.Blocks b) {
            g = new double[m][b.count()];
            for (int j = 0; j < b.count(); j++) {
                spans.add(new LoadFit.LoadBlock(b.blockStartS(j), b.blockEndS(j), 0));
            }
            for (int i = 0; i < m; i++) {
                double t = samples.get(i).timeS();
                for (int j = 0; j < b.count(); j++) {
                    g[i][j] = response.at(t - b.blockStartS(j)) - response.at(t - b.blockEndS(j));
                }
            }
        } else {
            g = new double[m][1];
            spans.add(new LoadFit.LoadBlock(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0));
            for (int i = 0; i < m; i++) {
                g[i][0] = response.steady();
            }
        }
        double[] excess = new double[m];
        double excessSquares = 0;
        for (int i = 0; i < m; i++) {
            excess[i] = samples.get(i).value() - background;
            excessSquares += excess[i] * excess[i];
        }
        boolean[] observed = observed(g, response.steady());
        double[] rates = solveObserved(g, excess, observed);
        boolean reached = false;
        for (boolean o : observed) {
            reached |= o;
        }
        List<Double> predicted = new ArrayList<>(m);
        double residualSquares = 0;
        for (int i = 0; i < m; i++) {
            double p = 0;
            for (int j = 0; j < rates.length; j++) {
                if (observed[j]) {
                    p += g[i][j] * rates[j];
                }
            }
            predicted.add(background + p);
            residualSquares += (excess[i] - p) * (excess[i] - p);
        }
        List<LoadFit.LoadBlock> blocks = new ArrayList<>(rates.length);
        for (int j = 0; j < rates.length; j++) {
            blocks.add(new LoadFit.LoadBlock(spans.get(j).startS(), spans.get(j).endS(), rates[j]));
        }
        double explained = !reached ? 0
                : excessSquares == 0 ? (residualSquares == 0 ? 1 : 0) : 1 - residualSquares / excessSquares;
        return new LoadFit(blocks, predicted, Math.sqrt(residualSquares / m), explained, reached);
    }

    /** Which columns (blocks) the samples see: some sample's response reaches NEGLIGIBLE of the steady one. */
    private static boolean[] observed(double[][] g, double steady) {
        int n = g.length == 0 ? 0 : g[0].length;
        boolean[] out = new boolean[n];
        if (!(steady > 0) || !Double.isFinite(steady)) {
            return out;
        }
        for (int j = 0; j < n; j++) {
            for (double[] row : g) {
                out[j] |= Math.abs(row[j]) >= NEGLIGIBLE * steady;
            }
        }
        return out;
    }

    /** Non-negative least squares over the observed columns; NaN for the others (nothing says what they carried). */
    private static double[] solveObserved(double[][] g, double[] excess, boolean[] observed) {
        int n = observed.length;
        int k = 0;
        for (boolean o : observed) {
            k += o ? 1 : 0;
        }
        double[] rates = new double[n];
        Arrays.fill(rates, Double.NaN);
        if (k == 0) {
            return rates;
        }
        double[][] sub = new double[g.length][k];
        for (int i = 0; i < g.length; i++) {
            for (int j = 0, c = 0; j < n; j++) {
                if (observed[j]) {
                    sub[i][c++] = g[i][j];
                }
            }
        }
        double[] x = Nnls.solve(sub, excess);
        for (int j = 0, c = 0; j < n; j++) {
            if (observed[j]) {
                rates[j] = x[c++];
            }
        }
        return rates;
    }

    /** The time from the schedule's start to the last sample: how far the step response must reach (0 if steady). */
    public static double horizonS(List<Sample> samples, LoadSchedule schedule) {
        if (!(schedule instanceof LoadSchedule.Blocks b)) {
            return 0;
        }
        double last = Double.NEGATIVE_INFINITY;
        for (Sample s : samples) {
            last = Math.max(last, s.timeS());
        }
        return Math.max(0, last - b.startS());
    }
}
