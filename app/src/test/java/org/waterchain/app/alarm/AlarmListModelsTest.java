package org.waterchain.app.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.waterchain.app.standards.Standard;
import org.waterchain.ledger.alarm.AlarmAction;
import org.waterchain.ledger.alarm.AlarmEvent;
import org.waterchain.ledger.alarm.JournaledAlarm;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.record.Quantity;

/** The list's filters, the banner's choice and alert, and how alarms read: all without the toolkit. */
class AlarmListModelsTest {
    static AlarmRow row(String id, AlarmPriority p, AlarmState s, long time) {
        String[] parts = id.split(" ", 2);
        return new AlarmRow(id, parts[0], parts[1], false, p, s, time, 812.0, "\u00b5S/cm", "\u2264 750 \u00b5S/cm", "", "", 0, 1);
    }

    static final List<AlarmRow> ROWS = List.of(
            row("R04 EC HIGH", AlarmPriority.HIGH, AlarmState.UNACK, 10),
            row("R06 EC HIGH", AlarmPriority.CRITICAL, AlarmState.ACKED, 20),
            row("R07 PH LOW", AlarmPriority.HIGH, AlarmState.RTN_UNACK, 30),
            row("R09 EC HIGH", AlarmPriority.HIGH, AlarmState.SHELVED, 40),
            row("R10 CU HIGH", AlarmPriority.HIGH, AlarmState.SUPPRESSED, 50),
            row("R12 DO LOW", AlarmPriority.HIGH, AlarmState.OUT_OF_SERVICE, 60),
            new AlarmRow("/dev/ttyUSB0 BAD_FRAMES", "/dev/ttyUSB0", "BAD_FRAMES", true, AlarmPriority.LOW, AlarmState.UNACK,
                    70, Double.NaN, "", "", "Chen Wei", "CRC errors on the RS-485 line", 0, 14),
            row("M02 CU HIGH", AlarmPriority.HIGH, AlarmState.NORMAL, 80));

    static List<String> ids(List<AlarmRow> rows) {
        return rows.stream().map(AlarmRow::alarmId).toList();
    }

    @Test
    void stateFilters() {
        assertEquals(8, AlarmFilter.ALL.apply(ROWS).size());
        assertEquals(List.of("R04 EC HIGH", "R06 EC HIGH", "/dev/ttyUSB0 BAD_FRAMES"),
                ids(AlarmFilter.ALL.withStates(AlarmFilter.States.ACTIVE).apply(ROWS)));
        assertEquals(List.of("R04 EC HIGH", "R07 PH LOW", "/dev/ttyUSB0 BAD_FRAMES"),
                ids(AlarmFilter.ALL.withStates(AlarmFilter.States.UNACKNOWLEDGED).apply(ROWS)));
        assertEquals(List.of("R09 EC HIGH"), ids(AlarmFilter.ALL.withStates(AlarmFilter.States.SHELVED).apply(ROWS)));
        assertEquals(List.of("R10 CU HIGH", "R12 DO LOW"),
                ids(AlarmFilter.ALL.withStates(AlarmFilter.States.SUPPRESSED).apply(ROWS)));
    }

    @Test
    void priorityFilterKeepsThatPriorityAndAbove() {
        assertEquals(List.of("R06 EC HIGH"), ids(AlarmFilter.ALL.withMinPriority(AlarmPriority.CRITICAL).apply(ROWS)));
        assertEquals(7, AlarmFilter.ALL.withMinPriority(AlarmPriority.HIGH).apply(ROWS).size());
        assertEquals(8, AlarmFilter.ALL.withMinPriority(AlarmPriority.LOW).apply(ROWS).size());
    }

    @Test
    void textSearchLooksAtIdSourceConditionOperatorAndCommentIgnoringCase() {
        assertEquals(List.of("R04 EC HIGH", "R06 EC HIGH", "R09 EC HIGH"), ids(AlarmFilter.ALL.withText(" ec ").apply(ROWS)));
        assertEquals(List.of("/dev/ttyUSB0 BAD_FRAMES"), ids(AlarmFilter.ALL.withText("rs-485").apply(ROWS)));
        assertEquals(List.of("/dev/ttyUSB0 BAD_FRAMES"), ids(AlarmFilter.ALL.withText("chen").apply(ROWS)));
        assertEquals(List.of("R06 EC HIGH"), ids(AlarmFilter.ALL.withText("ec").withMinPriority(AlarmPriority.CRITICAL)
                .withStates(AlarmFilter.States.ACTIVE).apply(ROWS)));
        assertTrue(AlarmFilter.ALL.withText("R99").apply(ROWS).isEmpty());
    }

    @Test
    void bannerHidesWhenNothingWaitsForAcknowledgement() {
        BannerModel m = new BannerModel();
        assertTrue(m.update(new AlarmSnapshot(List.of(ROWS.get(1), ROWS.get(3)), 0, 1)).isEmpty());
    }

    @Test
    void bannerShowsTheNewestOfTheHighestPriorityUnacknowledged() {
        BannerModel m = new BannerModel();
        AlarmRow older = row("R04 EC HIGH", AlarmPriority.HIGH, AlarmState.UNACK, 10);
        AlarmRow newer = row("R07 PH LOW", AlarmPriority.HIGH, AlarmState.RTN_UNACK, 30);
        AlarmRow low = row("R09 EC HIGH", AlarmPriority.LOW, AlarmState.UNACK, 90);
        BannerModel.Banner b = m.update(new AlarmSnapshot(List.of(older, newer, low, ROWS.get(1)), 0, 1)).orElseThrow();
        assertEquals("R07 PH LOW", b.top().alarmId());
        assertEquals(3, b.unacknowledged());
    }

