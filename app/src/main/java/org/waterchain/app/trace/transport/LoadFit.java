package org.waterchain.app.trace.transport;

import java.util.List;

/**
 * The discharge that best reproduces a station's samples for one candidate, and how well it does.
 *
 * @param blocks       the fitted rates (g/s for mg/L), in time order; one block for a constant or steady load
 * @param predicted    the concentration the fitted load gives at each sample's time, background included
 * @param residualRms  root mean square of measured minus predicted, in the quantity's unit
 * @param explained    1 - sum(residual²) / sum(excess²): the fraction of the measured excess over background the
 *                     fit explains, 1 for a perfect fit, 0 when the best non-negative load is no load at all, and 0
 *                     when not reached
 * @param reached      whether the samples see any of the load: false when, under the schedule, its water reaches
 *                     the station at no sample time (see {@link ReversePrediction#NEGLIGIBLE}); then every rate is
 *                     NaN (unknown, not zero) and the prediction is the background
 */
public record LoadFit(List<LoadBlock> blocks, List<Double> predicted, double residualRms, double explained,
                      boolean reached) {
    public LoadFit {
        blocks = List.copyOf(blocks);
        predicted = List.copyOf(predicted);
    }

    /**
     * A constant rate over [startS, endS); both infinite for a steady load. The rate is NaN when no sample saw the
     * block's water (it ran too late, or too briefly, to reach the station by the last sample).
     */
    public record LoadBlock(double startS, double endS, double rate) {}

    /** Time-weighted mean rate over the blocks the samples saw (the rate itself for one block); NaN if none. */
    public double meanRate() {
        if (blocks.size() == 1) {
            return blocks.get(0).rate();
        }
        double mass = 0;
        double time = 0;
        for (LoadBlock b : blocks) {
            if (Double.isNaN(b.rate())) {
                continue;
            }
            mass += b.rate() * (b.endS() - b.startS());
            time += b.endS() - b.startS();
        }
        return time == 0 ? Double.NaN : mass / time;
    }
}
