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
 * @param fit           the fitted load (block times in seconds from the window's start) and how well it explains
 *                      the observations
 * @param load          the fitted mean load, g/s for mg/L quantities
 * @param plausibility  the effluent concentration that load needs at the factory's permitted discharge
 * @param profile       the concentration along the stretch from the outfall (distance 0) to the station under the
 *                      fitted load, background included: the steady state for a steady window, otherwise at the
 *                      time of the last observation
 * @param stationSeries what the station reads under the fitted load, background included, from the window's start
 *                      (or the first observation, if earlier) to the last observation, seconds on the window's
 *                      clock, for plotting beside the observations; empty for a steady window
 * @param path          the channels from the outfall to the station, in flow order
 */
public record Candidate(String factoryId, String name, String industry, double distanceM,
                        double permittedDischargeM3Day, Outfall outfall, LoadFit fit, double load,
                        Plausibility plausibility, Profile profile, List<Sample> stationSeries,
                        List<ChannelPiece> path) {
    public Candidate {
        stationSeries = List.copyOf(stationSeries);
        path = List.copyOf(path);
    }
}
