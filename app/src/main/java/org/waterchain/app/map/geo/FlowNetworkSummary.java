package org.waterchain.app.map.geo;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a channel network, from its topology alone (reach A flows into B when A.toNode is
 * B.fromNode), plus the NHDPlus flags when the reaches carry them, so the two can be compared.
 *
 * @param headwaters         reaches whose start node no reach flows into
 * @param outlets            reaches whose end node no reach flows out of
 * @param divergenceNodes    nodes with more than one downstream reach (where a braid splits)
 * @param confluenceNodes    nodes with more than one upstream reach
 * @param minorDivergences   reaches flagged Divergence = 2 (NHDPlus minor path of a split); 0 without flags
 * @param startFlags         reaches flagged StartFlag = 1
 * @param terminalFlags      reaches flagged TerminalFl = 1
 */
public record FlowNetworkSummary(int reaches, int links, int headwaters, int outlets, int divergenceNodes,
                                 int confluenceNodes, int minorDivergences, int startFlags, int terminalFlags) {
    public static FlowNetworkSummary of(ChannelLayer layer) {
        List<Channel> cs = layer.channels();
        Map<String, Integer> out = new HashMap<>();
        Map<String, Integer> in = new HashMap<>();
        for (Channel c : cs) {
            out.merge(c.fromNode(), 1, Integer::sum);
            in.merge(c.toNode(), 1, Integer::sum);
        }
        int links = 0;
        for (Channel c : cs) {
            links += out.getOrDefault(c.toNode(), 0);
        }
        Set<String> nodes = new HashSet<>(out.keySet());
        nodes.addAll(in.keySet());
        return new FlowNetworkSummary(cs.size(), links,
                (int) cs.stream().filter(c -> !in.containsKey(c.fromNode())).count(),
                (int) cs.stream().filter(c -> !out.containsKey(c.toNode())).count(),
                (int) out.values().stream().filter(n -> n > 1).count(),
                (int) in.values().stream().filter(n -> n > 1).count(),
                flagged(cs, "Divergence", 2), flagged(cs, "StartFlag", 1), flagged(cs, "TerminalFl", 1));
    }

    private static int flagged(List<Channel> cs, String key, long value) {
        return (int) cs.stream()
                .filter(c -> c.attributes().get(key) instanceof Number n && n.doubleValue() == value)
                .count();
    }
}
