package org.waterchain.ledger.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;

/**
 * The monitoring stations and how water flows between them, as a DAG whose edges point upstream (against the
 * flow), as in the seed paper's procedure tree. A station's upstream neighbours are the nearest stations reached
 * walking against the flow through nodes that are not stations (junctions, outlets); its downstream neighbours
 * are the stations that have it as an upstream neighbour. Immutable; neighbour lists are sorted by id.
 */
public final class StationGraph {
    private final String[] ids;
    private final Map<String, Integer> index;
    private final int[][] up;
    private final int[][] down;
    private volatile int[] flowOrder;

    private StationGraph(String[] ids, int[][] up) {
        this.ids = ids;
        this.up = up;
        this.index = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
        }
        int[] count = new int[ids.length];
        for (int[] u : up) {
            for (int s : u) {
                count[s]++;
            }
        }
        down = new int[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            down[i] = new int[count[i]];
            count[i] = 0;
        }
        for (int s = 0; s < ids.length; s++) { // s ascending, so every down list comes out sorted
            for (int u : up[s]) {
                down[u][count[u]++] = s;
            }
        }
    }

    /**
     * The station graph of a channel network (each channel flows from its {@code fromNode} to its {@code toNode}).
     * Nodes that are not registered stations are junctions the walk passes through.
     *
     * @throws NetworkCycleException naming a cycle of the channel network
     */
    public static StationGraph fromChannels(Collection<String> stationIds, Collection<AddChannel> channels) {
        TreeSet<String> names = new TreeSet<>(stationIds);
        List<AddChannel> chs = new ArrayList<>(channels);
        chs.sort(Comparator.comparing(AddChannel::id));
        for (AddChannel c : chs) {
            names.add(c.fromNode());
            names.add(c.toNode());
        }
        String[] nodes = names.toArray(new String[0]);
        Map<String, Integer> nodeIndex = new HashMap<>(nodes.length * 2);
        for (int i = 0; i < nodes.length; i++) {
            nodeIndex.put(nodes[i], i);
        }
        int n = nodes.length;
        int m = chs.size();
        int[] from = new int[m];
        int[] to = new int[m];
        int[] outCount = new int[n];
        int[] inCount = new int[n];
        for (int c = 0; c < m; c++) {
            from[c] = nodeIndex.get(chs.get(c).fromNode());
            to[c] = nodeIndex.get(chs.get(c).toNode());
            outCount[from[c]]++;
            inCount[to[c]]++;
        }
        int[][] succ = new int[n][];
        int[][] inSrc = new int[n][];
        int[][] inEdge = new int[n][];
        for (int i = 0; i < n; i++) {
            succ[i] = new int[outCount[i]];
            inSrc[i] = new int[inCount[i]];
            inEdge[i] = new int[inCount[i]];
            outCount[i] = 0;
            inCount[i] = 0;
        }
        for (int c = 0; c < m; c++) {
            succ[from[c]][outCount[from[c]]++] = to[c];
            inSrc[to[c]][inCount[to[c]]] = from[c];
            inEdge[to[c]][inCount[to[c]]++] = c;
        }
        int[] order = kahn(succ, inCount.clone());
        if (order.length < n) {
            List<String> labels = chs.stream().map(AddChannel::id).toList();
            throw cycle("channel network", nodes, inSrc, inEdge, labels, done(order, n));
        }
        String[] stations = new TreeSet<>(stationIds).toArray(new String[0]);
        int[] stationOf = new int[n];
        Arrays.fill(stationOf, -1);
        for (int s = 0; s < stations.length; s++) {
            stationOf[nodeIndex.get(stations[s])] = s;
        }
        int[][] nearest = new int[n][];
        int[][] up = new int[stations.length][];
        for (int v : order) {
            int size = 0;
            for (int u : inSrc[v]) {
                size += stationOf[u] >= 0 ? 1 : nearest[u].length;
            }
            int[] reached = new int[size];
            int k = 0;
            for (int u : inSrc[v]) {
                if (stationOf[u] >= 0) {
                    reached[k++] = stationOf[u];
                } else {
                    System.arraycopy(nearest[u], 0, reached, k, nearest[u].length);
                    k += nearest[u].length;
                }
            }
            int[] set = sortedDistinct(reached);
            if (stationOf[v] >= 0) {
                up[stationOf[v]] = set;
            } else {
                nearest[v] = set;
            }
        }
        return new StationGraph(stations, up);
    }

    /** A graph given directly as links between stations, for planning without a registry (tests, benchmarks). */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects stations and flow links between them (water flows from {@code upstream} to {@code downstream}). */
    public static final class Builder {
        private final TreeSet<String> stations = new TreeSet<>();
        private final List<String[]> links = new ArrayList<>();

        private Builder() {}

        public Builder station(String id) {
            stations.add(id);
            return this;
        }

        public Builder flow(String upstream, String downstream) {
            stations.add(upstream);
            stations.add(downstream);
            links.add(new String[] {upstream, downstream});
            return this;
        }

        /** @throws NetworkCycleException naming a cycle of the links */
        public StationGraph build() {
            String[] ids = stations.toArray(new String[0]);
            Map<String, Integer> idx = new HashMap<>(ids.length * 2);
            for (int i = 0; i < ids.length; i++) {
                idx.put(ids[i], i);
            }
            int n = ids.length;
            int[] outCount = new int[n];
            int[] inCount = new int[n];
            int[] a = new int[links.size()];
            int[] b = new int[links.size()];
            for (int l = 0; l < links.size(); l++) {
                a[l] = idx.get(links.get(l)[0]);
                b[l] = idx.get(links.get(l)[1]);
                outCount[a[l]]++;
                inCount[b[l]]++;
            }
            int[][] succ = new int[n][];
            int[][] inSrc = new int[n][];
            for (int i = 0; i < n; i++) {
                succ[i] = new int[outCount[i]];
                inSrc[i] = new int[inCount[i]];
                outCount[i] = 0;
                inCount[i] = 0;
            }
            for (int l = 0; l < a.length; l++) {
                succ[a[l]][outCount[a[l]]++] = b[l];
                inSrc[b[l]][inCount[b[l]]++] = a[l];
            }
            int[] order = kahn(succ, inCount.clone());
            if (order.length < n) {
                throw cycle("station graph", ids, inSrc, null, List.of(), done(order, n));
            }
            int[][] up = new int[n][];
            for (int i = 0; i < n; i++) {
                up[i] = sortedDistinct(inSrc[i].clone());
            }
            return new StationGraph(ids, up);
        }
    }

    /** Station ids, sorted. */
    public List<String> stations() {
        return List.of(ids);
    }

    /** The nearest stations upstream (where its water comes from), sorted by id. */
    public List<String> upstreamOf(String id) {
        return names(up[require(id)]);
    }

    /** The nearest stations downstream, sorted by id. */
    public List<String> downstreamOf(String id) {
        return names(down[require(id)]);
    }

    /**
     * Every station in flow direction (upstream first), by Kahn's algorithm taking the smallest id among the
     * stations ready at each step, so the order is the same on every replica.
     */
    public List<String> flowOrder() {
        int[] o = flowOrder;
        if (o == null) {
            int[] indeg = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                indeg[i] = up[i].length;
            }
            o = kahn(down, indeg);
            flowOrder = o;
        }
        return names(o);
    }

    // ---- index-level access for the planner and the rules ----

    int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    String id(int i) {
        return ids[i];
    }

    int[] up(int i) {
        return up[i];
    }

    int[] down(int i) {
        return down[i];
    }

    private int require(String id) {
        Integer i = index.get(id);
        if (i == null) {
            throw new IllegalArgumentException("'" + id + "' is not a station of this graph");
        }
        return i;
    }

    private List<String> names(int[] is) {
        String[] out = new String[is.length];
        for (int i = 0; i < is.length; i++) {
            out[i] = ids[is[i]];
        }
        return List.of(out);
    }

    /**
     * Kahn's algorithm over nodes numbered in id order: always takes the smallest ready node. Returns the nodes it
     * could order; fewer than all means a cycle. {@code indeg} is consumed.
     */
    static int[] kahn(int[][] succ, int[] indeg) {
        int n = succ.length;
        IntHeap ready = new IntHeap(Math.max(16, n / 8));
        for (int i = 0; i < n; i++) {
            if (indeg[i] == 0) {
                ready.add(i);
            }
        }
        int[] order = new int[n];
        int k = 0;
        while (!ready.isEmpty()) {
            int v = ready.poll();
            order[k++] = v;
            for (int w : succ[v]) {
                if (--indeg[w] == 0) {
                    ready.add(w);
                }
            }
        }
        return k == n ? order : Arrays.copyOf(order, k);
    }

    private static boolean[] done(int[] order, int n) {
        boolean[] done = new boolean[n];
        for (int v : order) {
            done[v] = true;
        }
        return done;
    }

    /**
     * Names one cycle among the nodes Kahn could not order. Each of them still has a predecessor among them, so
     * walking predecessors (by the smallest edge, or source, index) from the smallest one must come back to a node
     * already on the walk. The cycle is then given in flow direction, starting at its smallest id.
     */
    private static NetworkCycleException cycle(String what, String[] names, int[][] inSrc, int[][] inEdge,
                                               List<String> edgeLabels, boolean[] done) {
        int start = 0;
        while (done[start]) {
            start++;
        }
        Map<Integer, Integer> position = new HashMap<>();
        List<Integer> path = new ArrayList<>();
        List<Integer> edges = new ArrayList<>();
        int v = start;
        while (!position.containsKey(v)) {
            position.put(v, path.size());
            path.add(v);
            int pick = -1;
            for (int j = 0; j < inSrc[v].length; j++) {
                if (done[inSrc[v][j]]) {
                    continue;
                }
                if (pick < 0 || (inEdge != null ? inEdge[v][j] < inEdge[v][pick] : inSrc[v][j] < inSrc[v][pick])) {
                    pick = j;
                }
            }
            edges.add(inEdge != null ? inEdge[v][pick] : -1);
            v = inSrc[v][pick];
        }
        int p = position.get(v);
        int k = path.size() - 1;
        // walked backwards: edges[i] runs from path[i+1] to path[i], and edges[k] from path[p] to path[k]
        List<Integer> flowNodes = new ArrayList<>();
        List<Integer> flowEdges = new ArrayList<>();
        flowNodes.add(path.get(p));
        for (int i = k; i > p; i--) {
            flowNodes.add(path.get(i));
        }
        for (int i = k; i >= p; i--) {
            flowEdges.add(edges.get(i));
        }
        int first = 0;
        for (int i = 1; i < flowNodes.size(); i++) {
            if (names[flowNodes.get(i)].compareTo(names[flowNodes.get(first)]) < 0) {
                first = i;
            }
        }
        List<String> cycleNodes = new ArrayList<>();
        List<String> cycleEdges = new ArrayList<>();
        for (int i = 0; i < flowNodes.size(); i++) {
            int j = (first + i) % flowNodes.size();
            cycleNodes.add(names[flowNodes.get(j)]);
            if (inEdge != null) {
                cycleEdges.add(edgeLabels.get(flowEdges.get(j)));
            }
        }
        return new NetworkCycleException(what, cycleNodes, cycleEdges);
    }

    private static int[] sortedDistinct(int[] a) {
        if (a.length < 2) {
            return a;
        }
        Arrays.sort(a);
        int k = 1;
        for (int i = 1; i < a.length; i++) {
            if (a[i] != a[k - 1]) {
                a[k++] = a[i];
            }
        }
        return k == a.length ? a : Arrays.copyOf(a, k);
    }

    /** A binary min-heap of ints: Kahn's ready set without boxing. */
    private static final class IntHeap {
        private int[] heap;
        private int size;

        IntHeap(int capacity) {
            heap = new int[capacity];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void add(int v) {
            if (size == heap.length) {
                heap = Arrays.copyOf(heap, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (heap[parent] <= v) {
                    break;
                }
                heap[i] = heap[parent];
                i = parent;
            }
            heap[i] = v;
        }

        int poll() {
            int top = heap[0];
            int last = heap[--size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && heap[child + 1] < heap[child]) {
                    child++;
                }
                if (heap[child] >= last) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = last;
            return top;
        }
    }
}
