package org.waterchain.ledger.trace;

import java.util.List;
import org.waterchain.ledger.node.Receipt;

/**
 * What became of a trace the service started on its own: the receipts of its transfers in plan order, or why it
 * could not be planned or submitted.
 *
 * @param failure null when the transfers were submitted and committed (each receipt says whether it was valid)
 */
public record TraceOutcome(String quantity, long timePointMs, List<Receipt> receipts, String failure) {
    public TraceOutcome {
        receipts = List.copyOf(receipts);
    }

    /** Every transfer is on the chain: valid now, or already there from an earlier run of the same plan. */
    public boolean succeeded() {
        return failure == null && receipts.stream().allMatch(r -> r.valid() || PollutionTraceService.isDuplicate(r));
    }

    /** Why the trace did not complete: the failure, or the first refusal that is not a duplicate; "?" if neither. */
    public String reason() {
        return failure != null ? failure : receipts.stream().filter(r -> !r.valid() && !PollutionTraceService.isDuplicate(r))
                .map(Receipt::reason).findFirst().orElse("?");
    }
}
