package org.waterchain.ledger.validation;

import static org.waterchain.ledger.validation.Violation.Code.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.registry.Registry;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;
import org.waterchain.ledger.store.LedgerDatabase;
import org.waterchain.ledger.store.OutputRow;
import org.waterchain.ledger.trace.Exceedance;
import org.waterchain.ledger.trace.NetworkCycleException;
import org.waterchain.ledger.trace.PollutionAddresses;
import org.waterchain.ledger.trace.PollutionContract;
import org.waterchain.ledger.trace.PollutionMemo;
import org.waterchain.ledger.trace.PollutionStep;
import org.waterchain.ledger.trace.StationGraph;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.OutPoint;
import org.waterchain.ledger.value.Output;
import org.waterchain.ledger.value.Transfer;

/**
 * The pollution-coin contract, run by every replica on each transfer that touches a POLLUTION:* asset, in place of
 * the usual ownership and conservation rules: pollution coins live only at contract addresses
 * ({@link PollutionAddresses}), which no key controls, and move only as backward source tracing moves them. The
 * issuer plans a trace ({@code BpstPlanner}); this checks each step against the data chain as of the block being
 * applied, read on the writer's connection inside the block's transaction: nothing but block and record contents
 * decides, so every replica and the audit agree. Rules in the order they are checked, each with its own code.
 */
final class PollutionRules {
    private final LedgerDatabase db;
    private Registry graphRegistry;
    private long graphRevision;
    private StationGraph graph;
    private NetworkCycleException cycle;
    /** Observed values read in the block being applied: no record joins the data chain within a value block. */
    private final Map<String, Observed> observedInBlock = new HashMap<>();

    private record Observed(SetStandard standard, OptionalDouble value) {}

    PollutionRules(LedgerDatabase db) {
        this.db = db;
    }

    /** Called as each block starts: records may have joined the data chain since the last one. */
    void beginBlock() {
        observedInBlock.clear();
    }

    static boolean isPollution(String asset) {
        return asset.startsWith(Asset.POLLUTION_PREFIX);
    }

    /**
     * @param spent the rows of the transfer's inputs, all existing and unspent
     * @return the memo, for the trace index
     */
    PollutionMemo check(Transfer t, OutputRow[] spent, Set<Address> signers, Registry registry) throws Violation {
        PollutionMemo memo;
        try {
            memo = PollutionMemo.decode(t.memo());
        } catch (DecodeException | IllegalArgumentException e) {
            throw new Violation(POLLUTION_MEMO_INVALID, "a transfer of pollution coins must carry a pollution memo: "
                    + e.getMessage());
        }
        Quantity q = memo.quantity();
        long tp = memo.timePointMs();
        String station = memo.stationId();
        String asset = Asset.pollution(q);
        String what = memo.step() + " of " + asset + " at " + station + " for " + Instant.ofEpochMilli(tp);
        for (int i = 0; i < t.outputs().size(); i++) {
            if (!asset.equals(t.outputs().get(i).asset())) {
                throw new Violation(POLLUTION_ASSET_MISMATCH, what + ": output " + i + " is " + t.outputs().get(i).asset()
                        + "; the trace moves only " + asset);
            }
        }
        for (int i = 0; i < spent.length; i++) {
            if (!asset.equals(spent[i].asset())) {
                throw new Violation(POLLUTION_ASSET_MISMATCH, what + ": input " + i + " is " + spent[i].asset()
                        + "; the trace moves only " + asset);
            }
        }
        if (signers.stream().noneMatch(s -> registry.hasLicence(asset, s))) {
            throw new Violation(POLLUTION_NOT_ISSUER, what + ": no signer holds a licence to issue " + asset
                    + ", and only a licensed issuer moves coins of a trace");
        }
        if (registry.station(station).isEmpty()) {
            throw new Violation(UNKNOWN_STATION, what + ": " + station + " is not a registered station");
        }
        StationGraph g = graph(registry);
        double observed = observed(registry, q, tp, station).orElseThrow(() -> new Violation(POLLUTION_NOT_POLLUTED,
                what + ": no reading of " + q.symbol() + " at " + station + " in that hour exceeds "
                        + describe(registry, q)));
        if (Double.doubleToLongBits(observed) != Double.doubleToLongBits(memo.observed())) {
            throw new Violation(POLLUTION_VALUE_MISMATCH, what + ": the memo says " + memo.observed()
                    + " but the value observed on the data chain is " + observed);
        }
        Address own = PollutionAddresses.station(q, tp, station);
        List<String> pollutedDown = polluted(registry, q, tp, g.downstreamOf(station));
        if (memo.step() == PollutionStep.MINT) {
            checkMint(t, what, own, pollutedDown, q, tp);
            return memo;
        }
        long total = checkInputs(t, spent, what, own, asset);
        for (String d : pollutedDown) {
            Address a = PollutionAddresses.station(q, tp, d);
            if (!db.hasHistory(a.toString()) || !db.unspentAt(a.toString(), asset).isEmpty()) {
                throw new Violation(POLLUTION_OUT_OF_ORDER, what + ": its polluted downstream neighbour " + d
                        + " has not yet passed its coins on; " + station + " acts once it holds all its coins");
            }
        }
        List<String> receivers = polluted(registry, q, tp, g.upstreamOf(station));
        if (memo.step() == PollutionStep.PASS) {
            checkPass(t, what, receivers, total, q, tp);
        } else {
            checkCollect(t, what, receivers, total, q, tp);
        }
        return memo;
    }

