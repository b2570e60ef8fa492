package org.waterchain.app.trace.narrowing;

import java.util.List;
import org.waterchain.app.trace.transport.LoadFit;
import org.waterchain.app.trace.transport.Profile;
import org.waterchain.app.trace.transport.Sample;

/**
 * A candidate source factory of a pollution event, with the discharge that best explains what the source station
 * measured had it come from this factory's outfall.
 *
 * @param distanceM     along the channels from the outfall to the source station
 * @param fit           the fitted load (block times in seconds from the window's start, negative for a discharge
 *                      timed to arrive after it) and how well it explains the observations; not
 *                      {@link LoadFit#reached() reached} when this outfall's water reaches the station at no
 *                      observation under the window, so nothing could be fitted
 * @param load          the fitted mean load, g/s for mg/L quantities; NaN when nothing could be fitted
 * @param plausibility  the effluent concentration that load needs at the factory's permitted discharge
 * @param profile       the concentration along the stretch from the outfall (distance 0) to the station under the
 *                      fitted load, background included: the steady state for a steady window, otherwise at the
 *                      time of the last observation
 * @param stationSeries what the station reads under the fitted load, background included, from the window's start
 *                      (or the first observation, if earlier) to the last observation, seconds on the window's
 *                      clock, for plotting beside the observations (from the discharge's start when that is
 *                      earlier); empty for a steady window
 * @param path          the channels from the outfall to the station, in flow order
 * @param arrivalS      how long this outfall's water takes to reach the station (its step response's rise to
 *                      {@link DischargeWindow.ArrivingAfter#ARRIVAL_FRACTION} of steady), the lead of its discharge
 *                      over its water's arrival under {@link DischargeWindow.ArrivingAfter}; NaN under other
 *                      windows, which do not compute it
 */
public record Candidate(String factoryId, String name, String industry, double distanceM,
                        double permittedDischargeM3Day, Outfall outfall, LoadFit fit, double load,
                        Plausibility plausibility, Profile profile, List<Sample> stationSeries,
                        List<ChannelPiece> path, double arrivalS) {
    public Candidate {
        stationSeries = List.copyOf(stationSeries);
        path = List.copyOf(path);
    }

    /** A candidate whose arrival time is not known. */
    public Candidate(String factoryId, String name, String industry, double distanceM, double permittedDischargeM3Day,
                     Outfall outfall, LoadFit fit, double load, Plausibility plausibility, Profile profile,
                     List<Sample> stationSeries, List<ChannelPiece> path) {
        this(factoryId, name, industry, distanceM, permittedDischargeM3Day, outfall, fit, load, plausibility, profile,
                stationSeries, path, Double.NaN);
    }

    /**
     * Whether the observations say anything about this outfall: false when its water, under the discharge window,
     * reaches the station at none of them (its load is then NaN, it explains nothing and is not plausible).
     */
    public boolean reachesStation() {
        return fit.reached();
    }
}
