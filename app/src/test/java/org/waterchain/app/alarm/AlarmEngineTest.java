package org.waterchain.app.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.ledger.alarm.AlarmAction.ACKNOWLEDGE;
import static org.waterchain.ledger.alarm.AlarmAction.OUT_OF_SERVICE;
import static org.waterchain.ledger.alarm.AlarmAction.RAISE;
import static org.waterchain.ledger.alarm.AlarmAction.RETURN_TO_NORMAL;
import static org.waterchain.ledger.alarm.AlarmAction.RETURN_TO_SERVICE;
import static org.waterchain.ledger.alarm.AlarmAction.SHELVE;
import static org.waterchain.ledger.alarm.AlarmAction.SUPPRESS;
import static org.waterchain.ledger.alarm.AlarmAction.UNSHELVE;
import static org.waterchain.ledger.alarm.AlarmAction.UNSUPPRESS;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.waterchain.app.session.LiveRecord;
import org.waterchain.app.standards.Standards;
import org.waterchain.devices.ingest.SystemAlarm;
import org.waterchain.devices.ingest.SystemAlarm.Kind;
import org.waterchain.ledger.alarm.AlarmAction;
import org.waterchain.ledger.alarm.AlarmEvent;
import org.waterchain.ledger.alarm.JournaledAlarm;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.StatusFlags;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;

/** The alarm system's logic on the session clock, step by step: delays, deadband, ISA-18.2 states, journal. */
class AlarmEngineTest {
    static final long T0 = 1_767_225_600_000L;
    static final long MIN = 60_000;
    static final long HOUR = 60 * MIN;
    static final String EC = "R04 EC HIGH";
    static final Standards STANDARDS = Standards.of(List.of(
            new SetStandard("EC", Double.NaN, 750, 0.8),
            new SetStandard("PH", 6.0, 9.0, 0.8),
            new SetStandard("DO", 3.0, Double.NaN, 0.8),
            new SetStandard("CU", Double.NaN, 0.2, 0.75)));

    InMemoryAlarmJournal journal;
    AlarmEngine engine;
    long t;
    long seq;

    @BeforeEach
    void setUp() {
        start(AlarmSettings.defaults());
    }

    void start(AlarmSettings settings) {
        journal = new InMemoryAlarmJournal();
        engine = new AlarmEngine(settings, journal);
        engine.setStandards(STANDARDS);
        t = T0;
        seq = 0;
    }

    /** One record a minute later than the last, from the station's -A device. */
    void sample(String station, Quantity q, double v) {
        sample(station, new Reading(q.code(), v, Reading.Quality.GOOD), 0);
    }

    void sample(String station, Reading r, int flags) {
        t += MIN;
        engine.onRecords(List.of(new LiveRecord(station, station + "-A", ++seq, t, t + 1000, flags, List.of(r), 1,
                new byte[32])), t);
    }

    void ec(double... values) {
        for (double v : values) {
            sample("R04", Quantity.EC, v);
        }
    }

    Optional<AlarmRow> row(String id) {
        return engine.snapshot().row(id);
    }

    AlarmState state(String id) {
        return row(id).map(AlarmRow::state).orElse(AlarmState.NORMAL);
    }

    List<AlarmAction> actions() {
        return journal.transitions().stream().map(AlarmTransition::action).toList();
    }

    AlarmTransition last() {
        List<AlarmTransition> all = journal.transitions();
        return all.get(all.size() - 1);
    }

    void ok(CommandResult r) {
        assertTrue(r.ok(), r.message());
    }

    @Nested
    class DelaysAndDeadband {
        @Test
        void aLimitExceededForTheOnDelayRaisesOnce() {
            ec(800);
            assertTrue(row(EC).isEmpty(), "one sample beyond the limit is not yet an alarm");
            assertTrue(journal.transitions().isEmpty());
            ec(810, 820, 830);
            AlarmRow r = row(EC).orElseThrow();
            assertEquals(AlarmState.UNACK, r.state());
            assertEquals(AlarmPriority.HIGH, r.priority());
            assertEquals(830, r.value());
            assertEquals("\u2264 750 \u00b5S/cm", r.limit());
            assertEquals(List.of(RAISE), actions());
            AlarmTransition raise = last();
            assertEquals("R04", raise.source());
            assertEquals("EC HIGH", raise.condition());
            assertEquals(810, raise.value());
            assertEquals(T0 + 2 * MIN, raise.timeMs());
        }

