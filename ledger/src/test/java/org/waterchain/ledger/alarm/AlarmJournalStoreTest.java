package org.waterchain.ledger.alarm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.ledger.chain.ChainId.VALUE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.audit.AuditReport;
import org.waterchain.ledger.audit.Auditor;
import org.waterchain.ledger.audit.Finding;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.testkit.SqliteDump;
import org.waterchain.ledger.testkit.TestLedger;
import org.waterchain.ledger.validation.BlockPreparer;
import org.waterchain.ledger.value.ValueEntry;

/**
 * The journal table, its two queries, and the audit: a hand edit of the journal (or of a journaled entry) is
 * found and located at its block.
 */
class AlarmJournalStoreTest {
    static final long T = TestLedger.T0 + 10 * TestLedger.HOUR;
    static final long MIN = 60_000;

    @TempDir
    static Path shared;
    static Path file;
    static long raiseHeight;
    static long ackHeight;
    static KeyPair plant;

    @TempDir
    Path dir;

    static AlarmEvent ev(long nonce, String alarmId, AlarmAction action, long time, double value, String operator,
                         String comment) {
        String[] parts = alarmId.split(" ", 2);
        return new AlarmEvent(nonce, alarmId, action, parts[0], parts[1], AlarmEvent.PRIORITY_HIGH, value, time, operator,
                comment, action == AlarmAction.SHELVE ? time + 60 * MIN : 0);
    }

    /** R04 EC HIGH: raised, acknowledged by the plant, shelved, returned to normal; R10 CU HIGH raised between. */
    @BeforeAll
    static void build() {
        try (TestLedger l = TestLedger.create(shared)) {
            plant = l.member("plant");
            raiseHeight = l.appendValid(VALUE, ValueEntry.signed(ev(1, "R04 EC HIGH", AlarmAction.RAISE, T, 912.5, "", ""),
                    l.validator).encode()).header().height();
            l.appendValid(VALUE, ValueEntry.signed(ev(2, "R10 CU HIGH", AlarmAction.RAISE, T + MIN, 0.41, "", ""),
                    l.validator).encode());
            ackHeight = l.appendValid(VALUE,
                    ValueEntry.signed(ev(3, "R04 EC HIGH", AlarmAction.ACKNOWLEDGE, T + 2 * MIN, Double.NaN, "Chen Wei",
                            "calling the dye works"), plant).encode(),
                    ValueEntry.signed(ev(4, "R04 EC HIGH", AlarmAction.SHELVE, T + 3 * MIN, Double.NaN, "Chen Wei",
                            "known discharge"), plant).encode()).header().height();
            l.appendValid(VALUE, ValueEntry.signed(ev(5, "R04 EC HIGH", AlarmAction.RETURN_TO_NORMAL, T + 9 * MIN, 700, "", ""),
                    l.validator).encode());
            file = l.file;
        }
    }

