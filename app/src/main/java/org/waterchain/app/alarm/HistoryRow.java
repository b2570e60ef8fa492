package org.waterchain.app.alarm;

import org.waterchain.ledger.alarm.AlarmAction;
import org.waterchain.ledger.alarm.AlarmEvent;
import org.waterchain.ledger.alarm.JournaledAlarm;
import org.waterchain.ledger.record.Quantity;

/**
 * One journaled alarm event as the history table shows it: who did what to which alarm, when, and in which
 * value-chain block (the tamper-evident part: the block's Merkle root covers the signed event).
 */
public record HistoryRow(String time, long height, String action, String alarmId, String priority, String value,
        String operator, String comment, String shelvedUntil, String signer) {
    public static HistoryRow of(JournaledAlarm j) {
        AlarmEvent e = j.event();
        return new HistoryRow(AlarmText.time(e.eventTimeMs()), j.height(), label(e.action()), e.alarmId(),
                e.priority() >= 1 && e.priority() <= 4 ? AlarmPriority.of(e.priority()).label() : Integer.toString(e.priority()),
                e.hasValue() ? AlarmText.value(e.value(), unitOf(e.condition())) : "",
                e.operator().isEmpty() ? "(alarm system)" : e.operator(), e.comment(),
                e.action() == AlarmAction.SHELVE ? AlarmText.time(e.shelvedUntilMs()) : "", j.signer().toString());
    }

    /** The unit of a process alarm's quantity ("CU HIGH" -> "mg/L"); "" for system alarms. */
    static String unitOf(String condition) {
        int sp = condition.indexOf(' ');
        return sp < 0 ? "" : Quantity.bySymbol(condition.substring(0, sp)).map(Quantity::unit).orElse("");
    }

    public static String label(AlarmAction a) {
        return switch (a) {
            case RAISE -> "Raised";
            case ACKNOWLEDGE -> "Acknowledged";
            case SHELVE -> "Shelved";
            case UNSHELVE -> "Unshelved";
            case RETURN_TO_NORMAL -> "Returned to normal";
            case SUPPRESS -> "Suppressed";
            case UNSUPPRESS -> "Unsuppressed";
            case OUT_OF_SERVICE -> "Out of service";
            case RETURN_TO_SERVICE -> "Returned to service";
        };
    }

    public boolean matches(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String n = text.strip().toLowerCase(java.util.Locale.ROOT);
        return (alarmId + "\n" + action + "\n" + operator + "\n" + comment).toLowerCase(java.util.Locale.ROOT).contains(n);
    }
}
