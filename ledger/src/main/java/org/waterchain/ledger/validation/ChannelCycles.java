package org.waterchain.ledger.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.waterchain.ledger.registry.Registry;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;

/**
 * Whether registering a channel would close a loop in the channel network. Water cannot flow in a circle, and
 * the pollution-coin contract needs the network to be a DAG: a loop accepted into the registry would stop every
 * trace of the alliance until a regulator undid it. Checked on the raw network (junctions included), so it is
 * stricter than the station graph the contract sorts.
 */
final class ChannelCycles {
    private ChannelCycles() {}

    /**
     * The loop {@code added} would close, as its channels in flow order starting with {@code added}; empty when
     * there is none. A channel already registered under the same id is replaced by {@code added}, as the
     * registry replaces it.
     */
    static Optional<List<AddChannel>> closedBy(AddChannel added, Registry registry) {
        // breadth first from the new channel's end: the first path back to its start is the shortest loop
        Map<String, AddChannel> reachedBy = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(added.toNode()));
        reachedBy.put(added.toNode(), added);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            if (node.equals(added.fromNode())) {
                List<AddChannel> loop = new ArrayList<>();
                for (String at = node; !at.equals(added.toNode()); at = reachedBy.get(at).fromNode()) {
                    loop.add(0, reachedBy.get(at));
                }
                loop.add(0, added);
                return Optional.of(loop);
            }
            for (AddChannel next : registry.channelsFrom(node)) {
                if (!next.id().equals(added.id()) && reachedBy.putIfAbsent(next.toNode(), next) == null) {
                    queue.add(next.toNode());
                }
            }
        }
        return Optional.empty();
    }

    /** "C9 (R12 -> R04), C1 (R04 -> R06), C7 (R06 -> R12)": what a regulator needs to find the wrong direction. */
    static String describe(List<AddChannel> loop) {
        StringBuilder s = new StringBuilder();
        for (AddChannel c : loop) {
            s.append(s.isEmpty() ? "" : ", ").append(c.id()).append(" (").append(c.fromNode()).append(" -> ")
                    .append(c.toNode()).append(')');
        }
        return s.toString();
    }
}
