package org.waterchain.app.trace.narrowing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.waterchain.app.session.RegistryView;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.RegisterFactory;

/**
 * GIS narrowing: the factories that could have caused what a source station measured. A factory is a candidate
 * when
 * <ul>
 *   <li>its pollutants include the quantity (symbols compared ignoring case);</li>
 *   <li>its outfall ({@link OutfallLocator}) lies within the reach upstream of the source, measured along the
 *       channels by the shortest way;</li>
 *   <li>and on that way no clean station lies between the outfall and the source, the outfall's own node
 *       included: a station there reads the mixed water of its node, so it would have seen the discharge.
 *       Polluted and unobserved stations are passed.</li>
 * </ul>
 * Candidates come nearest first; at equal distance the larger permitted discharge first (it can carry more),
 * then by id.
 */
public final class FactoryNarrowing {
    /**
     * How far upstream a trace looks by default: the whole demo district (its longest pathway, R04 to M02, is about
     * 8 km) and more than twice the paper's 3,838 m channel.
     */
    public static final double DEFAULT_REACH_M = 10_000;
    /** A factory farther than this from every channel is not taken to drain into the network. */
    public static final double DEFAULT_MAX_OUTFALL_SNAP_M = 500;

    private final RegistryView registry;
    private final FlowNetwork network;
    private final double maxOutfallSnapM;

    public FactoryNarrowing(RegistryView registry) {
        this(registry, DEFAULT_MAX_OUTFALL_SNAP_M);
    }

    public FactoryNarrowing(RegistryView registry, double maxOutfallSnapM) {
        this.registry = registry;
        this.network = FlowNetwork.of(registry);
        this.maxOutfallSnapM = maxOutfallSnapM;
    }

    public FlowNetwork network() {
        return network;
    }

    public List<CandidateFactory> candidates(String sourceStationId, String quantity, StationStates states, double reachM) {
        UpstreamArea area = searchArea(sourceStationId, states, reachM);
        List<CandidateFactory> out = new ArrayList<>();
        for (RegisterFactory f : registry.factories().values()) {
            if (f.pollutants().stream().noneMatch(p -> p.equalsIgnoreCase(quantity))) {
                continue;
            }
            locate(f).flatMap(o -> candidate(f, o, area)).ifPresent(out::add);
        }
        out.sort(Comparator.comparingDouble(CandidateFactory::distanceM)
                .thenComparing(c -> -c.factory().permittedDischargeM3Day())
                .thenComparing(c -> c.factory().id()));
        return out;
    }

    /** The reach upstream of a source station that pollution could have come down, stopping at clean stations. */
    public UpstreamArea searchArea(String sourceStationId, StationStates states, double reachM) {
        if (!registry.stations().containsKey(sourceStationId)) {
            throw new IllegalArgumentException("no station '" + sourceStationId + "' in the registry");
        }
        if (!network.contains(sourceStationId)) {
            throw new IllegalArgumentException("station " + sourceStationId
                    + " is not on any registered channel: there is no upstream to search");
        }
        return network.upstreamOf(sourceStationId, reachM, cleanStation(states));
    }

    /** Holds at a station the states call clean. */
    Predicate<String> cleanStation(StationStates states) {
        return node -> network.isStation(node) && states.isClean(node);
    }

    public Optional<Outfall> locate(RegisterFactory factory) {
        return OutfallLocator.locate(factory, network, maxOutfallSnapM);
    }

    private Optional<CandidateFactory> candidate(RegisterFactory f, Outfall outfall, UpstreamArea area) {
        if (outfall instanceof Outfall.AtNode at) {
            if (!area.contains(at.nodeId())) {
                return Optional.empty();
            }
            return Optional.of(new CandidateFactory(f, outfall, area.distanceM(at.nodeId()), pieces(area.pathFrom(at.nodeId()))));
        }
        Outfall.OnChannel on = (Outfall.OnChannel) outfall;
        AddChannel c = network.channel(on.channelId()).orElseThrow();
        if (!area.contains(c.toNode())) {
            return Optional.empty();
        }
        double below = Math.max(0, c.lengthM() - on.offsetM());
        double distance = area.distanceM(c.toNode()) + below;
        if (distance > area.reachM()) {
            return Optional.empty();
        }
        List<ChannelPiece> path = new ArrayList<>();
        if (below > 0) {
            path.add(new ChannelPiece(c.id(), c.fromNode(), c.toNode(), below));
        }
        path.addAll(pieces(area.pathFrom(c.toNode())));
        return Optional.of(new CandidateFactory(f, outfall, distance, path));
    }

    private static List<ChannelPiece> pieces(List<AddChannel> channels) {
        return channels.stream().map(c -> new ChannelPiece(c.id(), c.fromNode(), c.toNode(), c.lengthM())).toList();
    }
}