        @Test
        void aSingleSpikeNeverRaises() {
            ec(700, 900, 700, 900, 700, 900, 700);
            assertTrue(journal.transitions().isEmpty(), "alternating samples never persist for the on-delay");
        }

        @Test
        void insideTheLimitButWithinTheDeadbandTheAlarmStaysActive() {
            ec(800, 800);
            ok(engine.acknowledge(EC, "Chen Wei", "", t));
            ec(740, 740, 730, 713); // under 750, but not under 750 - 5 % = 712.5
            assertEquals(AlarmState.ACKED, state(EC));
            ec(712.5, 700);
            assertEquals(AlarmState.NORMAL, state(EC));
            assertEquals(List.of(RAISE, ACKNOWLEDGE, RETURN_TO_NORMAL), actions());
            assertEquals(700, last().value());
        }

        @Test
        void theOffDelayNeedsConsecutiveNormalSamples() {
            ec(800, 800, 700, 800, 700, 800);
            assertEquals(AlarmState.UNACK, state(EC));
            assertEquals(List.of(RAISE), actions());
            ec(700, 700);
            assertEquals(AlarmState.RTN_UNACK, state(EC));
        }

        @Test
        void delaysInSessionTimeCountFromTheFirstSampleThatShowedIt() {
            start(AlarmSettings.defaults().withDelays(Delay.time(10 * MIN), Delay.time(5 * MIN)));
            ec(800, 800, 800, 800, 800, 800, 800, 800, 800, 800);
            assertTrue(journal.transitions().isEmpty(), "9 minutes after the first: not yet");
            ec(800);
            assertEquals(AlarmState.UNACK, state(EC));
            ec(700, 700, 700, 700, 700);
            assertEquals(AlarmState.UNACK, state(EC));
            ec(700);
            assertEquals(AlarmState.RTN_UNACK, state(EC));
        }

        @Test
        void noDelayRaisesAndClearsOnOneSample() {
            start(AlarmSettings.defaults().withDelays(Delay.NONE, Delay.NONE));
            ec(751);
            assertEquals(AlarmState.UNACK, state(EC));
            ec(700);
            assertEquals(AlarmState.RTN_UNACK, state(EC));
        }

        @Test
        void lowLimitsAndRangesRaiseOnTheirSide() {
            start(AlarmSettings.defaults().withDelays(Delay.NONE, Delay.NONE));
            sample("R06", Quantity.DO, 2.9);
            sample("R06", Quantity.PH, 5.9);
            sample("R07", Quantity.PH, 9.2);
            assertEquals(AlarmState.UNACK, state("R06 DO LOW"));
            assertEquals(AlarmState.UNACK, state("R06 PH LOW"));
            assertEquals(AlarmState.UNACK, state("R07 PH HIGH"));
            assertTrue(row("R06 PH HIGH").isEmpty());
            assertEquals("\u2265 3 mg/L", row("R06 DO LOW").orElseThrow().limit());
            // the range's deadband is 5 % of its half-width, 0.075 pH
            sample("R07", Quantity.PH, 8.95);
            assertEquals(AlarmState.UNACK, state("R07 PH HIGH"));
            sample("R07", Quantity.PH, 8.92);
            assertEquals(AlarmState.RTN_UNACK, state("R07 PH HIGH"));
        }

        @Test
        void badReadingsNeitherRaiseNorClear() {
            start(AlarmSettings.defaults().withDelays(Delay.NONE, Delay.NONE));
            sample("R06", new Reading(Quantity.DO.code(), 0.0, Reading.Quality.BAD), 0);
            assertTrue(journal.transitions().isEmpty(), "a Modbus decode failure reads 0.0 with quality BAD");
            ec(800);
            sample("R04", new Reading(Quantity.EC.code(), 100, Reading.Quality.BAD), 0);
            assertEquals(AlarmState.UNACK, state(EC));
            sample("R04", new Reading(Quantity.EC.code(), 800, Reading.Quality.SUSPECT), 0);
            assertEquals(800, row(EC).orElseThrow().value(), "suspect readings still count");
        }

