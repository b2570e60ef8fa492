package org.waterchain.ledger.trace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.ledger.chain.ChainId.DATA;
import static org.waterchain.ledger.chain.ChainId.VALUE;
import static org.waterchain.ledger.trace.TraceFixture.T;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.audit.AuditReport;
import org.waterchain.ledger.audit.Auditor;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.testkit.SqliteDump;
import org.waterchain.ledger.testkit.TestLedger;
import org.waterchain.ledger.validation.ApplyOutcome.Applied;
import org.waterchain.ledger.validation.BlockPreparer;
import org.waterchain.ledger.value.Output;
import org.waterchain.ledger.value.Transfer;
import org.waterchain.ledger.value.ValueEntry;

/**
 * The audit replays pollution transfers through the same rules: a trace audits clean, and a hand edit of a pollution
 * transfer, of its verdict or of the trace index is found at the transfer's height.
 */
class TraceAuditTest {
    @TempDir
    Path dir;
    Path file;
    long traceHeight;
    long forgedHeight;

    @BeforeEach
    void build() {
        try (TestLedger l = TestLedger.create(dir)) {
            TraceFixture.Records records = new TraceFixture.Records(l.genesis);
            List<String> stations = DemoAlliance.STATIONS.stream().map(DemoAlliance.DemoStation::id).toList();
            l.appendValid(DATA, TraceFixture.encoded(records.hour(stations, T + 60_000, TraceFixture.TAOYUAN_CU)));
            TracePlan plan = PollutionTraceService.planFrom(l.queries(), Quantity.CU, T);
            Applied a = l.appendValid(VALUE, plan.signed(l.validator).stream().map(ValueEntry::encode).toArray(byte[][]::new));
            traceHeight = a.header().height();
            // a mint to M02 for the next hour, when no reading exceeds: invalid, and kept with its reason
            Transfer forged = new Transfer(List.of(), List.of(new Output("POLLUTION:CU", 1,
                    PollutionAddresses.station(Quantity.CU, T + TraceFixture.HOUR, "M02"))),
                    new PollutionMemo(PollutionStep.MINT, Quantity.CU, T + TraceFixture.HOUR, "M02", 0.9).encode(), 5);
            forgedHeight = l.append(VALUE, ValueEntry.signed(forged, l.validator).encode()).header().height();
            file = l.file;
        }
    }

    private static AuditReport audit(Path db) {
        return new Auditor(BlockPreparer.onAllCores()).auditDatabase(db, (d, t) -> { }, () -> false);
    }

    private static void edit(Path db, String sql, Object... args) {
        try (Connection c = SqliteDump.connect(db); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertFoundAt(AuditReport r, long height, String text) {
        assertFalse(r.clean(), "the edit must be found");
        assertTrue(r.findings().stream().anyMatch(f -> f.chain() == VALUE && f.height() == height && f.what().contains(text)),
                () -> "expected a value-chain finding at " + height + " containing '" + text + "':\n" + r.summary());
    }

    @Test
    void aTracedLedgerAuditsClean() {
        AuditReport r = audit(file);
        assertTrue(r.clean(), r::summary);
    }

    @Test
    void anEditedObservedValueInsideAPollutionTransferIsFound() {
        ValueEntry mint;
        try (var q = new org.waterchain.ledger.store.LedgerQueries(file)) {
            mint = ValueEntry.decode(q.entryAt(VALUE, traceHeight, 0).orElseThrow().raw());
        }
        Transfer t = mint.transfer();
        Transfer edited = new Transfer(t.inputs(), t.outputs(), new PollutionMemo(PollutionStep.MINT, Quantity.CU, T, "M02", 0.9).encode(),
                t.nonce());
        edit(file, "UPDATE entries SET raw = ? WHERE chain = 1 AND height = ? AND idx = 0",
                new ValueEntry(mint.type(), edited.encode(), mint.witnesses()).encode(), traceHeight);
        assertFoundAt(audit(file), traceHeight, "BLOCK_MERKLE_MISMATCH");
    }

    @Test
    void aRefusedPollutionTransferMarkedValidIsFound() {
        edit(file, "UPDATE entries SET valid = 1, reason = NULL WHERE chain = 1 AND height = ? AND idx = 0", forgedHeight);
        assertFoundAt(audit(file), forgedHeight, "stored as valid but replay finds it invalid (POLLUTION_NOT_POLLUTED");
    }

    @Test
    void anEditedTraceIndexRowIsFound() {
        edit(file, "UPDATE pollution_steps SET station = 'R09' WHERE station = 'R04'");
        assertFoundAt(audit(file), traceHeight, "pollution_steps row");
    }
}
