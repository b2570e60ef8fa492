package org.waterchain.ledger.trace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.waterchain.ledger.chain.LedgerEntry;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.crypto.Hashes;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.OutPoint;
import org.waterchain.ledger.value.Output;
import org.waterchain.ledger.value.Transfer;
import org.waterchain.ledger.value.ValueEntry;

/**
 * Backward pollution source tracing (BPST, the seed paper's procedure) as a pure, deterministic function: from the
 * station graph and the polluted stations of one (quantity, time point) to the ordered transfers that the issuer
 * signs. Stations are visited downstream first: a polluted station that no polluted downstream neighbour hands
 * coins to is minted coins; every polluted station then hands all its coins to its polluted upstream neighbours
 * (a pass) or, having none, to the collection address (a collect: it is a source). For n polluted stations that
 * is n passes and collects plus 1..n mints, so n+1..2n transactions.
 *
 * <p>Amounts: a pass splits its coins with {@link PollutionContract#split}, which needs at least one coin per
 * receiver; so each station is minted the least amount that lets every split along its way give every receiver
 * one coin or more: need(source) = 1, need(s) = receivers(s) x max need(receiver). Coins merging from several
 * downstream stations only add up, so that is always enough.
 */
public final class BpstPlanner {
    private static final byte[] NONCE_DOMAIN = "WaterChain/bpst-nonce/v1\0".getBytes(StandardCharsets.US_ASCII);

    private BpstPlanner() {}

    /**
     * @param observed the polluted stations and the value observed at each (see {@link Exceedance})
     * @throws IllegalArgumentException for an empty or unknown station set, a time point that is not the start of
     *                                  one, or a trace the transfer format cannot carry (more than 255 polluted
     *                                  neighbours on one side of a station, or more than 2^63-1 coins)
     */
    public static TracePlan plan(StationGraph graph, Quantity q, long timePointMs, Map<String, Double> observed) {
        if (observed.isEmpty()) {
            throw new IllegalArgumentException("no polluted station to trace");
        }
        if (timePointMs != PollutionContract.timePointOf(timePointMs)) {
            throw new IllegalArgumentException("time point " + timePointMs + " is not the start of a time point");
        }
        // Positions 0..n-1 follow station index order, which is id order.
        int[] station = new int[observed.size()];
        int n = 0;
        for (Map.Entry<String, Double> e : new TreeMap<>(observed).entrySet()) {
            int i = graph.indexOf(e.getKey());
            if (i < 0) {
                throw new IllegalArgumentException("polluted station '" + e.getKey() + "' is not in the station graph");
            }
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("observed value of " + e.getKey() + " is not a finite number");
            }
            station[n++] = i;
        }
        Map<Integer, Integer> position = new HashMap<>(n * 2);
        for (int p = 0; p < n; p++) {
            position.put(station[p], p);
        }
        int[][] receivers = new int[n][];
        int[] pollutedDown = new int[n];
        for (int p = 0; p < n; p++) {
            receivers[p] = polluted(graph.up(station[p]), position);
            pollutedDown[p] = polluted(graph.down(station[p]), position).length;
            if (receivers[p].length > Transfer.MAX_OUTPUTS || pollutedDown[p] > Transfer.MAX_INPUTS) {
                throw new IllegalArgumentException("station " + graph.id(station[p]) + " has more than 255 polluted"
                        + " neighbours on one side: a transfer cannot carry its step");
            }
        }
        int[] order = StationGraph.kahn(receivers, pollutedDown.clone()); // downstream first, smallest id when tied
        long[] need = new long[n];
        for (int k = n - 1; k >= 0; k--) {
            int p = order[k];
            long most = 1;
            for (int r : receivers[p]) {
                most = Math.max(most, need[r]);
            }
            try {
                need[p] = receivers[p].length == 0 ? 1 : Math.multiplyExact(receivers[p].length, most);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("the trace of " + q.symbol() + " at " + timePointMs
                        + " would need more than 2^63-1 coins at station " + graph.id(station[p]));
            }
        }

        String asset = Asset.pollution(q);
        Address collection = PollutionAddresses.collection(q, timePointMs);
        Address[] address = new Address[n];
        for (int p = 0; p < n; p++) {
            address[p] = PollutionAddresses.station(q, timePointMs, graph.id(station[p]));
        }
        List<List<OutPoint>> holding = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            holding.add(new ArrayList<>(2));
        }
        long[] held = new long[n];
        List<PlannedStep> steps = new ArrayList<>(2 * n);
        for (int p : order) {
            if (pollutedDown[p] == 0) {
                String id = graph.id(station[p]);
                Transfer t = transfer(List.of(), List.of(new Output(asset, need[p], address[p])),
                        PollutionStep.MINT, q, timePointMs, id, observed.get(id));
                byte[] txid = add(steps, PollutionStep.MINT, id, t);
                holding.get(p).add(new OutPoint(txid, 0));
                held[p] += need[p];
            }
        }
        for (int p : order) {
            String id = graph.id(station[p]);
            List<Output> outs = new ArrayList<>(Math.max(1, receivers[p].length));
            PollutionStep step;
            if (receivers[p].length == 0) {
                step = PollutionStep.COLLECT;
                outs.add(new Output(asset, held[p], collection));
            } else {
                step = PollutionStep.PASS;
                long[] shares = PollutionContract.split(held[p], receivers[p].length);
                for (int i = 0; i < shares.length; i++) {
                    outs.add(new Output(asset, shares[i], address[receivers[p][i]]));
                }
            }
            Transfer t = transfer(holding.get(p), outs, step, q, timePointMs, id, observed.get(id));
            byte[] txid = add(steps, step, id, t);
            for (int i = 0; i < receivers[p].length; i++) {
                int r = receivers[p][i];
                holding.get(r).add(new OutPoint(txid, i));
                held[r] += outs.get(i).amount();
            }
        }
        return new TracePlan(q, timePointMs, collection, steps);
    }

    /** The deterministic nonce of a step: two planners of the same trace build the same bytes. */
    public static long nonce(PollutionStep step, Quantity q, long timePointMs, String stationId) {
        byte[] label = new CanonicalWriter(64).u8(step.code()).text(q.symbol()).i64(timePointMs).text(stationId).toByteArray();
        byte[] m = Arrays.copyOf(NONCE_DOMAIN, NONCE_DOMAIN.length + label.length);
        System.arraycopy(label, 0, m, NONCE_DOMAIN.length, label.length);
        long v = 0;
        byte[] h = Hashes.sha256(m);
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xFF);
        }
        return v;
    }

    private static Transfer transfer(List<OutPoint> inputs, List<Output> outputs, PollutionStep step, Quantity q,
                                     long timePointMs, String stationId, double observed) {
        byte[] memo = new PollutionMemo(step, q, timePointMs, stationId, observed).encode();
        return new Transfer(inputs, outputs, memo, nonce(step, q, timePointMs, stationId));
    }

    private static byte[] add(List<PlannedStep> steps, PollutionStep step, String station, Transfer t) {
        byte[] txid = ValueEntry.txid(LedgerEntry.TYPE_TRANSFER, t.encode());
        steps.add(new PlannedStep(step, station, t, txid));
        return txid;
    }

    /** Positions of the polluted stations among {@code neighbours}, in id order. */
    private static int[] polluted(int[] neighbours, Map<Integer, Integer> position) {
        int[] out = new int[neighbours.length];
        int k = 0;
        for (int s : neighbours) {
            Integer p = position.get(s);
            if (p != null) {
                out[k++] = p;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }
}
