package org.waterchain.app.trace.transport;

import java.util.List;

/**
 * The discharge that best reproduces a station's samples for one candidate, and how well it does.
 *
 * @param blocks       the fitted rates (g/s for mg/L), in time order; one block for a constant or steady load
 * @param predicted    the concentration the fitted load gives at each sample's time, background included
 * @param residualRms  root mean square of measured minus predicted, in the quantity's unit
 * @param explained    1 - sum(residual²) / sum(excess²): the fraction of the measured excess over background the
 *                     fit explains, 1 for a perfect fit, 0 when the best non-negative load is no load at all
 */
public record LoadFit(List<LoadBlock> blocks, List<Double> predicted, double residualRms, double explained) {
    public LoadFit {
        blocks = List.copyOf(blocks);
        predicted = List.copyOf(predicted);
    }

    /** A constant rate over [startS, endS); both infinite for a steady load. */
    public record LoadBlock(double startS, double endS, double rate) {}

    /** Time-weighted mean rate over the blocks (the rate itself for one block). */
    public double meanRate() {
        if (blocks.size() == 1) {
            return blocks.get(0).rate();
        }
        double mass = 0;
        double time = 0;
        for (LoadBlock b : blocks) {
            mass += b.rate() * (b.endS() - b.startS());
            time += b.endS() - b.startS();
        }
        return mass / time;
    }
}
