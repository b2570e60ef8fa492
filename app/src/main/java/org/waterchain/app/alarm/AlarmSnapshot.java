package org.waterchain.app.alarm;

import java.util.List;
import java.util.Optional;

/**
 * Every known alarm at one moment, most urgent first (unacknowledged before acknowledged, then by priority,
 * then newest). {@code highPriorityRaises} counts raises at high priority or above since the alarm system
 * started: a screen that sees it grow knows a new one came, however many snapshots were coalesced.
 */
public record AlarmSnapshot(List<AlarmRow> rows, long highPriorityRaises, long version) {
    public static final AlarmSnapshot EMPTY = new AlarmSnapshot(List.of(), 0, 0);

    public AlarmSnapshot {
        rows = List.copyOf(rows);
    }

    public Optional<AlarmRow> row(String alarmId) {
        return rows.stream().filter(r -> r.alarmId().equals(alarmId)).findFirst();
    }

    public long unacknowledged() {
        return rows.stream().filter(r -> r.state().unacknowledged()).count();
    }
}