        @Test
        void repeatedOrOlderSamplesAreJudgedOnce() {
            ec(800);
            LiveRecord same = new LiveRecord("R04", "R04-A", seq, t, t, 0, List.of(new Reading(Quantity.EC, 800)), 1, new byte[32]);
            engine.onRecords(List.of(same, same), t);
            assertTrue(journal.transitions().isEmpty(), "the same sample twice is one sample");
            ec(800);
            assertEquals(List.of(RAISE), actions());
        }

        @Test
        void quantitiesWithoutAStandardAndUnregisteredDevicesRaiseNothing() {
            start(AlarmSettings.defaults().withDelays(Delay.NONE, Delay.NONE));
            sample("R04", Quantity.TURBIDITY, 5000);
            sample("?", Quantity.EC, 5000);
            assertTrue(journal.transitions().isEmpty());
            assertTrue(engine.snapshot().rows().isEmpty());
        }

        @Test
        void aChangedStandardMovesTheLimit() {
            start(AlarmSettings.defaults().withDelays(Delay.NONE, Delay.NONE));
            ec(800);
            ec(700);
            engine.setStandards(Standards.of(List.of(new SetStandard("EC", Double.NaN, 1000, 0.8))));
            ec(900);
            assertEquals(AlarmState.RTN_UNACK, state(EC), "900 is within the new limit");
            assertEquals("\u2264 1000 \u00b5S/cm", row(EC).orElseThrow().limit());
        }
    }

    @Nested
    class Priorities {
        @Test
        void halfAgainBeyondTheLimitIsCritical() {
            start(AlarmSettings.defaults().withDelays(Delay.NONE, Delay.NONE));
            ec(1124);
            sample("R05", Quantity.EC, 1125);
            sample("R06", Quantity.DO, 1.5);
            sample("R07", Quantity.PH, 10.6);
            sample("R09", Quantity.PH, 9.5);
            assertEquals(AlarmPriority.HIGH, row(EC).orElseThrow().priority());
            assertEquals(AlarmPriority.CRITICAL, row("R05 EC HIGH").orElseThrow().priority());
            assertEquals(AlarmPriority.CRITICAL, row("R06 DO LOW").orElseThrow().priority());
            assertEquals(AlarmPriority.CRITICAL, row("R07 PH HIGH").orElseThrow().priority());
            assertEquals(AlarmPriority.HIGH, row("R09 PH HIGH").orElseThrow().priority());
        }

        @Test
        void theWorstValueDuringTheOnDelaySetsThePriority() {
            ec(1300, 800);
            assertEquals(AlarmPriority.CRITICAL, row(EC).orElseThrow().priority());
        }

        @Test
        void anActiveAlarmThatWorsensToCriticalAnnunciatesAgain() {
            ec(800, 800);
            ok(engine.acknowledge(EC, "Chen Wei", "", t));
            ec(1000);
            assertEquals(AlarmState.ACKED, state(EC));
            ec(1200);
            AlarmRow r = row(EC).orElseThrow();
            assertEquals(AlarmState.UNACK, r.state());
            assertEquals(AlarmPriority.CRITICAL, r.priority());
            assertEquals(List.of(RAISE, ACKNOWLEDGE, RAISE), actions());
            assertEquals("escalated to critical", last().comment());
            assertEquals(AlarmPriority.CRITICAL, last().priority());
            assertEquals(2, engine.snapshot().highPriorityRaises());
        }

