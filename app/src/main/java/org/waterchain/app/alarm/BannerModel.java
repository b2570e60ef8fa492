package org.waterchain.app.alarm;

import java.util.Comparator;
import java.util.Optional;

/**
 * What the alarm banner shows, without the toolkit: nothing when no alarm waits for acknowledgement; otherwise
 * the newest of the highest-priority unacknowledged alarms and how many wait; and whether a new alarm of high
 * priority or above came since the last snapshot (flash and sound). Owned by the FX thread.
 */
public final class BannerModel {
    /** @param alert a new high-priority alarm came with this snapshot */
    public record Banner(AlarmRow top, long unacknowledged, boolean alert) {}

    private static final Comparator<AlarmRow> SHOWN_FIRST = Comparator.comparing(AlarmRow::priority)
            .thenComparingLong(AlarmRow::timeMs);

    private long seenRaises = -1;

    /** Empty when the banner hides. */
    public Optional<Banner> update(AlarmSnapshot s) {
        // the first snapshot only sets the baseline: alarms restored at start are not news
        boolean alert = seenRaises >= 0 && s.highPriorityRaises() > seenRaises;
        seenRaises = Math.max(seenRaises, s.highPriorityRaises());
        return s.rows().stream().filter(r -> r.state().unacknowledged()).max(SHOWN_FIRST)
                .map(top -> new Banner(top, s.unacknowledged(), alert));
    }
}
