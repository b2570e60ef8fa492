package org.waterchain.bench;

/*
 * Reverse simulation of the seed paper's San-Kuai-Tsuo channel (Lin et al., Sensors 2020, 20(13):3634: 3,838 m,
 * slope 0.002) split into 32, 93 and 128 segments, the counts for which the paper's WASP runs took 4, 137-142 and
 * 180 minutes. Channel: the app's paperChannel() assumptions at 0.5 m³/s (Manning, 1.12 m/s; Fischer, 2.13 m²/s;
 * Cu loss 0.02/h). Measurements: the paper's ten Cu2+ exceedances at M02 (0.358 .. 0.316 ppm) read as a series
 * every 15 minutes from one hour after the discharge began; the candidate outfall is the top of the channel.
 *
 *   reverse        what SourceNarrowing does per candidate: build the model, compute the station's step response
 *                  (until it settles), fit one constant load by least squares, and the steady profile for the plot
 *   reverseArriving what SourceNarrowing does per candidate under DischargeWindow.ArrivingAfter (the app's trace):
 *                  the step response to the advective travel time plus the samples' span, the arrival time (1 % of
 *                  steady), one constant load fitted for each of the 15 arrival moments between the last clean
 *                  reading and the next (the paper's series read from 15 minutes after it), the best kept, and the
 *                  profile at the last sample (the steady one when the
 *                  stretch has settled by then, as here; else a transient run as long again)
 *   reverseSeries  the same as reverse, fitting a load series of ten 15-minute blocks (non-negative least squares)
 *   coarseUpwind   the same as reverse on the segments alone (one cell per segment: plain upwind, as a WASP grid
 *                  would be), which is faster and wrong (its numerical dispersion is 30x the physical)
 *   sweepsCeiling  the substitution sweeps through a factorised tridiagonal matrix, over as many cells and steps
 *                  as reverse solves: the least any implicit scheme on that grid must do
 * The refined model divides the channel into about 2,100 cells (cell Péclet <= 1) whatever the segment count, so
 * the three segment counts cost nearly the same.
 *
 * Run only this benchmark (from the reactor root; in a worktree whose app is newer than the jar in ~/.m2, compile
 * the reactor and put app/target/classes right after the test classes):
 *   mvn -B -q -pl ledger,devices,app,src-test test-compile
 *   mvn -B -q -pl src-test dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 *   java -cp "src-test/target/test-classes:app/target/classes:$(cat src-test/target/bench.cp)" \
 *       org.waterchain.bench.ReverseSimulationBench
 * or with the whole suite: -Dwaterchain.bench.include=ReverseSimulation with RunBenchmarks. About 2 minutes.
 *
 * Measured on the project's 2-core machine (OpenJDK 17.0.15, load average 3-4 from other work), ms per run,
 * segments 32 / 93 / 128 (2016 / 2046 / 2048 cells, about 2,450 steps until the response settles):
 *   reverse 25.6 / 26.5 / 24.1, reverseSeries 21.8 / 22.0 / 23.5, coarseUpwind 0.015 / 0.066 / 0.19,
 *   sweepsCeiling 20.3 / 21.2 / 30.8 (noisy); the paper's WASP runs: 4 / 137-142 / 180 minutes.
 * So a reverse simulation costs little more than the sweeps themselves; under a load average of 7-10 the same
 * runs took 50-90 ms.
 * Re-run with reverseArriving (same machine, load average 1-3): reverse 20.8 / 21.3 / 21.5, reverseArriving 20.8 / 21.7
 * / 23.1, reverseSeries 22.9 / 21.5 / 21.3, sweepsCeiling 20.0 / 20.6 / 20.2. Before the steady-profile shortcut
 * reverseArriving took 107 / 83 / 89: its transient profile run spanned the arrival time plus the samples' span.
 * With the search over 15 arrival moments (segments 32 / 128, -wi 2 -i 3): reverseArriving 20.5 / 21.2, reverse
 * 21.1 / 21.7 in the same run: the extra least-squares fits cost nothing beside the step response.
 */

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.waterchain.app.trace.narrowing.DischargeWindow;
import org.waterchain.app.trace.narrowing.TransportAssumptions;
import org.waterchain.app.trace.transport.CompartmentModel;
import org.waterchain.app.trace.transport.LoadFit;
import org.waterchain.app.trace.transport.LoadSchedule;
import org.waterchain.app.trace.transport.ModelSettings;
import org.waterchain.app.trace.transport.PointLoad;
import org.waterchain.app.trace.transport.Profile;
import org.waterchain.app.trace.transport.ReversePrediction;
import org.waterchain.app.trace.transport.Resolution;
import org.waterchain.app.trace.transport.Sample;
import org.waterchain.app.trace.transport.StepResponse;
import org.waterchain.app.trace.transport.Stretch;