        @Test
        void systemAlarmPrioritiesPutSecurityFirst() {
            assertEquals(AlarmPriority.HIGH, AlarmEngine.priorityOf(Kind.SIGNATURE_FAILURE));
            assertEquals(AlarmPriority.HIGH, AlarmEngine.priorityOf(Kind.UNKNOWN_DEVICE));
            assertEquals(AlarmPriority.HIGH, AlarmEngine.priorityOf(Kind.REPLACED_DEVICE));
            assertEquals(AlarmPriority.MEDIUM, AlarmEngine.priorityOf(Kind.DEVICE_SILENT));
            assertEquals(AlarmPriority.MEDIUM, AlarmEngine.priorityOf(Kind.LINK_LOST));
            assertEquals(AlarmPriority.LOW, AlarmEngine.priorityOf(Kind.BAD_FRAMES));
            for (Kind k : Kind.values()) {
                AlarmEngine.priorityOf(k); // every kind has one
            }
        }
    }

    @Nested
    class Isa182States {
        @BeforeEach
        void noDelays() {
            start(AlarmSettings.defaults().withDelays(Delay.NONE, Delay.NONE));
        }

        @Test
        void raiseAcknowledgeReturnToNormal() {
            ec(800);
            assertEquals(AlarmState.UNACK, state(EC));
            ok(engine.acknowledge(EC, "Chen Wei", "calling the dye works", t));
            assertEquals(AlarmState.ACKED, state(EC));
            AlarmTransition ack = last();
            assertEquals("Chen Wei", ack.operator());
            assertEquals("calling the dye works", ack.comment());
            assertEquals(800, ack.value());
            ec(700);
            assertEquals(AlarmState.NORMAL, state(EC));
            assertEquals(List.of(RAISE, ACKNOWLEDGE, RETURN_TO_NORMAL), actions());
            assertEquals("", last().operator(), "the alarm system returned it, not a person");
            assertTrue(row(EC).isPresent(), "an alarm that had transitions stays listed");
        }

        @Test
        void returnToNormalBeforeAcknowledgementWaitsForIt() {
            ec(800, 700);
            assertEquals(AlarmState.RTN_UNACK, state(EC));
            ok(engine.acknowledge(EC, "Chen Wei", "", t));
            assertEquals(AlarmState.NORMAL, state(EC));
            assertEquals(List.of(RAISE, RETURN_TO_NORMAL, ACKNOWLEDGE), actions());
        }

        @Test
        void anAlarmThatComesBackBeforeAcknowledgementRaisesAgain() {
            ec(800, 700, 800);
            assertEquals(AlarmState.UNACK, state(EC));
            assertEquals(List.of(RAISE, RETURN_TO_NORMAL, RAISE), actions());
        }

        @Test
        void acknowledgingWhatNeedsNoAcknowledgementIsRefused() {
            ec(800);
            ok(engine.acknowledge(EC, "Chen Wei", "", t));
            CommandResult again = engine.acknowledge(EC, "Chen Wei", "", t);
            assertFalse(again.ok());
            assertEquals("R04 EC HIGH is acknowledged: nothing to acknowledge", again.message());
            assertFalse(engine.acknowledge("R99 EC HIGH", "Chen Wei", "", t).ok());
            assertEquals(List.of(RAISE, ACKNOWLEDGE), actions());
        }

        @Test
        void everyCommandNamesItsOperatorAndKeepsItsCommentWithinTheJournal() {
            ec(800);
            CommandResult anonymous = engine.acknowledge(EC, " ", "", t);
            assertFalse(anonymous.ok());
            assertTrue(anonymous.message().startsWith("no operator name"), anonymous.message());
            assertFalse(engine.acknowledge(EC, "o".repeat(65), "", t).ok());
            CommandResult tooLong = engine.acknowledge(EC, "Chen Wei", "\u6c34".repeat(86), t); // 258 bytes
            assertFalse(tooLong.ok());
            assertEquals("the comment is 258 bytes; the journal keeps at most 256", tooLong.message());
            assertEquals(AlarmState.UNACK, state(EC));
            ok(engine.acknowledge(EC, "Chen Wei", "  two\nlines\t ", t));
            assertEquals("two lines", last().comment());
        }
    }

    @Nested
    class Shelving {
        @BeforeEach
        void noDelays() {
            start(AlarmSettings.defaults().withDelays(Delay.NONE, Delay.NONE));
        }