    Path copy() throws Exception {
        Path target = dir.resolve("copy.db");
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        for (String suffix : List.of("-wal", "-shm")) {
            Path side = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(side)) {
                Files.copy(side, target.resolveSibling(target.getFileName() + suffix), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    @Test
    void journalIsNewestFirstWithinTheRangeAndLimit() {
        try (LedgerQueries q = new LedgerQueries(file)) {
            List<JournaledAlarm> all = q.alarmJournal(0, Long.MAX_VALUE, 100);
            assertEquals(List.of(AlarmAction.RETURN_TO_NORMAL, AlarmAction.SHELVE, AlarmAction.ACKNOWLEDGE, AlarmAction.RAISE,
                    AlarmAction.RAISE), all.stream().map(j -> j.event().action()).toList());
            assertEquals(2, q.alarmJournal(0, Long.MAX_VALUE, 2).size());
            List<JournaledAlarm> window = q.alarmJournal(T + MIN, T + 3 * MIN, 100);
            assertEquals(List.of("R04 EC HIGH", "R10 CU HIGH"), window.stream().map(j -> j.event().alarmId()).toList());
            assertEquals(AlarmAction.ACKNOWLEDGE, window.get(0).event().action());
            assertTrue(q.alarmJournal(T + 10 * MIN, Long.MAX_VALUE, 100).isEmpty());
        }
    }

    @Test
    void historyOfOneAlarmIsInChainOrderWithWhoSignedAndWhere() {
        try (LedgerQueries q = new LedgerQueries(file)) {
            List<JournaledAlarm> h = q.alarmHistory("R04 EC HIGH");
            assertEquals(List.of(AlarmAction.RAISE, AlarmAction.ACKNOWLEDGE, AlarmAction.SHELVE, AlarmAction.RETURN_TO_NORMAL),
                    h.stream().map(j -> j.event().action()).toList());
            JournaledAlarm ack = h.get(1);
            assertEquals("Chen Wei", ack.event().operator());
            assertEquals("calling the dye works", ack.event().comment());
            assertEquals(plant.address(), ack.signer());
            assertEquals(ackHeight, ack.height());
            assertEquals(0, ack.index());
            assertEquals(1, h.get(2).index());
            assertEquals(T + 3 * MIN + 60 * MIN, h.get(2).event().shelvedUntilMs());
            assertEquals(912.5, h.get(0).event().value());
            assertFalse(ack.event().hasValue());
            // the entry id leads to the stored entry and its Merkle proof
            LedgerQueries.EntryProof proof = q.prove(ack.entryId()).orElseThrow();
            assertTrue(proof.verifies());
            assertEquals(ackHeight, proof.block().header().height());
            assertTrue(q.alarmHistory("R99 PH LOW").isEmpty());
        }
    }

    @Test
    void tableHoldsTheColumnsAndNullForNoValue() throws Exception {
        try (Connection c = SqliteDump.connect(file);
             PreparedStatement ps = c.prepareStatement("SELECT alarm_id, action, source, condition, priority, value,"
                     + " event_time, operator, comment, shelved_until, height, idx, entry_id FROM alarm_journal"
                     + " WHERE height = ? ORDER BY idx")) {
            ps.setLong(1, ackHeight);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("R04 EC HIGH", rs.getString(1));
                assertEquals(AlarmAction.ACKNOWLEDGE.code(), rs.getInt(2));
                assertEquals("R04", rs.getString(3));
                assertEquals("EC HIGH", rs.getString(4));
                assertEquals(3, rs.getInt(5));
                assertEquals(null, rs.getObject(6));
                assertEquals(T + 2 * MIN, rs.getLong(7));
                assertEquals("Chen Wei", rs.getString(8));
                assertEquals(0, rs.getLong(10));
                assertEquals(ackHeight, rs.getLong(11));
                assertEquals(0, rs.getInt(12));
                assertEquals(32, rs.getBytes(13).length);
                assertTrue(rs.next());
                assertEquals(AlarmAction.SHELVE.code(), rs.getInt(2));
            }
        }
        try (Connection c = SqliteDump.connect(file); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'alarm_journal'"
                     + " ORDER BY name")) {
            assertTrue(rs.next());
            assertEquals("alarm_journal_by_alarm", rs.getString(1));
            assertTrue(rs.next());
            assertEquals("alarm_journal_by_time", rs.getString(1));
        }
    }

    static AuditReport audit(Path db) {
        return new Auditor(BlockPreparer.onAllCores()).auditDatabase(db, (d, t) -> { }, () -> false);
    }

    static void edit(Path db, String sql, Object... args) throws Exception {
        try (Connection c = SqliteDump.connect(db); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            assertEquals(1, ps.executeUpdate(), sql);
        }
    }

    static void assertFoundOnlyAt(AuditReport r, long height, String text) {
        assertFalse(r.clean(), "the edit must be found");
        assertTrue(r.findings().stream().anyMatch(f -> f.chain() == ChainId.VALUE && f.height() == height && f.what().contains(text)),
                () -> "expected a value-chain finding at " + height + " containing '" + text + "':\n" + r.summary());
        for (Finding f : r.findings()) {
            assertTrue(f.chain() == ChainId.VALUE && f.height() == height, () -> "finding elsewhere: " + f + "\n" + r.summary());
        }
    }

    @Test
    void untouchedJournalAuditsClean() throws Exception {
        AuditReport r = audit(copy());
        assertTrue(r.clean(), r::summary);
    }

    @Test
    void aRewrittenOperatorInTheJournalTableIsFoundAtItsBlock() throws Exception {
        Path db = copy();
        edit(db, "UPDATE alarm_journal SET operator = 'someone else' WHERE height = ? AND idx = 0", ackHeight);
        assertFoundOnlyAt(audit(db), ackHeight, "alarm_journal row");
    }

    @Test
    void aDeletedJournalRowIsFound() throws Exception {
        Path db = copy();
        edit(db, "DELETE FROM alarm_journal WHERE height = ?", raiseHeight);
        assertFoundOnlyAt(audit(db), raiseHeight, "missing from the store");
    }

    @Test
    void aRewrittenJournaledEntryIsFoundAtItsBlock() throws Exception {
        Path db = copy();
        byte[] raw;
        try (Connection c = SqliteDump.connect(db);
             PreparedStatement ps = c.prepareStatement("SELECT raw FROM entries WHERE chain = 1 AND height = ? AND idx = 0")) {
            ps.setLong(1, ackHeight);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                raw = rs.getBytes(1);
            }
        }
        ValueEntry v = ValueEntry.decode(raw);
        AlarmEvent e = v.alarmEvent();
        AlarmEvent forged = new AlarmEvent(e.nonce(), e.alarmId(), e.action(), e.source(), e.condition(), e.priority(),
                e.value(), e.eventTimeMs(), "someone else", e.comment(), e.shelvedUntilMs());
        byte[] forgedRaw = new ValueEntry(v.type(), forged.encode(), v.witnesses()).encode();
        assertArrayEquals(raw, v.encode());
        edit(db, "UPDATE entries SET raw = ? WHERE chain = 1 AND height = ? AND idx = 0", forgedRaw, ackHeight);
        edit(db, "UPDATE alarm_journal SET operator = 'someone else' WHERE height = ? AND idx = 0", ackHeight);
        assertFoundOnlyAt(audit(db), ackHeight, "");
    }
}
