package org.waterchain.app.trace.narrowing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.waterchain.app.session.RegistryView;
import org.waterchain.app.trace.transport.CompartmentModel;
import org.waterchain.app.trace.transport.LoadFit;
import org.waterchain.app.trace.transport.LoadSchedule;
import org.waterchain.app.trace.transport.ModelSettings;
import org.waterchain.app.trace.transport.PointLoad;
import org.waterchain.app.trace.transport.Profile;
import org.waterchain.app.trace.transport.Reach;
import org.waterchain.app.trace.transport.ReversePrediction;
import org.waterchain.app.trace.transport.Sample;
import org.waterchain.app.trace.transport.StepResponse;
import org.waterchain.app.trace.transport.Stretch;

/**
 * Traces a pollution event to ranked candidate factories: GIS narrowing ({@link FactoryNarrowing}), then for each
 * candidate a reverse prediction on the stretch from its outfall to the source station (lengths from the
 * registry, hydraulics, flows and losses from the {@link TransportAssumptions}).
 *
 * <p>Ranking: candidates whose fitted load is plausible ({@link EffluentCeilings}) come before those whose load is
 * not; within each group by the fraction of the measured excess the fit explains, best first. Fits within the
 * tie tolerance of the best of their run are ties (the samples cannot tell them apart, as with steady samples or
 * outfalls whose travel times differ by less than the sampling interval): ties go to the factory needing the
 * weaker effluent (the larger permitted discharge), then the nearer, then by id. A candidate whose water reaches
 * the station at no observation under the window explains nothing and is not plausible, so it comes last; its load
 * is NaN, never the quotient of the excess and a response of ~0.
 *
 * <p>With {@link DischargeWindow.ArrivingAfter} (what a trace of the ledger uses) each candidate's water arrives
 * between the last clean reading and the next, at the moment that fits it best, its discharge starting its own
 * arrival time earlier; so the fits compare the shape of the rise and the load, not which outfall's water happens
 * to arrive within a common window, nor which rise happens to suit one assumed arrival moment.
 *
 * <p>Immutable and free of UI types; a trace takes milliseconds per candidate, so callers run it off the FX
 * thread.
 */
public final class SourceNarrowing {
    /** Points in a candidate's predicted station series. */
    static final int SERIES_POINTS = 200;
    /** Fits explaining within one percentage point of each other are ties. */
    public static final double DEFAULT_TIE_TOLERANCE = 0.01;

    private final FactoryNarrowing narrowing;
    private final TransportAssumptions assumptions;
    private final EffluentCeilings ceilings;
    private final double tieTolerance;
    private final DryWeatherFlows flows;

    public SourceNarrowing(RegistryView registry, TransportAssumptions assumptions) {
        this(new FactoryNarrowing(registry), assumptions, EffluentCeilings.DEFAULT, DEFAULT_TIE_TOLERANCE);
    }

    public SourceNarrowing(FactoryNarrowing narrowing, TransportAssumptions assumptions, EffluentCeilings ceilings,
                           double tieTolerance) {
        this.narrowing = narrowing;
        this.assumptions = assumptions;
        this.ceilings = ceilings;
        this.tieTolerance = tieTolerance;
        this.flows = DryWeatherFlows.of(narrowing.network(), assumptions.headwaterFlowM3s(), assumptions.lateralFlowM3s());
    }

    public FactoryNarrowing narrowing() {
        return narrowing;
    }

