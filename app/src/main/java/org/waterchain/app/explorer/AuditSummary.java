package org.waterchain.app.explorer;

import java.util.ArrayList;
import java.util.List;
import org.waterchain.ledger.audit.AuditReport;
import org.waterchain.ledger.audit.Finding;
import org.waterchain.ledger.chain.ChainId;

/** An audit report as the audit pane shows it: a verdict, what was checked, and each finding with its place. */
public record AuditSummary(Verdict verdict, String headline, List<Field> facts, List<FindingRow> findings) {
    public enum Verdict { CLEAN, ALTERED, CANCELLED }

    /** A finding, located: {@code height} is -1 when the finding is not tied to one block. */
    public record FindingRow(ChainId chain, long height, String where, String what) {
        public boolean hasBlock() {
            return height >= 0;
        }
    }

    public AuditSummary {
        facts = List.copyOf(facts);
        findings = List.copyOf(findings);
    }

    public static AuditSummary of(AuditReport r) {
        Verdict v = r.cancelled() ? Verdict.CANCELLED : r.clean() ? Verdict.CLEAN : Verdict.ALTERED;
        String headline = switch (v) {
            case CLEAN -> "CLEAN: every block, entry, signature and verdict replays to what is stored";
            case ALTERED -> "ALTERED: " + r.findings().size() + (r.findings().size() == 1 ? " finding" : " findings")
                    + "; the ledger file does not match its own blocks";
            case CANCELLED -> "CANCELLED after " + Formats.count(r.blocks()) + " blocks: no verdict"
                    + (r.findings().isEmpty() ? "" : ", but " + r.findings().size() + " findings so far");
        };
        List<Field> facts = new ArrayList<>();
        facts.add(Field.plain("Ledger", r.source()));
        facts.add(Field.mono("Alliance", r.allianceId()));
        facts.add(Field.plain("Checked", Formats.count(r.blocks()) + " blocks, " + Formats.count(r.entries()) + " entries, "
                + Formats.count(r.signatures()) + " signatures"));
        facts.add(Field.plain("Took", Formats.duration(r.millis())));
        List<FindingRow> rows = new ArrayList<>();
        for (Finding f : r.findings()) {
            String where = f.height() >= 0 ? Formats.block(f.chain(), f.height()) : f.chain().label() + " chain";
            rows.add(new FindingRow(f.chain(), f.height(), where, f.what()));
        }
        return new AuditSummary(v, headline, facts, rows);
    }
}
