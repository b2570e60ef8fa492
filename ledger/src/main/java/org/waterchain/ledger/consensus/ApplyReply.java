package org.waterchain.ledger.consensus;

import java.util.ArrayList;
import java.util.List;
import org.waterchain.ledger.codec.CanonicalReader;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.validation.ApplyOutcome;
import org.waterchain.ledger.validation.EntryResult;

/** The reply to an ordered proposal, as it travels back from the replica that applied it. */
public record ApplyReply(boolean applied, long height, String rejectReason, List<Boolean> valid, List<String> reasons) {
    /** The reply to a log entry replayed after a restart: applied before, so its verdicts are in the database. */
    public static final String ALREADY_APPLIED = "already applied before restart";

    public static byte[] encode(ApplyOutcome outcome) {
        CanonicalWriter w = new CanonicalWriter(256);
        if (outcome instanceof ApplyOutcome.Applied a) {
            w.u8(0).i64(a.header().height()).u32(a.results().size());
            for (EntryResult r : a.results()) {
                w.bool(r.valid()).text(r.valid() ? "" : r.reason());
            }
        } else {
            w.u8(1).text(((ApplyOutcome.Rejected) outcome).violation().reason());
        }
        return w.toByteArray();
    }

    public static byte[] rejected(String reason) {
        return new CanonicalWriter(64).u8(1).text(reason).toByteArray();
    }

    public static ApplyReply decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes);
        if (r.u8("reply.status") == 1) {
            return new ApplyReply(false, -1, r.text("reply.reason"), List.of(), List.of());
        }
        long height = r.i64("reply.height");
        long n = r.u32("reply.count");
        List<Boolean> valid = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            valid.add(r.bool("reply.valid"));
            reasons.add(r.text("reply.reason"));
        }
        return new ApplyReply(true, height, null, valid, reasons);
    }
}