    public List<Candidate> candidates(TraceRequest request) {
        DischargeWindow window = request.window();
        List<Sample> samples = request.observations().stream()
                .map(o -> new Sample(window.secondsOf(o.timeMs()), o.value())).toList();
        double firstSample = samples.stream().mapToDouble(Sample::timeS).min().orElseThrow();
        double lastSample = samples.stream().mapToDouble(Sample::timeS).max().orElseThrow();
        ModelSettings settings = ModelSettings.of(assumptions.segments())
                .withDecayPerSecond(assumptions.decayPerSecond(request.quantity())).withResolution(assumptions.resolution());
        List<Candidate> out = new ArrayList<>();
        for (CandidateFactory cf : narrowing.candidates(request.sourceStationId(), request.quantity(), request.states(),
                request.reachM())) {
            Stretch stretch = stretch(cf, request.sourceStationId());
            CompartmentModel model = stretch == null ? null : CompartmentModel.of(stretch, settings);
            Arrival arrival = model == null
                    ? new Arrival(StepResponse.immediate(flows.nodeM3s(request.sourceStationId())),
                            window instanceof DischargeWindow.ArrivingAfter ? 0 : Double.NaN)
                    : arrival(model, window, samples, firstSample, lastSample);
            StepResponse response = arrival.response();
            LoadSchedule schedule = null;
            LoadFit fit = null;
            for (LoadSchedule s : window.schedules(Double.isFinite(arrival.seconds()) ? arrival.seconds() : 0, samples)) {
                LoadFit f = ReversePrediction.fit(response, samples, request.background(), s);
                if (fit == null || f.explained() > fit.explained()) {
                    schedule = s;
                    fit = f;
                }
            }
            double load = fit.meanRate();
            Profile profile = profile(model, response, fit, schedule, Math.max(0, lastSample), request.background());
            // from the discharge's start when it is earlier than the window's, so the chart shows the water arriving
            double seriesFrom = Math.min(0, firstSample);
            if (Double.isFinite(fit.blocks().get(0).startS())) {
                seriesFrom = Math.min(seriesFrom, fit.blocks().get(0).startS());
            }
            List<Sample> series = schedule instanceof LoadSchedule.Steady ? List.of()
                    : series(response, fit, seriesFrom, lastSample, request.background());
            out.add(new Candidate(cf.factory().id(), cf.factory().name(), cf.factory().industry(), cf.distanceM(),
                    cf.factory().permittedDischargeM3Day(), cf.outfall(), fit, load,
                    ceilings.judge(request.quantity(), load, cf.factory().permittedDischargeM3Day()), profile, series,
                    cf.path(), arrival.seconds()));
        }
        return rank(out);
    }

    /** A candidate's step response, far enough for its samples, and its arrival time (NaN unless the window aligns). */
    private record Arrival(StepResponse response, double seconds) {}

    /**
     * The step response reaches the last sample on the schedule's clock. Under {@link DischargeWindow.ArrivingAfter}
     * that is the arrival time plus the last sample's, from the earliest arrival moment tried (a sample before the
     * window's 0, or 0): the arrival comes before the advective travel time (the front spreads ahead of the mean),
     * so the travel time plus the samples' span is the first horizon tried, lengthened in the rare case the arrival
     * comes later.
     */
    private static Arrival arrival(CompartmentModel model, DischargeWindow window, List<Sample> samples,
                                   double firstSample, double lastSample) {
        if (!(window instanceof DischargeWindow.ArrivingAfter)) {
            return new Arrival(model.stepResponse(ReversePrediction.horizonS(samples, window.schedule(0))), Double.NaN);
        }
        double span = Math.max(0, lastSample) - Math.min(0, firstSample);
        double horizon = model.stretch().travelTimeS() + span;
        StepResponse response = model.stepResponse(horizon);
        double arrivalS = response.arrivalS(DischargeWindow.ArrivingAfter.ARRIVAL_FRACTION);
        for (int tries = 0; tries < 4 && !(arrivalS + span <= response.horizonS()); tries++) {
            horizon *= 2;
            response = model.stepResponse(horizon);
            arrivalS = response.arrivalS(DischargeWindow.ArrivingAfter.ARRIVAL_FRACTION);
        }
        return new Arrival(response, arrivalS);
    }

    /**
     * The stretch from the candidate's outfall to the station; null when it discharges at the station's node. Each
     * channel's top node brings its own flow: its catchment's inflow dilutes, and where it divides only the share
     * that goes down the pathway's channel carries the load on.
     */
    private Stretch stretch(CandidateFactory cf, String station) {
        List<Reach> reaches = new ArrayList<>();
        for (ChannelPiece p : cf.path()) {
            if (p.lengthM() > 0) {
                double q = flows.channelM3s(p.channelId());
                // A discharge part-way down a channel mixes into that channel's flow, not its top node's.
                boolean partial = reaches.isEmpty() && cf.outfall() instanceof Outfall.OnChannel on
                        && on.channelId().equals(p.channelId());
                reaches.add(new Reach(p.lengthM(), assumptions.hydraulics().at(q),
                        partial ? q : flows.nodeM3s(p.fromNode())));
            }
        }
        return reaches.isEmpty() ? null : new Stretch(reaches, flows.nodeM3s(station));
    }

