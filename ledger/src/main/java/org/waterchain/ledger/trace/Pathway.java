package org.waterchain.ledger.trace;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pollution pathway of a trace: the polluted stations linked by the flow of coins (branches that merge belong
 * to one pathway), as read back from the transactions.
 *
 * @param sources  the stations that collected (no polluted station upstream of them), sorted by id
 * @param stations every station of the pathway in flow direction, upstream first (the paper's pathway order): Kahn's
 *                 algorithm over the pathway's edges, smallest id first among the ready ones
 * @param edges    where coins went: from a station to its polluted upstream neighbour, sorted
 * @param mints    the stations the issuer minted coins to (no polluted station downstream of them), sorted by id
 * @param observed the value observed at each station, from the transfers' memos
 */
public record Pathway(List<String> sources, List<String> stations, List<Edge> edges, List<String> mints,
                      Map<String, Double> observed) {
    public Pathway {
        sources = List.copyOf(sources);
        stations = List.copyOf(stations);
        edges = List.copyOf(edges);
        mints = List.copyOf(mints);
        observed = java.util.Collections.unmodifiableMap(new TreeMap<>(observed));
    }

    /** Coins went from {@code downstream} to its polluted upstream neighbour {@code upstream}: against the flow. */
    public record Edge(String downstream, String upstream) implements Comparable<Edge> {
        @Override
        public int compareTo(Edge o) {
            int c = downstream.compareTo(o.downstream);
            return c != 0 ? c : upstream.compareTo(o.upstream);
        }

        @Override
        public String toString() {
            return downstream + " -> " + upstream;
        }
    }
}