        @Test
        void aShelvedAlarmReturnsToItsStateWhenTheShelveExpires() {
            ec(800);
            ok(engine.shelve(EC, "Chen Wei", "known discharge", t + HOUR, t));
            AlarmRow r = row(EC).orElseThrow();
            assertEquals(AlarmState.SHELVED, r.state());
            assertEquals(t + HOUR, r.shelvedUntil());
            AlarmTransition shelve = last();
            assertEquals(SHELVE, shelve.action());
            assertEquals(t + HOUR, shelve.shelvedUntilMs());
            long until = t + HOUR;
            ec(820, 830);
            engine.tick(until - 1);
            assertEquals(AlarmState.SHELVED, state(EC));
            engine.tick(until);
            assertEquals(AlarmState.UNACK, state(EC));
            assertEquals(List.of(RAISE, SHELVE, UNSHELVE), actions());
            assertEquals("", last().operator());
            assertEquals("shelve expired", last().comment());
            assertEquals(1, engine.snapshot().highPriorityRaises(), "coming back unchanged is no new alarm");
        }

        @Test
        void aConditionThatClearedWhileShelvedComesBackNormal() {
            ec(800);
            ok(engine.acknowledge(EC, "Chen Wei", "", t));
            ok(engine.shelve(EC, "Chen Wei", "", t + HOUR, t));
            ec(700);
            assertEquals(AlarmState.SHELVED, state(EC));
            assertEquals(List.of(RAISE, ACKNOWLEDGE, SHELVE), actions(), "nothing journaled while shelved");
            engine.tick(t + HOUR);
            assertEquals(AlarmState.NORMAL, state(EC));
        }

        @Test
        void aConditionThatCameWhileShelvedIsANewAlarmWhenTheShelveEnds() {
            ec(800, 700);
            ok(engine.acknowledge(EC, "Chen Wei", "", t));
            ok(engine.shelve(EC, "Chen Wei", "sensor fouled", t + HOUR, t));
            ec(900);
            assertEquals(AlarmState.SHELVED, state(EC));
            ok(engine.unshelve(EC, "Lin Mei-hua", "cleaned", t));
            assertEquals(AlarmState.UNACK, state(EC));
            List<AlarmAction> a = actions();
            assertEquals(List.of(UNSHELVE, RAISE), a.subList(a.size() - 2, a.size()));
            assertEquals("Lin Mei-hua", journal.transitions().get(a.size() - 2).operator());
        }

        @Test
        void shelvesEndInTheFutureWithinTheLongestShelve() {
            ec(800);
            assertEquals("a shelve must end in the future", engine.shelve(EC, "Chen Wei", "", t, t).message());
            assertEquals("a shelve may last at most 168 h",
                    engine.shelve(EC, "Chen Wei", "", t + 8 * 24 * HOUR, t).message());
            ok(engine.shelve(EC, "Chen Wei", "", t + 7 * 24 * HOUR, t));
            assertEquals("R04 EC HIGH is shelved already", engine.shelve(EC, "Chen Wei", "", t + HOUR, t).message());
            assertFalse(engine.unshelve("R04 EC HIGH", "", "", t).ok(), "an unshelve names its operator too");
            assertEquals(List.of(RAISE, SHELVE), actions());
        }

        @Test
        void onlyShelvedAlarmsUnshelve() {
            ec(800);
            assertEquals("R04 EC HIGH is not shelved", engine.unshelve(EC, "Chen Wei", "", t).message());
        }
    }

    @Nested
    class SuppressionAndService {
        @BeforeEach
        void noDelays() {
            start(AlarmSettings.defaults().withDelays(Delay.NONE, Delay.NONE));
        }

        Reading maintenance(double v) {
            return new Reading(Quantity.EC.code(), v, Reading.Quality.MAINTENANCE);
        }

        @Test
        void aStationInMaintenanceSuppressesItsAlarmsByDesign() {
            ec(800);
            sample("R04", maintenance(5000), 0);
            assertEquals(AlarmState.SUPPRESSED, state(EC));
            sample("R04", maintenance(0), 0);
            assertEquals(List.of(RAISE, SUPPRESS), actions());
            assertEquals("station reports maintenance", last().comment());
            ec(810);
            assertEquals(AlarmState.UNACK, state(EC), "back from maintenance, unchanged: still unacknowledged");
            assertEquals(List.of(RAISE, SUPPRESS, UNSUPPRESS), actions());
        }

