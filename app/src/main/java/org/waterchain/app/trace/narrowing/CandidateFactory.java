package org.waterchain.app.trace.narrowing;

import java.util.List;
import org.waterchain.ledger.registry.RegistryAction.RegisterFactory;

/**
 * A factory that could have caused a pollution event at a source station: where its outfall is, how far its
 * water runs to the station, and along which channels (in flow order; empty when it discharges at the station).
 */
public record CandidateFactory(RegisterFactory factory, Outfall outfall, double distanceM, List<ChannelPiece> path) {
    public CandidateFactory {
        path = List.copyOf(path);
    }
}
