package org.waterchain.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.audit.AuditReport;
import org.waterchain.ledger.audit.Finding;
import org.waterchain.ledger.chain.ChainId;

class AuditSummaryTest {
    static AuditReport report(boolean cancelled, List<Finding> findings) {
        return new AuditReport("/data/ledger.db", "ab".repeat(32), 1_234, 56_789, 58_000, 4_321, cancelled, findings);
    }

    @Test
    void aCleanReport() {
        AuditSummary s = AuditSummary.of(report(false, List.of()));
        assertEquals(AuditSummary.Verdict.CLEAN, s.verdict());
        assertTrue(s.headline().startsWith("CLEAN"));
        assertTrue(s.findings().isEmpty());
        assertTrue(s.facts().contains(Field.plain("Checked", "1,234 blocks, 56,789 entries, 58,000 signatures")), s.facts()::toString);
        assertTrue(s.facts().contains(Field.plain("Took", "4.3 s")));
    }

    @Test
    void everyFindingKeepsItsPlace() {
        AuditSummary s = AuditSummary.of(report(false, List.of(new Finding(ChainId.DATA, 12, "BLOCK_MERKLE_MISMATCH: x"),
                new Finding(ChainId.VALUE, -1, "device_sequences row differs"))));
        assertEquals(AuditSummary.Verdict.ALTERED, s.verdict());
        assertEquals("ALTERED: 2 findings; the ledger file does not match its own blocks", s.headline());
        assertEquals(new AuditSummary.FindingRow(ChainId.DATA, 12, "data #12", "BLOCK_MERKLE_MISMATCH: x"), s.findings().get(0));
        assertTrue(s.findings().get(0).hasBlock());
        assertEquals("value chain", s.findings().get(1).where());
        assertFalse(s.findings().get(1).hasBlock());
    }

    @Test
    void aCancelledAuditGivesNoVerdict() {
        AuditSummary s = AuditSummary.of(report(true, List.of()));
        assertEquals(AuditSummary.Verdict.CANCELLED, s.verdict());
        assertEquals("CANCELLED after 1,234 blocks: no verdict", s.headline());
    }

    @Test
    void theProgressBarFillsThroughReplayThenComparison() {
        assertEquals(-1, AuditProgress.starting().fraction(), "indeterminate until the first block");
        assertEquals(0.0, AuditProgress.replaying(0, 100).fraction());
        assertEquals(0.45, AuditProgress.replaying(50, 100).fraction(), 1e-9);
        assertEquals(AuditProgress.REPLAY_SHARE, AuditProgress.replaying(100, 100).fraction(), 1e-9);
        assertEquals(AuditProgress.REPLAY_SHARE, AuditProgress.comparing(0, 10).fraction(), 1e-9);
        assertEquals(1.0, AuditProgress.comparing(10, 10).fraction(), 1e-9);
        assertEquals("Replaying block 1,000 of 2,000: hashes, Merkle roots, signatures and verdicts",
                AuditProgress.replaying(1000, 2000).text());
        assertEquals(0.0, AuditProgress.replaying(0, 0).fraction(), "an empty ledger does not divide by zero");
    }
}
