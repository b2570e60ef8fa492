package org.waterchain.app.alarm;

import org.waterchain.devices.ingest.SystemAlarm;

/** The alarm engine's mutable state of one alarm; only the engine's thread touches it. */
final class Alarm {
    final String id;
    final String source;
    final String condition;
    /** Non-null for a system alarm whose kind is known. */
    final SystemAlarm.Kind kind;
    final boolean system;

    /** Process alarms: the limit as last derived from the standards; null until a sample came. */
    LimitAlarm limit;
    AlarmPriority priority;
    AlarmState state = AlarmState.NORMAL;
    /** Shown in the list: it has had a transition (a point that never alarmed is not listed). */
    boolean listed;

    /** The condition itself, after the delays; watched in every state. */
    boolean active;
    /** Consecutive samples (and since when) towards the pending change of the condition. */
    int count;
    long since;
    AlarmPriority worstPending;
    long lastSampleMs = Long.MIN_VALUE;
    double value = Double.NaN;

    long timeMs;
    String operator = "";
    String comment = "";

    /** While shelved, suppressed or out of service: the state to go back to, and whether the condition changed. */
    AlarmState before;
    boolean changedWhileHidden;
    long shelvedUntil;
    /** The station reports maintenance for this point (the reason for SUPPRESSED). */
    boolean maintenance;

    long occurrences;
    long lastOccurrenceMs;

    Alarm(String id, String source, String condition, boolean system, SystemAlarm.Kind kind, AlarmPriority priority) {
        this.id = id;
        this.source = source;
        this.condition = condition;
        this.system = system;
        this.kind = kind;
        this.priority = priority;
    }

    AlarmRow row() {
        return new AlarmRow(id, source, condition, system, priority, state, timeMs, value,
                limit == null ? "" : limit.quantity().unit(), limit == null ? "" : limit.describe(), operator, comment,
                state == AlarmState.SHELVED ? shelvedUntil : 0, Math.max(1, occurrences));
    }
}
