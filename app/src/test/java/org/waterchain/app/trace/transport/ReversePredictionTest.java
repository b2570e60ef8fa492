package org.waterchain.app.trace.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Reverse prediction on the paper's channel (Manning default, 0.5 m³/s: 1.118 m/s, 2.13 m²/s): "measurements" are
 * a forward run of a known discharge plus 5% Gaussian noise (fixed seed), as a heavy-metal analyser reporting
 * every 5 minutes would give them.
 */
class ReversePredictionTest {
    static final ReachHydraulics CANAL = new ReachHydraulics(0.5, 1.118, 2.13);
    static final double BACKGROUND = 0.02;
    static final double NOISE = 0.05;

    @Test
    void recoversAConstantLoadThroughNoise() {
        double trueRate = 0.2; // g/s: 0.4 mg/L at the station, like the paper's exceedances at M02
        CompartmentModel m = model(3838);
        List<Sample> samples = measure(m, List.of(PointLoad.constant(0, trueRate)), 300, 3 * 3600, new Random(7));
        LoadSchedule schedule = LoadSchedule.constantFrom(0);
        LoadFit fit = ReversePrediction.fit(m.stepResponse(ReversePrediction.horizonS(samples, schedule)), samples,
                BACKGROUND, schedule);
        // 5% noise on the ~24 samples after the arrival: the estimate's own spread is about 1%.
        assertEquals(trueRate, fit.meanRate(), 0.03 * trueRate);
        assertTrue(fit.explained() > 0.98, "explained " + fit.explained());
        assertEquals(1, fit.blocks().size());
    }

    @Test
    void ranksTheTrueDischargePointFirstAmongThree() {
        double trueDistance = 2000;
        List<Sample> samples = measure(model(trueDistance), List.of(PointLoad.constant(0, 0.2)), 300, 2 * 3600,
                new Random(11));
        record Ranked(double distance, LoadFit fit) {}
        List<Ranked> ranked = new ArrayList<>();
        for (double distance : new double[] {800, trueDistance, 3838}) {
            CompartmentModel m = model(distance);
            LoadSchedule schedule = LoadSchedule.constantFrom(0);
            ranked.add(new Ranked(distance, ReversePrediction.fit(
                    m.stepResponse(ReversePrediction.horizonS(samples, schedule)), samples, BACKGROUND, schedule)));
        }
        ranked.sort(Comparator.comparingDouble((Ranked r) -> r.fit().explained()).reversed());
        assertEquals(trueDistance, ranked.get(0).distance(), () -> ranked.toString());
        assertEquals(0.2, ranked.get(0).fit().meanRate(), 0.03 * 0.2);
        assertTrue(ranked.get(0).fit().explained() - ranked.get(1).fit().explained() > 0.05, ranked::toString);
    }

    @Test
    void recoversALoadSeriesAndNeverANegativeLoad() {
        CompartmentModel m = model(3838);
        // 0.3 g/s for an hour, then 0.1 g/s for an hour, then nothing.
        List<PointLoad> truth = List.of(new PointLoad(0, 0.3, 0, 3600), new PointLoad(0, 0.1, 3600, 7200));
        List<Sample> samples = measure(m, truth, 300, 4 * 3600, new Random(3));
        LoadSchedule schedule = LoadSchedule.blocks(0, 3600, 3);
        LoadFit fit = ReversePrediction.fit(m.stepResponse(ReversePrediction.horizonS(samples, schedule)), samples,
                BACKGROUND, schedule);
        assertEquals(0.3, fit.blocks().get(0).rate(), 0.03 * 0.3);
        assertEquals(0.1, fit.blocks().get(1).rate(), 0.05 * 0.1);
        assertEquals(0, fit.blocks().get(2).rate(), 0.01);
        fit.blocks().forEach(b -> assertTrue(b.rate() >= 0, "non-negative: " + b));
        assertEquals(7200, fit.blocks().get(1).endS());
    }

    @Test
    void theUnconstrainedOptimumWouldDischargeNegativeCopper() {
        // Samples that fall below background after the rise: least squares alone would ask the second block to
        // take copper out of the canal.
        double[][] a = {{1, 0}, {1, 1}, {1, 1}};
        double[] b = {1, 0.2, 0.1};
        double[] free = Nnls.leastSquares(a, b, new boolean[] {true, true});
        assertTrue(free[1] < 0, "unconstrained: " + free[1]);
        double[] x = Nnls.solve(a, b);
        assertEquals(0, x[1]);
        assertEquals((1 + 0.2 + 0.1) / 3, x[0], 1e-12);
    }

