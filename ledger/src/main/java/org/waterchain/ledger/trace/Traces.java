package org.waterchain.ledger.trace;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.store.OutputRow;
import org.waterchain.ledger.store.StoredEntry;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.OutPoint;
import org.waterchain.ledger.value.Transfer;
import org.waterchain.ledger.value.ValueEntry;

/**
 * Reading traces back from a ledger, on any node (no key needed): which time points were traced, and the pathways
 * of one. Reads through {@link LedgerQueries}: call it off the FX thread.
 */
public final class Traces {
    private final LedgerQueries queries;

    public Traces(LedgerQueries queries) {
        this.queries = queries;
    }

    /** Traced events with time point in [fromMs, toMs), oldest first, then by quantity. */
    public List<TracedEvent> tracedEvents(long fromMs, long toMs) {
        record Row(String quantity, long timePoint, int step, String station, long amount) {}
        List<Row> rows = queries.query("traced events", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT quantity, time_point, step, station, amount"
                    + " FROM pollution_steps WHERE time_point >= ? AND time_point < ? ORDER BY time_point, quantity, height, idx")) {
                ps.setLong(1, fromMs);
                ps.setLong(2, toMs);
                List<Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Row(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getLong(5)));
                    }
                }
                return out;
            }
        });
        Map<String, List<Row>> byTrace = new LinkedHashMap<>();
        for (Row r : rows) {
            byTrace.computeIfAbsent(r.quantity() + "|" + r.timePoint(), k -> new ArrayList<>()).add(r);
        }
        List<TracedEvent> out = new ArrayList<>(byTrace.size());
        for (List<Row> trace : byTrace.values()) {
            Row first = trace.get(0);
            TreeSet<String> sources = new TreeSet<>();
            TreeSet<String> acted = new TreeSet<>();
            long minted = 0;
            long collected = 0;
            for (Row r : trace) {
                PollutionStep step = PollutionStep.of(r.step());
                if (step == PollutionStep.MINT) {
                    minted += r.amount();
                } else {
                    acted.add(r.station());
                }
                if (step == PollutionStep.COLLECT) {
                    sources.add(r.station());
                    collected += r.amount();
                }
            }
            Quantity q = Quantity.bySymbol(first.quantity()).orElseThrow();
            // coins are conserved from the mints to the collection, so equal sums mean none is left at a station
            out.add(new TracedEvent(first.quantity(), first.timePoint(), PollutionAddresses.collection(q, first.timePoint()),
                    List.copyOf(sources), acted.size(), trace.size(), minted == collected));
        }
        return out;
    }

    /**
     * The pathways of a trace from its transactions alone (the seed paper's Algorithm 1): the coins at the collection
     * address, each walked back through the inputs of the transfers that moved it to the mints; each transfer's memo
     * names its station and observed value. Coins still held by a station (a trace under way) are not seen.
     */
    public TraceResult extract(Quantity q, long timePointMs) {
        Address collection = PollutionAddresses.collection(q, timePointMs);
        String asset = Asset.pollution(q);
        Map<String, Step> steps = new HashMap<>();
        Deque<byte[]> pending = new ArrayDeque<>();
        for (OutputRow coin : queries.unspent(collection)) {
            if (coin.asset().equals(asset)) {
                pending.add(coin.txid());
            }
        }
        while (!pending.isEmpty()) {
            byte[] txid = pending.poll();
            String key = Hex.of(txid);
            if (steps.containsKey(key)) {
                continue;
            }
            Step s = step(txid);
            steps.put(key, s);
            for (OutPoint in : s.transfer().inputs()) {
                pending.add(in.txid());
            }
        }
        return new TraceResult(q.symbol(), timePointMs, collection, pathways(steps), steps.size());
    }

    private record Step(PollutionMemo memo, Transfer transfer) {}

    private Step step(byte[] txid) {
        StoredEntry e = queries.transaction(txid).orElseThrow(() -> new IllegalStateException(
                "transaction " + Hex.of(txid) + " of a trace is missing from the ledger"));
        Transfer t = ValueEntry.decode(e.raw()).transfer();
        return new Step(PollutionMemo.decode(t.memo()), t);
    }

    /** Groups the stations linked by coin flow (union-find over the edges) into pathways. */
    private static List<Pathway> pathways(Map<String, Step> steps) {
        Map<String, Double> observed = new TreeMap<>();
        TreeSet<String> sources = new TreeSet<>();
        TreeSet<String> mints = new TreeSet<>();
        TreeSet<Pathway.Edge> edges = new TreeSet<>();
        for (Step s : steps.values()) {
            String station = s.memo().stationId();
            observed.put(station, s.memo().observed());
            if (s.memo().step() == PollutionStep.MINT) {
                mints.add(station);
            } else if (s.memo().step() == PollutionStep.COLLECT) {
                sources.add(station);
            }
            for (OutPoint in : s.transfer().inputs()) {
                Step from = steps.get(Hex.of(in.txid()));
                if (from.memo().step() == PollutionStep.PASS) {
                    edges.add(new Pathway.Edge(from.memo().stationId(), station));
                }
            }
        }
        Map<String, String> parent = new HashMap<>();
        for (String s : observed.keySet()) {
            parent.put(s, s);
        }
        for (Pathway.Edge e : edges) {
            String a = root(parent, e.downstream());
            String b = root(parent, e.upstream());
            if (!a.equals(b)) {
                parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
            }
        }
        Map<String, List<String>> members = new TreeMap<>();
        for (String s : observed.keySet()) {
            members.computeIfAbsent(root(parent, s), k -> new ArrayList<>()).add(s);
        }
        List<Pathway> out = new ArrayList<>(members.size());
        for (List<String> component : members.values()) {
            TreeSet<String> in = new TreeSet<>(component);
            List<Pathway.Edge> own = edges.stream().filter(e -> in.contains(e.downstream())).toList();
            out.add(new Pathway(in.stream().filter(sources::contains).toList(), flowOrder(in, own), own,
                    in.stream().filter(mints::contains).toList(), filter(observed, in)));
        }
        out.sort(java.util.Comparator.comparing(p -> p.sources().isEmpty() ? p.stations().get(0) : p.sources().get(0)));
        return out;
    }

    /** Upstream first, smallest id first among the ready: the station graph's own order, over the coins' edges. */
    private static List<String> flowOrder(TreeSet<String> stations, List<Pathway.Edge> edges) {
        StationGraph.Builder graph = StationGraph.builder();
        stations.forEach(graph::station);
        edges.forEach(e -> graph.flow(e.upstream(), e.downstream()));
        return graph.build().flowOrder();
    }

    private static String root(Map<String, String> parent, String s) {
        String r = s;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        parent.put(s, r);
        return r;
    }

    private static Map<String, Double> filter(Map<String, Double> observed, TreeSet<String> keep) {
        Map<String, Double> out = new TreeMap<>();
        keep.forEach(s -> out.put(s, observed.get(s)));
        return out;
    }
}