    private static Profile profile(CompartmentModel model, StepResponse response, LoadFit fit, LoadSchedule schedule,
                                   double atS, double background) {
        boolean steady = schedule instanceof LoadSchedule.Steady;
        // an unreached candidate has no fitted load (NaN): its profile is the background, not NaN
        double steadyRate = fit.reached() ? fit.meanRate() : 0;
        if (model == null) {
            double c = background + (steady ? steadyRate * response.steady() : excessAt(response, fit, atS));
            return new Profile(steady ? Double.NaN : atS, List.of(new Profile.Point(0, c)), c);
        }
        Profile excess;
        LoadFit.LoadBlock first = fit.blocks().get(0);
        // one load that has run constantly for longer than the stretch takes to settle leaves the steady profile:
        // no need for a transient run as long as the step response
        boolean settled = !steady && fit.blocks().size() == 1 && Double.isInfinite(first.endS())
                && atS - first.startS() >= response.settledAfterS();
        if (steady || settled) {
            excess = model.steady(steadyRate > 0 ? List.of(PointLoad.constant(0, steadyRate)) : List.of());
        } else {
            // a run starts from clean water at its time 0: start it when the earliest load does (before the window's
            // start for a discharge timed to arrive after the last clean reading)
            double origin = 0;
            for (LoadFit.LoadBlock b : fit.blocks()) {
                if (b.rate() > 0 && b.startS() < atS) {
                    origin = Math.min(origin, b.startS());
                }
            }
            List<PointLoad> loads = new ArrayList<>();
            for (LoadFit.LoadBlock b : fit.blocks()) {
                if (b.rate() > 0 && b.startS() < atS) {
                    loads.add(new PointLoad(0, b.rate(), b.startS() - origin, b.endS() - origin));
                }
            }
            excess = model.run(loads, atS - origin, atS - origin).profiles().get(0);
        }
        return new Profile(steady ? Double.NaN : atS, excess.points().stream()
                .map(p -> new Profile.Point(p.distanceM(), p.concentration() + background)).toList(),
                excess.station() + background);
    }

    private static List<Sample> series(StepResponse response, LoadFit fit, double from, double to, double background) {
        List<Sample> out = new ArrayList<>(SERIES_POINTS);
        for (int i = 0; i < SERIES_POINTS; i++) {
            double t = from + (to - from) * i / (SERIES_POINTS - 1);
            out.add(new Sample(t, background + excessAt(response, fit, t)));
        }
        return out;
    }

    private static double excessAt(StepResponse response, LoadFit fit, double t) {
        double c = 0;
        for (LoadFit.LoadBlock b : fit.blocks()) {
            if (Double.isFinite(b.rate())) { // NaN: a block no sample saw
                c += b.rate() * (response.at(t - b.startS()) - response.at(t - b.endS()));
            }
        }
        return c;
    }

    private List<Candidate> rank(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparing((Candidate c) -> !c.plausibility().plausible())
                .thenComparing(c -> -c.fit().explained()));
        Comparator<Candidate> tieBreak = Comparator.comparingDouble((Candidate c) -> c.plausibility().requiredEffluent())
                .thenComparingDouble(Candidate::distanceM).thenComparing(Candidate::factoryId);
        List<Candidate> out = new ArrayList<>(sorted.size());
        int i = 0;
        while (i < sorted.size()) {
            Candidate lead = sorted.get(i);
            int j = i + 1;
            while (j < sorted.size() && sorted.get(j).plausibility().plausible() == lead.plausibility().plausible()
                    && lead.fit().explained() - sorted.get(j).fit().explained() <= tieTolerance) {
                j++;
            }
            List<Candidate> tie = new ArrayList<>(sorted.subList(i, j));
            tie.sort(tieBreak);
            out.addAll(tie);
            i = j;
        }
        return out;
    }
}
