package org.waterchain.app.alarm;

/**
 * One alarm as the screens show it, immutable (it crosses from the alarm thread to the FX thread).
 *
 * @param timeMs       when it last changed state (its raise, for an active alarm)
 * @param value        the latest process value; NaN for system alarms
 * @param limit        the limit it is measured against ("≤ 750 µS/cm"), or "" for system alarms
 * @param operator     who acted last; "" when the alarm system did
 * @param comment      the last comment (a system alarm's detail when it raised)
 * @param shelvedUntil when the shelve ends; 0 unless shelved
 * @param occurrences  how many times a system alarm occurred in this activation (1 for process alarms)
 */
public record AlarmRow(String alarmId, String source, String condition, boolean system, AlarmPriority priority,
        AlarmState state, long timeMs, double value, String unit, String limit, String operator, String comment,
        long shelvedUntil, long occurrences) {}
