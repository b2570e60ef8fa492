package org.waterchain.devices.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Folds repeats of one problem into one alarm per hold-off period, so a noisy line or a replaying device
 * raises an alarm, not thousands. The counters keep every occurrence; the alarm says how many it stands for.
 */
final class AlarmFolding {
    private record Key(SystemAlarm.Kind kind, String source, String deviceId) {}

    private static final class Pending {
        long lastRaisedMs;
        long unreported;
    }

    private final long holdOffMs;
    private final SystemAlarm.Listener listener;
    private final Map<Key, Pending> pending = new HashMap<>();

    AlarmFolding(long holdOffMs, SystemAlarm.Listener listener) {
        this.holdOffMs = holdOffMs;
        this.listener = Objects.requireNonNull(listener);
    }

    void occurred(SystemAlarm.Kind kind, String source, String deviceId, String detail, long nowMs) {
        SystemAlarm alarm;
        synchronized (this) {
            Pending p = pending.computeIfAbsent(new Key(kind, source, deviceId), k -> {
                Pending n = new Pending();
                n.lastRaisedMs = Long.MIN_VALUE;
                return n;
            });
            p.unreported++;
            if (p.lastRaisedMs != Long.MIN_VALUE && nowMs - p.lastRaisedMs < holdOffMs) {
                return;
            }
            alarm = new SystemAlarm(kind, source, deviceId, detail, p.unreported, nowMs);
            p.unreported = 0;
            p.lastRaisedMs = nowMs;
        }
        listener.raised(alarm);
    }
}