        @Test
        void maintenanceOnAPointThatNeverAlarmedListsItSuppressed() {
            sample("R04", maintenance(100), 0);
            assertEquals(AlarmState.SUPPRESSED, state(EC));
            ec(700);
            assertEquals(AlarmState.NORMAL, state(EC));
        }

        @Test
        void outOfServiceIgnoresTheConditionUntilReturnedToService() {
            ec(800);
            ok(engine.acknowledge(EC, "Chen Wei", "", t));
            ok(engine.removeFromService(EC, "Chen Wei", "transmitter sent for repair", t));
            assertEquals(AlarmState.OUT_OF_SERVICE, state(EC));
            ec(700, 900);
            assertEquals(List.of(RAISE, ACKNOWLEDGE, OUT_OF_SERVICE), actions());
            assertFalse(engine.shelve(EC, "Chen Wei", "", t + HOUR, t).ok());
            ok(engine.returnToService(EC, "Chen Wei", "repaired", t));
            assertEquals(AlarmState.UNACK, state(EC), "it went normal and active again while out of service");
            assertEquals(List.of(RAISE, ACKNOWLEDGE, OUT_OF_SERVICE, RETURN_TO_SERVICE, RAISE), actions());
        }

        @Test
        void outOfServiceOutranksShelvingAndMaintenance() {
            ec(800);
            ok(engine.shelve(EC, "Chen Wei", "", t + HOUR, t));
            ok(engine.removeFromService(EC, "Chen Wei", "", t));
            assertEquals(0, row(EC).orElseThrow().shelvedUntil());
            engine.tick(t + 2 * HOUR);
            assertEquals(AlarmState.OUT_OF_SERVICE, state(EC), "the ended shelve does not expire");
            sample("R04", maintenance(1), 0);
            assertEquals(AlarmState.OUT_OF_SERVICE, state(EC));
            ok(engine.returnToService(EC, "Chen Wei", "", t));
            assertEquals(AlarmState.SUPPRESSED, state(EC));
            assertEquals(List.of(RAISE, SHELVE, OUT_OF_SERVICE, RETURN_TO_SERVICE, SUPPRESS), actions());
            assertFalse(engine.returnToService(EC, "Chen Wei", "", t).ok());
        }
    }

    @Nested
    class SystemAlarms {
        SystemAlarm alarm(Kind kind, String source, String deviceId, long occurrences) {
            return new SystemAlarm(kind, source, deviceId, kind + " on " + source, occurrences, t);
        }

        @Test
        void aSystemAlarmRaisesAtOnceUnderItsDeviceOrPort() {
            engine.onSystemAlarm(alarm(Kind.SIGNATURE_FAILURE, "/dev/ttyUSB0", "R04-A", 3), t);
            engine.onSystemAlarm(alarm(Kind.BAD_FRAMES, "/dev/ttyUSB1", null, 12), t);
            AlarmRow sig = row("R04-A SIGNATURE_FAILURE").orElseThrow();
            assertEquals(AlarmState.UNACK, sig.state());
            assertEquals(AlarmPriority.HIGH, sig.priority());
            assertTrue(sig.system());
            assertEquals(3, sig.occurrences());
            assertEquals("SIGNATURE_FAILURE on /dev/ttyUSB0", sig.comment());
            AlarmRow frames = row("/dev/ttyUSB1 BAD_FRAMES").orElseThrow();
            assertEquals("/dev/ttyUSB1", frames.source());
            assertEquals("BAD_FRAMES", frames.condition());
            assertEquals(AlarmPriority.LOW, frames.priority());
            assertEquals(1, engine.snapshot().highPriorityRaises(), "bad frames are low priority: no sound");
        }

        @Test
        void repeatsWhileActiveAreCountedNotRaisedAgain() {
            engine.onSystemAlarm(alarm(Kind.UNKNOWN_DEVICE, "/dev/ttyUSB0", "X-9", 1), t);
            t += 10 * MIN;
            engine.onSystemAlarm(alarm(Kind.UNKNOWN_DEVICE, "/dev/ttyUSB0", "X-9", 40), t);
            assertEquals(41, row("X-9 UNKNOWN_DEVICE").orElseThrow().occurrences());
            assertEquals(List.of(RAISE), actions());
        }

