package org.waterchain.ledger.validation;

import static org.waterchain.ledger.validation.Violation.Code.*;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.registry.Registry;
import org.waterchain.ledger.store.LedgerDatabase;
import org.waterchain.ledger.store.OutputRow;
import org.waterchain.ledger.trace.PollutionMemo;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.OutPoint;
import org.waterchain.ledger.value.Output;
import org.waterchain.ledger.value.Transfer;
import org.waterchain.ledger.value.ValueEntry;
import org.waterchain.ledger.value.Witness;

/**
 * The UTXO rules of the value chain for one transfer, in the order they are checked, then its effects. A transfer
 * that touches a pollution asset is checked by the pollution-coin contract instead of the ownership and
 * conservation rules ({@link PollutionRules}).
 */
final class TransferRules {
    private TransferRules() {}

    static void apply(PreparedEntry p, Registry registry, LedgerDatabase db, PollutionRules pollution, long height, int idx)
            throws Violation {
        ValueEntry entry = (ValueEntry) p.entry();
        Transfer t = (Transfer) p.payload();
        byte[] id = entry.txid();
        String txid = Hex.of(id).substring(0, 16);
        if (db.output(new OutPoint(id, 0)).isPresent()) {
            throw new Violation(DUPLICATE, "transaction " + txid + " is already on the chain");
        }
        if (!p.signaturesValid()) {
            throw new Violation(BAD_SIGNATURE, "a witness signature of transaction " + txid + " does not verify");
        }
        if (t.memo().length > Transfer.MAX_MEMO_BYTES) {
            throw new Violation(MEMO_TOO_LONG, "memo of " + t.memo().length + " bytes exceeds " + Transfer.MAX_MEMO_BYTES);
        }
        for (Output o : t.outputs()) {
            String problem = Asset.problemWith(o.asset());
            if (problem != null) {
                throw new Violation(INVALID_ASSET, problem);
            }
        }
        Set<Address> signers = new HashSet<>();
        for (Witness w : entry.witnesses()) {
            signers.add(w.address());
        }
        boolean touchesPollution = t.outputs().stream().anyMatch(o -> PollutionRules.isPollution(o.asset()));
        Map<String, Long> in = new TreeMap<>();
        Set<OutPoint> seen = new HashSet<>();
        List<OutPoint> inputs = t.inputs();
        OutputRow[] spent = new OutputRow[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            OutPoint op = inputs.get(i);
            if (!seen.add(op)) {
                throw new Violation(DUPLICATE_INPUT, "input " + op + " is spent twice in one transaction");
            }
            OutputRow row = db.output(op).orElseThrow(() -> new Violation(MISSING_INPUT, "input " + op + " does not exist"));
            if (row.spent()) {
                throw new Violation(DOUBLE_SPEND, "input " + op + " was already spent by transaction "
                        + Hex.of(row.spentBy()).substring(0, 16) + " at value height " + row.spentHeight());
            }
            if (PollutionRules.isPollution(row.asset())) {
                touchesPollution = true; // a contract address: no key owns it, the contract decides below
            } else if (!signers.contains(Address.parse(row.address()))) {
                throw new Violation(NOT_OWNER, "input " + op + " belongs to " + row.address() + ", who did not sign");
            }
            in.merge(row.asset(), row.amount(), TransferRules::add);
            spent[i] = row;
        }
        PollutionMemo step = null;
        long paid = 0;
        if (touchesPollution) {
            step = pollution.check(t, spent, signers, registry);
            paid = t.outputs().stream().mapToLong(Output::amount).reduce(0, TransferRules::add);
        } else {
            checkConservation(t, in, signers, registry);
        }
        for (int i = 0; i < inputs.size(); i++) {
            db.spend(inputs.get(i), id, height);
            db.addHistory(spent[i].address(), height, idx);
        }
        for (int i = 0; i < t.outputs().size(); i++) {
            Output o = t.outputs().get(i);
            db.insertOutput(id, i, o.owner().toString(), o.asset(), o.amount(), height);
            db.addHistory(o.owner().toString(), height, idx);
        }
        if (step != null) {
            db.insertPollutionStep(step.quantity().symbol(), step.timePointMs(), step.step().code(), step.stationId(),
                    step.observed(), paid, height, idx);
        }
    }

    /** Outputs of an asset may exceed its inputs only when a signer is licensed to issue it (a mint). */
    private static void checkConservation(Transfer t, Map<String, Long> in, Set<Address> signers, Registry registry)
            throws Violation {
        Map<String, Long> out = new TreeMap<>();
        for (Output o : t.outputs()) {
            out.merge(o.asset(), o.amount(), TransferRules::add);
        }
        for (Map.Entry<String, Long> e : out.entrySet()) {
            long have = in.getOrDefault(e.getKey(), 0L);
            if (e.getValue() > have && signers.stream().noneMatch(s -> registry.hasLicence(e.getKey(), s))) {
                if (have == 0) {
                    throw new Violation(MINT_WITHOUT_LICENCE, "creates " + e.getValue() + " " + e.getKey()
                            + " but no signer holds a licence to issue " + e.getKey());
                }
                throw new Violation(OVERSPEND, "outputs of " + e.getKey() + " (" + e.getValue()
                        + ") exceed its inputs (" + have + ")");
            }
        }
    }

    private static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amounts overflow");
        }
    }
}