@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReverseSimulationBench {
    static final double LENGTH_M = 3838;
    static final double FLOW_M3S = 0.5;
    /** The paper's ten Cu2+ exceedances at M02, ppm. */
    static final double[] M02_CU = {0.358, 0.595, 0.482, 0.429, 0.299, 0.271, 0.209, 0.226, 0.393, 0.316};
    static final double BACKGROUND = 0.02;
    /** The window's clock starts at the last clean reading; only the schedules it proposes depend on it. */
    static final DischargeWindow.ArrivingAfter ARRIVING = new DischargeWindow.ArrivingAfter(0);

    @Param({"32", "93", "128"})
    public int segments;

    Stretch stretch;
    ModelSettings refined;
    ModelSettings coarse;
    List<Sample> samples;
    /** The last clean reading at 0, then the paper's series from 15 minutes on. */
    List<Sample> arrivingSamples;
    double horizonS;
    int cells;
    int steps;
    double[] lower;
    double[] inversePivot;
    double[] upperOverPivot;
    double[] rhs;

    @Setup(Level.Trial)
    public void prepare() {
        TransportAssumptions paper = TransportAssumptions.paperChannel();
        stretch = Stretch.uniform(LENGTH_M, paper.hydraulics().at(FLOW_M3S));
        refined = ModelSettings.of(segments).withDecayPerSecond(paper.decayPerSecond("CU"));
        coarse = refined.withResolution(new Resolution(2, segments, 1));
        samples = samples();
        arrivingSamples = new ArrayList<>(List.of(new Sample(0, BACKGROUND)));
        samples.forEach(x -> arrivingSamples.add(new Sample(x.timeS() - 2700, x.value())));
        horizonS = ReversePrediction.horizonS(samples, LoadSchedule.constantFrom(0));
        CompartmentModel m = CompartmentModel.of(stretch, refined);
        cells = m.discretisation().cells();
        steps = m.stepResponse(horizonS).values().length - 1;
        // A diagonally dominant matrix of the model's shape, factorised once (Thomas elimination).
        lower = new double[cells];
        inversePivot = new double[cells];
        upperOverPivot = new double[cells];
        rhs = new double[cells];
        double previous = 0;
        for (int i = 0; i < cells; i++) {
            lower[i] = -1.4;
            double pivot = 3.1 - (i > 0 ? lower[i] * previous : 0);
            inversePivot[i] = 1 / pivot;
            previous = -0.3 / pivot;
            upperOverPivot[i] = previous;
            rhs[i] = 1e-3 * i;
        }
    }

    @Benchmark
    public Profile reverse() {
        return reverseOnce(refined, LoadSchedule.constantFrom(0));
    }

    @Benchmark
    public Profile reverseArriving() {
        CompartmentModel m = CompartmentModel.of(stretch, refined);
        double last = arrivingSamples.get(arrivingSamples.size() - 1).timeS();
        StepResponse r = m.stepResponse(stretch.travelTimeS() + last);
        double arrival = r.arrivalS(DischargeWindow.ArrivingAfter.ARRIVAL_FRACTION);
        LoadFit fit = null;
        for (LoadSchedule s : ARRIVING.schedules(arrival, arrivingSamples)) {
            LoadFit f = ReversePrediction.fit(r, arrivingSamples, BACKGROUND, s);
            fit = fit == null || f.explained() > fit.explained() ? f : fit;
        }
        List<PointLoad> load = List.of(PointLoad.constant(0, fit.meanRate()));
        return arrival + last >= r.settledAfterS() ? m.steady(load) : m.run(load, arrival + last, arrival + last).profiles().get(0);
    }

    @Benchmark
    public Profile reverseSeries() {
        return reverseOnce(refined, LoadSchedule.blocks(0, 900, 10));
    }

    @Benchmark
    public Profile coarseUpwind() {
        return reverseOnce(coarse, LoadSchedule.constantFrom(0));
    }

    /** Substitution through a factorised tridiagonal matrix, as the model's solver does, over the same cells and steps. */
    @Benchmark
    public double sweepsCeiling() {
        double[] x = rhs.clone();
        for (int s = 0; s < steps; s++) {
            double previous = 0;
            for (int i = 0; i < cells; i++) {
                previous = (x[i] - lower[i] * previous) * inversePivot[i];
                x[i] = previous;
            }
            for (int i = cells - 2; i >= 0; i--) {
                x[i] -= upperOverPivot[i] * x[i + 1];
            }
        }
        return x[0];
    }

    private Profile reverseOnce(ModelSettings settings, LoadSchedule schedule) {
        CompartmentModel m = CompartmentModel.of(stretch, settings);
        StepResponse r = m.stepResponse(horizonS);
        LoadFit fit = ReversePrediction.fit(r, samples, BACKGROUND, schedule);
        return m.steady(List.of(PointLoad.constant(0, fit.meanRate())));
    }

    static List<Sample> samples() {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < M02_CU.length; i++) {
            out.add(new Sample(3600 + 900 * i, M02_CU[i]));
        }
        return out;
    }

    /** Runs this benchmark alone and prints the figures beside the paper's WASP run times. */
    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ReverseSimulationBench.class.getName() + "\\.").build()).run();
        System.out.println();
        System.out.printf(Locale.ROOT, "Reverse simulation of the paper's 3,838 m channel (%d cores, %s %s), ms per run%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "  %-8s %6s %6s %10s %15s %14s %13s %14s   %s%n", "segments", "cells", "steps",
                "reverse", "reverseArriving", "reverseSeries", "coarseUpwind", "sweepsCeiling", "paper's WASP run");
        for (String seg : List.of("32", "93", "128")) {
            ReverseSimulationBench b = new ReverseSimulationBench();
            b.segments = Integer.parseInt(seg);
            b.prepare();
            System.out.printf(Locale.ROOT, "  %-8s %6d %6d %10s %15s %14s %13s %14s   %s%n", seg, b.cells, b.steps,
                    score(results, "reverse", seg), score(results, "reverseArriving", seg), score(results, "reverseSeries", seg),
                    score(results, "coarseUpwind", seg),
                    score(results, "sweepsCeiling", seg), switch (seg) {
                        case "32" -> "4 min";
                        case "93" -> "137-142 min";
                        default -> "180 min";
                    });
        }
    }

    private static String score(Collection<RunResult> results, String method, String segments) {
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("." + method) && r.getParams().getParam("segments").equals(segments)) {
                return String.format(Locale.ROOT, "%.2f±%.2f", r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError());
            }
        }
        return "-";
    }
}
