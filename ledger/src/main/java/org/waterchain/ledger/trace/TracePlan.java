package org.waterchain.ledger.trace;

import java.util.ArrayList;
import java.util.List;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.value.ValueEntry;

/**
 * The transfers of one trace, in the order they must be submitted: every mint first, then one pass or collect per
 * polluted station, downstream first, so each station spends coins that were all created before it.
 */
public record TracePlan(Quantity quantity, long timePointMs, Address collection, List<PlannedStep> steps) {
    public TracePlan {
        steps = List.copyOf(steps);
    }

    /**
     * Signs every transfer with the issuer's key. Ed25519 signatures are deterministic, so two issuers with the
     * same key planning the same trace produce byte-identical entries.
     */
    public List<ValueEntry> signed(KeyPair issuer) {
        List<ValueEntry> out = new ArrayList<>(steps.size());
        for (PlannedStep s : steps) {
            out.add(ValueEntry.signed(s.transfer(), issuer));
        }
        return out;
    }

    public long mintCount() {
        return steps.stream().filter(s -> s.step() == PollutionStep.MINT).count();
    }

    /** The polluted stations, in the order they pass or collect (downstream first). */
    public List<String> stationsDownstreamFirst() {
        return steps.stream().filter(s -> s.step() != PollutionStep.MINT).map(PlannedStep::station).toList();
    }
}
