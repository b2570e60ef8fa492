package org.waterchain.ledger.audit;

import java.util.List;

/** The result of a full audit: what was checked, how long it took, and every finding. */
public record AuditReport(String source, String allianceId, long blocks, long entries, long signatures,
                          long millis, boolean cancelled, List<Finding> findings) {
    public AuditReport {
        findings = List.copyOf(findings);
    }

    public boolean clean() {
        return findings.isEmpty() && !cancelled;
    }

    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(clean() ? "CLEAN" : cancelled ? "CANCELLED" : "ALTERED").append(": ").append(source).append('\n');
        sb.append("  alliance ").append(allianceId).append('\n');
        sb.append(String.format("  %d blocks, %d entries, %d signatures checked in %.1f s%n", blocks, entries, signatures,
                millis / 1000.0));
        for (Finding f : findings) {
            sb.append("  ").append(f).append('\n');
        }
        return sb.toString();
    }
}