    @Test
    void steadySamplesGiveTheMeanLoadAndTheirSpreadAsResidual() {
        // The paper's ten Cu2+ exceedances at M02 (ppm), taken as separate steady states.
        double[] values = {0.358, 0.595, 0.482, 0.429, 0.299, 0.271, 0.209, 0.226, 0.393, 0.316};
        List<Sample> samples = new ArrayList<>();
        double mean = 0;
        for (int i = 0; i < values.length; i++) {
            samples.add(new Sample(i, values[i]));
            mean += values[i] / values.length;
        }
        StepResponse r = model(3838).stepResponse(0);
        LoadFit fit = ReversePrediction.fit(r, samples, 0, LoadSchedule.steady());
        assertEquals(mean / r.steady(), fit.meanRate(), 1e-12);
        assertEquals(mean * 0.5, fit.meanRate(), 1e-9, "no decay: load = concentration x flow");
        double squares = 0;
        double residual = 0;
        for (double v : values) {
            squares += v * v;
            residual += (v - mean) * (v - mean);
        }
        assertEquals(1 - residual / squares, fit.explained(), 1e-12);
        assertEquals(Math.sqrt(residual / values.length), fit.residualRms(), 1e-12);
    }

    @Test
    void aDischargeAtTheStationReadsAtOnce() {
        StepResponse r = StepResponse.immediate(0.5);
        List<Sample> samples = List.of(new Sample(-60, BACKGROUND), new Sample(60, BACKGROUND + 0.4),
                new Sample(120, BACKGROUND + 0.4));
        LoadFit fit = ReversePrediction.fit(r, samples, BACKGROUND, LoadSchedule.constantFrom(0));
        assertEquals(0.2, fit.meanRate(), 1e-12);
        assertEquals(1, fit.explained(), 1e-12);
        assertEquals(BACKGROUND, fit.predicted().get(0), 1e-15);
    }

    @Test
    void theArrivalIsWhenTheStepResponseFirstReachesOnePercentOfItsSteadyValue() {
        double length = 3838;
        StepResponse r = model(length).stepResponse(length / CANAL.velocityMps() + 3600);
        double arrival = r.arrivalS(0.01);
        // The closed form of a continuous injection through a flux inlet reads 1 % of its plateau then.
        assertEquals(0.01, Analytic.fluxInlet(length, arrival, CANAL.velocityMps(), CANAL.dispersionM2s(), 0), 0.001);
        // Dispersion carries the front ahead of the mean water: the arrival precedes the advective travel time.
        assertTrue(arrival < length / CANAL.velocityMps(), "arrival " + arrival);
        assertEquals(0, StepResponse.immediate(0.5).arrivalS(0.01));
    }

    @Test
    void aLoadWhoseWaterCannotHaveArrivedIsNotFittedRatherThanAbsurd() {
        // 6 km at 1.1 m/s is 90 minutes of travel; the samples end after 30: no load starting at 0 explains them, and
        // dividing their excess by a response of ~1e-100 would claim an astronomical discharge.
        CompartmentModel m = model(6000);
        List<Sample> samples = new ArrayList<>();
        for (double t = 300; t <= 1800; t += 300) {
            samples.add(new Sample(t, BACKGROUND + 0.4));
        }
        LoadSchedule schedule = LoadSchedule.constantFrom(0);
        LoadFit fit = ReversePrediction.fit(m.stepResponse(ReversePrediction.horizonS(samples, schedule)), samples,
                BACKGROUND, schedule);
        assertFalse(fit.reached());
        assertTrue(Double.isNaN(fit.meanRate()), "unknown, not zero: " + fit.meanRate());
        assertEquals(0, fit.explained());
        fit.predicted().forEach(p -> assertEquals(BACKGROUND, p, 0));
        assertEquals(0.4, fit.residualRms(), 1e-12);
    }

    @Test
    void aBlockNoSampleSawIsLeftUnknownAndTheOthersAreFitted() {
        CompartmentModel m = model(3838);
        List<Sample> samples = measure(m, List.of(PointLoad.constant(0, 0.2)), 300, 2 * 3600, new Random(13));
        // the third block starts at the last sample: none of its water reaches the station in time
        LoadSchedule schedule = LoadSchedule.blocks(0, 3600, 3);
        LoadFit fit = ReversePrediction.fit(m.stepResponse(ReversePrediction.horizonS(samples, schedule)), samples,
                BACKGROUND, schedule);
        assertTrue(fit.reached());
        assertTrue(Double.isNaN(fit.blocks().get(2).rate()), fit.blocks().toString());
        assertEquals(0.2, fit.blocks().get(0).rate(), 0.03 * 0.2);
        assertEquals(0.2, fit.meanRate(), 0.1 * 0.2, "mean over the blocks the samples saw");
    }

    static CompartmentModel model(double lengthM) {
        return CompartmentModel.of(Stretch.uniform(lengthM, CANAL), ModelSettings.of(32));
    }

    /** Forward run, sampled every intervalS from intervalS to durationS, background and relative noise added. */
    static List<Sample> measure(CompartmentModel m, List<PointLoad> loads, double intervalS, double durationS, Random rnd) {
        TransientRun run = m.run(loads, durationS);
        List<Sample> out = new ArrayList<>();
        for (double t = intervalS; t <= durationS + 1e-9; t += intervalS) {
            double c = BACKGROUND + run.stationAt(t);
            out.add(new Sample(t, c * (1 + NOISE * rnd.nextGaussian())));
        }
        return out;
    }
}
