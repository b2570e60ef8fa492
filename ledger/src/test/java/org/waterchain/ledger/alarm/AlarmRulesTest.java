package org.waterchain.ledger.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.ledger.chain.ChainId.VALUE;
import static org.waterchain.ledger.validation.Violation.Code.*;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.waterchain.ledger.chain.LedgerEntry;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.crypto.SigningDomain;
import org.waterchain.ledger.testkit.TestLedger;
import org.waterchain.ledger.validation.ApplyOutcome.Applied;
import org.waterchain.ledger.validation.Violation;
import org.waterchain.ledger.value.ValueEntry;
import org.waterchain.ledger.value.Witness;

/** What an alarm journal entry must satisfy, one rule per test, on a real ledger. */
class AlarmRulesTest {
    static final long T = TestLedger.T0 + 5 * TestLedger.HOUR;

    @TempDir
    Path dir;
    TestLedger ledger;
    long nonce = 1;

    @BeforeEach
    void open() {
        ledger = TestLedger.create(dir);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    AlarmEvent event(AlarmAction action) {
        return new AlarmEvent(nonce++, "R04 EC HIGH", action, "R04", "EC HIGH", AlarmEvent.PRIORITY_HIGH, 912.5, T,
                action.needsOperator() ? "Chen Wei" : "", "", action == AlarmAction.SHELVE ? T + TestLedger.HOUR : 0);
    }

    static AlarmEvent with(AlarmEvent e, String alarmId, String source, String condition, int priority, long time,
                           String operator, String comment, long shelvedUntil) {
        return new AlarmEvent(e.nonce(), alarmId, e.action(), source, condition, priority, e.value(), time, operator,
                comment, shelvedUntil);
    }

    byte[] signed(AlarmEvent e, KeyPair signer) {
        return ValueEntry.signed(e, signer).encode();
    }

    long journalRows() {
        return ledger.queries().count("alarm_journal");
    }

    /** Refused with the code, and neither the derived tables nor the journal change. */
    String refused(byte[] entry, Violation.Code code) {
        long before = journalRows();
        String reason = ledger.assertRefused(VALUE, entry, code);
        assertEquals(before, journalRows(), "a refused alarm event must not reach the journal");
        return reason;
    }

    @ParameterizedTest
    @EnumSource(AlarmAction.class)
    void everyActionByAMemberIsJournaled(AlarmAction action) {
        Applied a = ledger.appendValid(VALUE, signed(event(action), ledger.validator));
        List<JournaledAlarm> h = ledger.queries().alarmHistory("R04 EC HIGH");
        assertEquals(1, h.size());
        assertEquals(action, h.get(0).event().action());
        assertEquals(a.header().height(), h.get(0).height());
        assertEquals(ledger.validator.address(), h.get(0).signer());
    }

    @Test
    void anyMemberMayJournalNotOnlyRegulators() {
        ledger.appendValid(VALUE, signed(event(AlarmAction.ACKNOWLEDGE), ledger.member("plant")));
        assertEquals(1, journalRows());
    }

    @Test
    void theSameEntryTwiceIsADuplicate() {
        byte[] e = signed(event(AlarmAction.RAISE), ledger.validator);
        ledger.appendValid(VALUE, e);
        String reason = refused(e, DUPLICATE);
        assertTrue(reason.endsWith("is already on the chain"), reason);
    }

    @Test
    void twoSignersAreMalformed() {
        AlarmEvent ev = event(AlarmAction.RAISE);
        byte[] body = ev.encode();
        KeyPair other = ledger.member("plant");
        ValueEntry two = new ValueEntry(LedgerEntry.TYPE_ALARM, body, List.of(
                new Witness(ledger.validator.publicKey(), SigningDomain.TRANSACTION.sign(ledger.validator, body)),
                new Witness(other.publicKey(), SigningDomain.TRANSACTION.sign(other, body))));
        assertEquals("MALFORMED: an alarm event has exactly one signer, got 2", refused(two.encode(), MALFORMED));
    }

    @Test
    void aSignatureOverOtherBytesIsRefused() {
        byte[] body = event(AlarmAction.RAISE).encode();
        byte[] otherBody = event(AlarmAction.RAISE).encode();
        ValueEntry forged = new ValueEntry(LedgerEntry.TYPE_ALARM, body, List.of(
                new Witness(ledger.validator.publicKey(), SigningDomain.TRANSACTION.sign(ledger.validator, otherBody))));
        refused(forged.encode(), BAD_SIGNATURE);
    }

    @Test
    void aSignatureOfAnotherDomainIsRefused() {
        byte[] body = event(AlarmAction.RAISE).encode();
        ValueEntry forged = new ValueEntry(LedgerEntry.TYPE_ALARM, body, List.of(
                new Witness(ledger.validator.publicKey(), SigningDomain.RECORD.sign(ledger.validator, body))));
        refused(forged.encode(), BAD_SIGNATURE);
    }

    @Test
    void aNonMemberMayNotJournal() {
        KeyPair stranger = KeyPair.generate();
        String reason = refused(signed(event(AlarmAction.RAISE), stranger), NOT_MEMBER);
        assertEquals("NOT_MEMBER: alarm event signed by " + stranger.address() + ", who is not an alliance member", reason);
    }

    static Stream<Object[]> outOfRange() {
        String c257 = "x".repeat(255) + "é"; // 257 UTF-8 bytes in 256 characters
        return Stream.of(
                new Object[] {"empty alarm id", "", "R04", "EC HIGH", 3, T, "", "", 0L, "alarm id is empty"},
                new Object[] {"blank source", "a", " ", "EC HIGH", 3, T, "", "", 0L, "source is empty"},
                new Object[] {"empty condition", "a", "R04", "", 3, T, "", "", 0L, "condition is empty"},
                new Object[] {"long alarm id", "a".repeat(201), "R04", "c", 3, T, "", "", 0L, "alarm id of 201 UTF-8 bytes exceeds 200"},
                new Object[] {"long source", "a", "s".repeat(129), "c", 3, T, "", "", 0L, "source of 129 UTF-8 bytes exceeds 128"},
                new Object[] {"long condition", "a", "R04", "c".repeat(65), 3, T, "", "", 0L, "condition of 65 UTF-8 bytes exceeds 64"},
                new Object[] {"long operator", "a", "R04", "c", 3, T, "o".repeat(65), "", 0L, "operator of 65 UTF-8 bytes exceeds 64"},
                new Object[] {"long comment", "a", "R04", "c", 3, T, "", c257, 0L, "comment of 257 UTF-8 bytes exceeds 256"},
                new Object[] {"control character", "a", "R04", "c", 3, T, "", "line\nbreak", 0L, "comment contains control characters"},
                new Object[] {"priority 0", "a", "R04", "c", 0, T, "", "", 0L, "priority 0 is not 1 (low) to 4 (critical)"},
                new Object[] {"priority 5", "a", "R04", "c", 5, T, "", "", 0L, "priority 5 is not 1 (low) to 4 (critical)"},
                new Object[] {"time 0", "a", "R04", "c", 3, 0L, "", "", 0L, "event time 0 is not after 1970"},
                new Object[] {"shelve time on a raise", "a", "R04", "c", 3, T, "", "", T + 1, "shelved-until is set on a RAISE (only a SHELVE ends at a time)"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfRange")
    void fieldsOutOfRangeAreRefused(String name, String alarmId, String source, String condition, int priority, long time,
                                    String operator, String comment, long shelvedUntil, String detail) {
        AlarmEvent e = with(event(AlarmAction.RAISE), alarmId, source, condition, priority, time, operator, comment, shelvedUntil);
        assertEquals("INVALID_ALARM_DATA: " + detail, refused(signed(e, ledger.validator), INVALID_ALARM_DATA));
    }

    @Test
    void fieldsAtTheirLimitsAreValid() {
        String comment256 = "x".repeat(254) + "é"; // 256 UTF-8 bytes
        AlarmEvent e = with(event(AlarmAction.ACKNOWLEDGE), "a".repeat(200), "s".repeat(128), "c".repeat(64), 4, 1,
                "o".repeat(64), comment256, 0);
        ledger.appendValid(VALUE, signed(e, ledger.validator));
        assertEquals(comment256, ledger.queries().alarmHistory("a".repeat(200)).get(0).event().comment());
    }

    @Test
    void aShelveMustEndAfterItsEventTime() {
        AlarmEvent now = with(event(AlarmAction.SHELVE), "a", "R04", "c", 3, T, "Chen Wei", "", T);
        assertEquals("SHELVE_WITHOUT_EXPIRY: shelve of a must end after " + T + ", got " + T,
                refused(signed(now, ledger.validator), SHELVE_WITHOUT_EXPIRY));
        AlarmEvent never = with(event(AlarmAction.SHELVE), "a", "R04", "c", 3, T, "Chen Wei", "", 0);
        refused(signed(never, ledger.validator), SHELVE_WITHOUT_EXPIRY);
        ledger.appendValid(VALUE, signed(with(event(AlarmAction.SHELVE), "a", "R04", "c", 3, T, "Chen Wei", "", T + 1),
                ledger.validator));
    }

    @ParameterizedTest
    @EnumSource(value = AlarmAction.class, names = {"ACKNOWLEDGE", "SHELVE", "OUT_OF_SERVICE", "RETURN_TO_SERVICE"})
    void actionsAPersonTakesNameTheOperator(AlarmAction action) {
        AlarmEvent e = event(action);
        AlarmEvent anonymous = with(e, e.alarmId(), e.source(), e.condition(), e.priority(), e.eventTimeMs(), "  ",
                e.comment(), e.shelvedUntilMs());
        assertEquals("OPERATOR_REQUIRED: " + action + " of R04 EC HIGH names no operator",
                refused(signed(anonymous, ledger.validator), OPERATOR_REQUIRED));
    }

    @ParameterizedTest
    @EnumSource(value = AlarmAction.class, names = {"RAISE", "RETURN_TO_NORMAL", "UNSHELVE", "SUPPRESS", "UNSUPPRESS"})
    void transitionsOfTheAlarmSystemNeedNoOperator(AlarmAction action) {
        AlarmEvent e = event(action);
        assertEquals("", e.operator());
        ledger.appendValid(VALUE, signed(e, ledger.validator));
    }

    @Test
    void invalidAlarmEventsStayInTheirBlockBesideValidOnes() {
        byte[] good = signed(event(AlarmAction.RAISE), ledger.validator);
        byte[] bad = signed(event(AlarmAction.RAISE), KeyPair.generate());
        Applied a = ledger.append(VALUE, good, bad);
        assertTrue(a.results().get(0).valid());
        assertFalse(a.results().get(1).valid());
        ledger.assertInvalid(a, 1, NOT_MEMBER);
        assertEquals(1, journalRows());
    }
}