        @Test
        void aSystemAlarmWithoutItsOwnClearingSignalReturnsToNormalAfterAQuietHour() {
            engine.onSystemAlarm(alarm(Kind.LINK_LOST, "/dev/ttyUSB0", null, 1), t);
            long raised = t;
            engine.onSystemAlarm(alarm(Kind.LINK_LOST, "/dev/ttyUSB0", null, 1), raised + 30 * MIN);
            engine.tick(raised + 89 * MIN);
            assertEquals(AlarmState.UNACK, state("/dev/ttyUSB0 LINK_LOST"));
            engine.tick(raised + 90 * MIN);
            assertEquals(AlarmState.RTN_UNACK, state("/dev/ttyUSB0 LINK_LOST"));
            engine.onSystemAlarm(alarm(Kind.LINK_LOST, "/dev/ttyUSB0", null, 1), raised + 100 * MIN);
            assertEquals(List.of(RAISE, RETURN_TO_NORMAL, RAISE), actions());
        }

        @Test
        void aSilentDeviceClearsWhenItsRecordsComeAgain() {
            engine.onSystemAlarm(alarm(Kind.DEVICE_SILENT, "simulator", "R06-A", 1), t);
            engine.tick(t + 5 * HOUR);
            assertEquals(AlarmState.UNACK, state("R06-A DEVICE_SILENT"), "only a record ends a silence");
            sample("R04", Quantity.EC, 500);
            assertEquals(AlarmState.UNACK, state("R06-A DEVICE_SILENT"));
            sample("R06", Quantity.EC, 500);
            assertEquals(AlarmState.RTN_UNACK, state("R06-A DEVICE_SILENT"));
        }

        @Test
        void aTamperAlarmClearsOnARecordWithoutTheFlag() {
            engine.onSystemAlarm(alarm(Kind.DEVICE_TAMPERED, "simulator", "R04-A", 1), t);
            sample("R04", new Reading(Quantity.EC, 500), StatusFlags.TAMPER);
            assertEquals(AlarmState.UNACK, state("R04-A DEVICE_TAMPERED"));
            sample("R04", new Reading(Quantity.EC, 500), StatusFlags.LEAK);
            assertEquals(AlarmState.RTN_UNACK, state("R04-A DEVICE_TAMPERED"));
        }

        @Test
        void aLongPortPathKeepsItsEndWithinTheJournalsLimit() {
            String port = "/dev/serial/by-id/" + "usb-FTDI_FT232R_USB_UART_".repeat(6) + "A50285BI-if00-port0";
            engine.onSystemAlarm(new SystemAlarm(Kind.BAD_FRAMES, port, null, "x".repeat(400), 1, t), t);
            AlarmTransition raise = last();
            assertTrue(AlarmEvent.utf8Length(raise.source()) <= AlarmEvent.MAX_SOURCE_BYTES);
            assertTrue(raise.source().endsWith("A50285BI-if00-port0"), raise.source());
            assertTrue(AlarmEvent.utf8Length(raise.comment()) <= AlarmEvent.MAX_COMMENT_BYTES);
            assertTrue(AlarmEvent.utf8Length(raise.alarmId()) <= AlarmEvent.MAX_ALARM_ID_BYTES);
        }
    }

    @Nested
    class Snapshots {
        @Test
        void unacknowledgedFirstThenByPriorityThenNewest() {
            start(AlarmSettings.defaults().withDelays(Delay.NONE, Delay.NONE));
            sample("R04", Quantity.EC, 800);
            sample("R06", Quantity.EC, 2000);
            sample("R07", Quantity.EC, 800);
            ok(engine.acknowledge("R06 EC HIGH", "Chen Wei", "", t));
            engine.onSystemAlarm(new SystemAlarm(Kind.BAD_FRAMES, "/dev/ttyUSB1", null, "", 1, t), t);
            assertEquals(List.of("R07 EC HIGH", "R04 EC HIGH", "/dev/ttyUSB1 BAD_FRAMES", "R06 EC HIGH"),
                    engine.snapshot().rows().stream().map(AlarmRow::alarmId).toList());
            assertEquals(3, engine.snapshot().unacknowledged());
        }