    @Test
    void bannerAlertsOnlyForNewHighPriorityRaisesAfterTheFirstSnapshot() {
        BannerModel m = new BannerModel();
        List<AlarmRow> rows = List.of(ROWS.get(0));
        assertFalse(m.update(new AlarmSnapshot(rows, 4, 1)).orElseThrow().alert(), "what was there at start is not news");
        assertFalse(m.update(new AlarmSnapshot(rows, 4, 2)).orElseThrow().alert());
        assertTrue(m.update(new AlarmSnapshot(rows, 6, 3)).orElseThrow().alert(), "coalesced snapshots still alert");
        assertFalse(m.update(new AlarmSnapshot(rows, 6, 4)).orElseThrow().alert());
        assertEquals(Optional.empty(), m.update(new AlarmSnapshot(List.of(), 7, 5)), "a hidden banner does not alert");
        assertFalse(m.update(new AlarmSnapshot(rows, 7, 6)).orElseThrow().alert());
    }

    @Test
    void summariesReadAsTheOperatorExpects() {
        assertEquals("R04 EC HIGH  812.0 \u00b5S/cm (limit \u2264 750 \u00b5S/cm)", AlarmText.summary(ROWS.get(0)));
        assertEquals("R07 PH LOW  812.0 \u00b5S/cm (limit \u2264 750 \u00b5S/cm)  (cleared)", AlarmText.summary(ROWS.get(2)));
        assertEquals("/dev/ttyUSB0 BAD_FRAMES  CRC errors on the RS-485 line", AlarmText.summary(ROWS.get(6)));
        assertEquals("0.412 mg/L", AlarmText.value(0.4123, "mg/L"));
        assertEquals("7.25", AlarmText.value(7.25, ""));
        assertEquals("", AlarmText.value(Double.NaN, "mg/L"));
        assertEquals("15 min", AlarmText.duration(15 * 60_000));
        assertEquals("8 h", AlarmText.duration(8 * 3_600_000));
        assertEquals("90 min", AlarmText.duration(90 * 60_000));
    }

    @Test
    void historyRowsSayWhoDidWhatWhereOnTheChain() {
        KeyPair node = KeyPair.generate();
        JournaledAlarm shelve = new JournaledAlarm(new AlarmEvent(1, "R10 CU HIGH", AlarmAction.SHELVE, "R10", "CU HIGH", 3, 0.412,
                1_767_225_600_000L, "Chen Wei", "analyser calibration", 1_767_229_200_000L), 57, 2, new byte[32], node.address());
        HistoryRow h = HistoryRow.of(shelve);
        assertEquals(57, h.height());
        assertEquals("Shelved", h.action());
        assertEquals("High", h.priority());
        assertEquals("0.412 mg/L", h.value());
        assertEquals("Chen Wei", h.operator());
        assertEquals(AlarmText.time(1_767_229_200_000L), h.shelvedUntil());
        assertEquals(node.address().toString(), h.signer());
        assertTrue(h.matches("calibration"));
        assertTrue(h.matches("r10 cu"));
        assertFalse(h.matches("R04"));
        JournaledAlarm rtn = new JournaledAlarm(new AlarmEvent(2, "x DEVICE_SILENT", AlarmAction.RETURN_TO_NORMAL, "x",
                "DEVICE_SILENT", 2, Double.NaN, 1, "", "", 0), 58, 0, new byte[32], node.address());
        HistoryRow r = HistoryRow.of(rtn);
        assertEquals("(alarm system)", r.operator());
        assertEquals("", r.value());
        assertEquals("", r.shelvedUntil());
        for (AlarmAction a : AlarmAction.values()) {
            assertFalse(HistoryRow.label(a).isEmpty());
        }
    }

    @Test
    void limitAlarmsFromStandards() {
        AlarmSettings s = AlarmSettings.defaults();
        List<LimitAlarm> ph = LimitAlarm.of(new Standard(Quantity.PH, 6, 9, 0.8), s);
        assertEquals(2, ph.size());
        LimitAlarm high = ph.get(0);
        assertEquals("PH HIGH", high.condition());
        assertEquals(1.5, high.scale());
        assertTrue(high.exceeded(9.01));
        assertFalse(high.exceeded(9));
        LimitAlarm cu = LimitAlarm.of(new Standard(Quantity.CU, Double.NaN, 0.2, 0.75), s).get(0);
        assertEquals("\u2264 0.2 mg/L", cu.describe());
        assertEquals(0.01, cu.deadband(), 1e-12);
        LimitAlarm zero = LimitAlarm.of(new Standard(Quantity.CD, Double.NaN, 0, 0.75), s).get(0);
        assertEquals(AlarmPriority.HIGH, zero.priority(100), "a zero limit has no scale to be critical against");
    }

    @Test
    void delaysCountSamplesOrTime() {
        assertTrue(Delay.NONE.satisfied(1, 0));
        assertFalse(Delay.samples(3).satisfied(2, 1_000_000));
        assertTrue(Delay.samples(3).satisfied(3, 0));
        assertFalse(Delay.time(600_000).satisfied(100, 599_999));
        assertTrue(Delay.time(600_000).satisfied(1, 600_000));
        assertEquals(Delay.NONE, Delay.time(0));
        assertThrows(IllegalArgumentException.class, () -> Delay.samples(0));
        assertThrows(IllegalArgumentException.class, () -> new Delay(2, 1000));
    }
}