    private void checkMint(Transfer t, String what, Address own, List<String> pollutedDown, Quantity q, long tp)
            throws Violation {
        if (!t.inputs().isEmpty()) {
            throw new Violation(POLLUTION_WRONG_INPUTS, what + ": a mint spends nothing");
        }
        if (t.outputs().size() != 1 || !t.outputs().get(0).owner().equals(own)) {
            throw new Violation(POLLUTION_WRONG_RECEIVERS, what + ": a mint pays one output, to the station's tracing"
                    + " address " + own);
        }
        if (!pollutedDown.isEmpty()) {
            throw new Violation(POLLUTION_MINT_HAS_POLLUTED_DOWNSTREAM, what + ": polluted downstream neighbours "
                    + pollutedDown + " hand it their coins; only a station without one is minted coins");
        }
        if (db.hasHistory(own.toString())) {
            throw new Violation(POLLUTION_ALREADY_TRACED, what + ": the station already holds or held coins of this trace");
        }
        if (db.hasHistory(PollutionAddresses.collection(q, tp).toString())) {
            throw new Violation(POLLUTION_ALREADY_TRACED, what + ": this trace has already collected coins; a time point"
                    + " is traced once");
        }
    }

    /** All of the station's coins of this trace, and nothing else; returns their sum. */
    private long checkInputs(Transfer t, OutputRow[] spent, String what, Address own, String asset) throws Violation {
        if (spent.length == 0) {
            throw new Violation(POLLUTION_WRONG_INPUTS, what + ": spends nothing; it must spend all the station's coins");
        }
        for (int i = 0; i < spent.length; i++) {
            if (!spent[i].address().equals(own.toString())) {
                throw new Violation(POLLUTION_WRONG_INPUTS, what + ": input " + i + " belongs to " + spent[i].address()
                        + ", not to the station's tracing address " + own);
            }
        }
        List<OutputRow> held = db.unspentAt(own.toString(), asset);
        Set<OutPoint> heldPoints = new HashSet<>();
        long total = 0;
        for (OutputRow r : held) {
            heldPoints.add(new OutPoint(r.txid(), r.vout()));
            try {
                total = Math.addExact(total, r.amount());
            } catch (ArithmeticException e) {
                throw new Violation(POLLUTION_WRONG_INPUTS, what + ": the station holds more than 2^63-1 coins");
            }
        }
        if (held.size() != t.inputs().size() || !heldPoints.containsAll(t.inputs())) {
            throw new Violation(POLLUTION_WRONG_INPUTS, what + ": spends " + t.inputs().size() + " of the station's "
                    + held.size() + " outputs; it must spend all of them at once");
        }
        return total;
    }

