package org.waterchain.app.trace.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * Reverse prediction: the discharge at the top of a stretch that best reproduces what its station measured. The
 * station's concentration is linear in the load, c(t) = background + sum_j rate_j (S(t - start_j) - S(t - end_j))
 * with S the stretch's {@link StepResponse}, so the best load is a least-squares solution, constrained to be
 * non-negative (a discharge cannot remove copper); no search over trial loads. The residual says how well a
 * candidate discharge point explains the series: an outfall too far up makes the rise arrive too late, one too
 * near makes it arrive too early.
 */
public final class ReversePrediction {
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
        double[] rates = Nnls.solve(g, excess);
        List<Double> predicted = new ArrayList<>(m);
        double residualSquares = 0;
        for (int i = 0; i < m; i++) {
            double p = 0;
            for (int j = 0; j < rates.length; j++) {
                p += g[i][j] * rates[j];
            }
            predicted.add(background + p);
            residualSquares += (excess[i] - p) * (excess[i] - p);
        }
        List<LoadFit.LoadBlock> blocks = new ArrayList<>(rates.length);
        for (int j = 0; j < rates.length; j++) {
            blocks.add(new LoadFit.LoadBlock(spans.get(j).startS(), spans.get(j).endS(), rates[j]));
        }
        double explained = excessSquares == 0 ? (residualSquares == 0 ? 1 : 0) : 1 - residualSquares / excessSquares;
        return new LoadFit(blocks, predicted, Math.sqrt(residualSquares / m), explained);
    }

    /** The time from the schedule's start to the last sample: how far the step response must reach. */
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
