package org.waterchain.app.explorer;

/**
 * Where a running audit stands, for the progress bar and its caption. The replay of the blocks is the long part
 * and fills most of the bar; the comparison of the derived tables fills the rest.
 */
public record AuditProgress(double fraction, String text) {
    /** Share of the bar the block replay takes. */
    static final double REPLAY_SHARE = 0.9;

    public static AuditProgress starting() {
        return new AuditProgress(-1, "Taking a snapshot of the ledger…");
    }

    public static AuditProgress replaying(long done, long total) {
        double f = total <= 0 ? 0 : REPLAY_SHARE * Math.min(done, total) / total;
        return new AuditProgress(f, "Replaying block " + Formats.count(done) + " of " + Formats.count(total)
                + ": hashes, Merkle roots, signatures and verdicts");
    }

    public static AuditProgress comparing(int done, int total) {
        double f = REPLAY_SHARE + (total <= 0 ? 0 : (1 - REPLAY_SHARE) * Math.min(done, total) / total);
        return new AuditProgress(f, "Comparing the derived tables with the replay (" + done + " of " + total + ")");
    }

    public static AuditProgress cancelling() {
        return new AuditProgress(-1, "Cancelling…");
    }
}