    private static void checkPass(Transfer t, String what, List<String> receivers, long total, Quantity q, long tp)
            throws Violation {
        if (receivers.isEmpty()) {
            throw new Violation(POLLUTION_WRONG_RECEIVERS, what + ": the station has no polluted upstream neighbour, so it"
                    + " is a source and collects instead");
        }
        List<Output> outs = t.outputs();
        boolean match = outs.size() == receivers.size();
        for (int i = 0; match && i < outs.size(); i++) {
            match = outs.get(i).owner().equals(PollutionAddresses.station(q, tp, receivers.get(i)));
        }
        if (!match) {
            throw new Violation(POLLUTION_WRONG_RECEIVERS, what + ": must pay exactly its polluted upstream neighbours "
                    + receivers + ", in that order, at their tracing addresses");
        }
        long[] shares;
        try {
            shares = PollutionContract.split(total, receivers.size());
        } catch (IllegalArgumentException e) {
            throw new Violation(POLLUTION_WRONG_SPLIT, what + ": " + e.getMessage());
        }
        for (int i = 0; i < shares.length; i++) {
            if (outs.get(i).amount() != shares[i]) {
                throw new Violation(POLLUTION_WRONG_SPLIT, what + ": pays " + outs.get(i).amount() + " to "
                        + receivers.get(i) + "; the split of " + total + " coins gives it " + shares[i]);
            }
        }
    }

    private static void checkCollect(Transfer t, String what, List<String> receivers, long total, Quantity q, long tp)
            throws Violation {
        if (!receivers.isEmpty()) {
            throw new Violation(POLLUTION_NOT_SOURCE, what + ": polluted upstream neighbours " + receivers
                    + " are closer to the source; it passes its coins to them");
        }
        Address collection = PollutionAddresses.collection(q, tp);
        if (t.outputs().size() != 1 || !t.outputs().get(0).owner().equals(collection)) {
            throw new Violation(POLLUTION_WRONG_RECEIVERS, what + ": a collect pays one output, to the collection address "
                    + collection);
        }
        if (t.outputs().get(0).amount() != total) {
            throw new Violation(POLLUTION_WRONG_SPLIT, what + ": collects " + t.outputs().get(0).amount()
                    + " of the station's " + total + " coins; it must collect them all");
        }
    }

    private List<String> polluted(Registry registry, Quantity q, long tp, List<String> stations) {
        List<String> out = new ArrayList<>(stations.size());
        for (String s : stations) {
            if (observed(registry, q, tp, s).isPresent()) {
                out.add(s);
            }
        }
        return out;
    }

    private OptionalDouble observed(Registry registry, Quantity q, long tp, String station) {
        SetStandard standard = registry.standard(q.symbol()).orElse(null);
        if (standard == null) {
            return OptionalDouble.empty();
        }
        String key = q.symbol() + "|" + tp + "|" + station;
        Observed seen = observedInBlock.get(key);
        if (seen != null && seen.standard() == standard) { // a standard set earlier in this block is a new object
            return seen.value();
        }
        List<byte[]> raw = db.recordEntriesAt(station, tp, tp + PollutionContract.TIME_POINT_MS);
        List<SensorRecord> records = new ArrayList<>(raw.size());
        for (byte[] r : raw) {
            records.add(RecordEntry.decode(r).signed().record());
        }
        OptionalDouble value = Exceedance.observed(standard, q, records);
        observedInBlock.put(key, new Observed(standard, value));
        return value;
    }

    private static String describe(Registry registry, Quantity q) {
        SetStandard s = registry.standard(q.symbol()).orElse(null);
        if (s == null) {
            return "a standard: the registry sets none for " + q.symbol();
        }
        List<String> limits = new ArrayList<>(2);
        if (!Double.isNaN(s.min())) {
            limits.add("min " + s.min());
        }
        if (!Double.isNaN(s.max())) {
            limits.add("max " + s.max());
        }
        return "the standard (" + String.join(", ", limits) + ")";
    }

    /**
     * The registry's station graph, rebuilt only when a station or channel was registered since. RegistryRules
     * refuses a channel that closes a loop, so the cycle branch guards only against a registry built otherwise.
     */
    private StationGraph graph(Registry registry) throws Violation {
        if (registry != graphRegistry || registry.networkRevision() != graphRevision) {
            graphRegistry = registry;
            graphRevision = registry.networkRevision();
            try {
                graph = StationGraph.fromChannels(registry.stationIds(), registry.channels());
                cycle = null;
            } catch (NetworkCycleException e) {
                graph = null;
                cycle = e;
            }
        }
        if (cycle != null) {
            throw new Violation(POLLUTION_NETWORK_CYCLE, "cannot trace: " + cycle.getMessage());
        }
        return graph;
    }
}
