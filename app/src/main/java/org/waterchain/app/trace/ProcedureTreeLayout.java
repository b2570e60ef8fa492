package org.waterchain.app.trace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.waterchain.ledger.trace.NetworkCycleException;
import org.waterchain.ledger.trace.Pathway.Edge;
import org.waterchain.ledger.trace.StationGraph;

/**
 * Where each station of traced pathways goes in the procedure tree, drawn as the seed paper's Figure 7:
 * downstream on the right, upstream on the left. A station's column is its longest hop count upstream from the
 * most downstream station of its pathway, so where two branches meet (R10 and R12 both taking coins from M02 and
 * passing them on to R07) the meeting station sits left of both. Rows follow the mean row of the downstream
 * neighbours, which keeps the arrows of a branch together instead of crossing.
 */
public final class ProcedureTreeLayout {
    /**
     * Column 0 is the leftmost (most upstream); rows count from the top and may be fractional: a station where
     * two branches meet sits between them.
     */
    public record Cell(int column, double row) {}

    /** {@code rows} is one more than the largest row, the height the drawing needs in rows. */
    public record Layout(Map<String, Cell> cells, int columns, double rows) {
        public Layout {
            cells = Map.copyOf(cells);
        }
    }

    private ProcedureTreeLayout() {}

    /**
     * @param stations every polluted station of the time point (stations without edges are single-station
     *                 pathways: a source with its own mint)
     * @param edges    coin transfers, downstream -> upstream; the graph must be acyclic, as the station graph is
     * @throws IllegalArgumentException when the edges form a cycle or name a station not in {@code stations}
     */
    public static Layout layout(Collection<String> stations, Collection<Edge> edges) {
        Map<String, List<String>> upstreamOf = new TreeMap<>();
        Map<String, List<String>> downstreamOf = new TreeMap<>();
        for (String s : new TreeSet<>(stations)) {
            upstreamOf.put(s, new ArrayList<>());
            downstreamOf.put(s, new ArrayList<>());
        }
        for (Edge e : edges) {
            if (!upstreamOf.containsKey(e.downstream()) || !upstreamOf.containsKey(e.upstream())) {
                throw new IllegalArgumentException("edge " + e.downstream() + " -> " + e.upstream()
                        + " names a station that is not in the trace");
            }
            upstreamOf.get(e.downstream()).add(e.upstream());
            downstreamOf.get(e.upstream()).add(e.downstream());
        }
        List<String> order = downstreamFirst(upstreamOf);
        Map<String, Integer> depth = new HashMap<>();
        for (String s : order) {
            int d = 0;
            for (String down : downstreamOf.get(s)) {
                d = Math.max(d, depth.get(down) + 1);
            }
            depth.put(s, d);
        }
        int maxDepth = depth.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        Map<Integer, List<String>> byColumn = new TreeMap<>();
        for (String s : order) {
            byColumn.computeIfAbsent(maxDepth - depth.get(s), c -> new ArrayList<>()).add(s);
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        Map<String, Double> rowKey = new HashMap<>();
        double rows = 0;
        // right to left: the downstream column is placed first, every other column follows its neighbours
        for (int column = maxDepth; column >= 0; column--) {
            List<String> col = byColumn.getOrDefault(column, List.of());
            for (String s : col) {
                rowKey.put(s, downstreamOf.get(s).stream().mapToDouble(d -> cells.get(d).row()).average()
                        .orElse(Double.MAX_VALUE));
            }
            List<String> sorted = new ArrayList<>(col);
            sorted.sort(Comparator.comparingDouble((String s) -> rowKey.get(s)).thenComparing(s -> s));
            double next = 0;
            for (String s : sorted) {
                // level with its downstream neighbours where there is room, so a branch reads as a straight line
                double key = rowKey.get(s);
                double row = key == Double.MAX_VALUE ? next : Math.max(next, key);
                cells.put(s, new Cell(column, row));
                next = row + 1;
            }
            rows = Math.max(rows, next);
        }
        return new Layout(cells, maxDepth + 1, rows);
    }

    /** Downstream first: the ledger's own Kahn order of the station graph, reversed; a cycle is refused by name. */
    private static List<String> downstreamFirst(Map<String, List<String>> upstreamOf) {
        StationGraph.Builder graph = StationGraph.builder();
        upstreamOf.forEach((down, ups) -> {
            graph.station(down);
            ups.forEach(up -> graph.flow(up, down));
        });
        try {
            List<String> order = new ArrayList<>(graph.build().flowOrder());
            Collections.reverse(order);
            return order;
        } catch (NetworkCycleException e) {
            throw new IllegalArgumentException("the traced transfers form a cycle through " + String.join(", ", e.nodes()), e);
        }
    }
}