        @Test
        void theVersionMovesOnlyWhenSomethingShownChanged() {
            ec(700, 700);
            long v = engine.version();
            ec(700);
            assertEquals(v, engine.version(), "a normal point that never alarmed is not shown");
            ec(800, 800);
            assertTrue(engine.version() > v);
            long active = engine.version();
            ec(850);
            assertTrue(engine.version() > active, "the value of an active alarm is shown");
        }

        @Test
        void everyJournaledTransitionFitsTheLedgersRules() {
            start(AlarmSettings.defaults().withDelays(Delay.NONE, Delay.NONE));
            ec(800);
            ok(engine.acknowledge(EC, "Chen Wei", "ok", t));
            ok(engine.shelve(EC, "Chen Wei", "", t + HOUR, t));
            engine.tick(t + 2 * HOUR);
            ec(700);
            engine.onSystemAlarm(new SystemAlarm(Kind.DEVICE_SILENT, "sim", "R06-A", "silent", 1, t), t);
            for (AlarmTransition tr : journal.transitions()) {
                AlarmEvent e = tr.toEvent(1);
                assertEquals(e, AlarmEvent.decode(e.encode()));
                assertTrue(e.priority() >= 1 && e.priority() <= 4);
                assertTrue(e.eventTimeMs() > 0);
                assertTrue(e.action() == SHELVE ? e.shelvedUntilMs() > e.eventTimeMs() : e.shelvedUntilMs() == 0);
                assertTrue(!e.action().needsOperator() || !e.operator().isBlank(), e.toString());
            }
        }
    }

    @Nested
    class Restore {
        final KeyPair node = KeyPair.generate();
        long height;

        JournaledAlarm j(String id, AlarmAction action, long time, String operator, long until) {
            String[] p = id.split(" ", 2);
            return new JournaledAlarm(new AlarmEvent(height, id, action, p[0], p[1], 3, 812, time, operator, "", until),
                    ++height, 0, new byte[32], node.address());
        }

        @Test
        void journaledStatesComeBackWithoutBeingJournaledAgain() {
            List<JournaledAlarm> events = new ArrayList<>(List.of(
                    j(EC, RAISE, T0, "", 0),
                    j("R06 EC HIGH", RAISE, T0, "", 0),
                    j("R06 EC HIGH", ACKNOWLEDGE, T0 + MIN, "Chen Wei", 0),
                    j("R07 CU HIGH", RAISE, T0, "", 0),
                    j("R07 CU HIGH", SHELVE, T0 + MIN, "Chen Wei", T0 + HOUR),
                    j("R04-A DEVICE_SILENT", RAISE, T0, "", 0),
                    j("R09 EC HIGH", RAISE, T0, "", 0),
                    j("R09 EC HIGH", RETURN_TO_NORMAL, T0 + MIN, "", 0)));
            engine.restore(events);
            assertTrue(journal.transitions().isEmpty());
            assertEquals(AlarmState.UNACK, state(EC));
            assertEquals(AlarmState.ACKED, state("R06 EC HIGH"));
            assertEquals(AlarmState.SHELVED, state("R07 CU HIGH"));
            assertEquals(AlarmState.RTN_UNACK, state("R09 EC HIGH"));
            assertTrue(row("R04-A DEVICE_SILENT").orElseThrow().system());
            assertEquals(0, engine.snapshot().highPriorityRaises(), "restored alarms are not news");
            engine.tick(T0 + HOUR);
            assertEquals(AlarmState.UNACK, state("R07 CU HIGH"));
            ec(700, 700);
            assertEquals(AlarmState.RTN_UNACK, state(EC), "the restored alarm's condition is judged again by samples");
            sample("R04", Quantity.PH, 7);
            assertEquals(AlarmState.RTN_UNACK, state("R04-A DEVICE_SILENT"));
            ok(engine.acknowledge("R09 EC HIGH", "Chen Wei", "", t));
        }
    }
}
