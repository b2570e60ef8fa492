package org.waterchain.devices.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notices devices that stopped reporting: a device is silent when nothing arrived for two push intervals plus
 * a grace period. One alarm per silence; the next record ends it.
 */
final class SilenceWatch {
    private static final class Watched {
        final long intervalMs;
        volatile long lastSeenMs;
        volatile boolean silent;

        Watched(long intervalMs, long since) {
            this.intervalMs = intervalMs;
            this.lastSeenMs = since;
        }
    }

    record Silent(String deviceId, String source, long lastSeenMs, long intervalMs) {}

    private final long graceMs;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final Map<String, String> sourceOf = new ConcurrentHashMap<>();

    SilenceWatch(long graceMs) {
        this.graceMs = graceMs;
    }

    void expect(String deviceId, String source, long intervalMs, long nowMs) {
        watched.compute(deviceId, (k, old) -> {
            Watched w = new Watched(intervalMs, old == null ? nowMs : old.lastSeenMs);
            // a HELLO repeated by a device that sends no records must not end its silence and alarm again
            w.silent = old != null && old.silent;
            return w;
        });
        sourceOf.put(deviceId, source);
    }

    void forget(String deviceId) {
        watched.remove(deviceId);
        sourceOf.remove(deviceId);
    }

    synchronized void seen(String deviceId, long nowMs) {
        Watched w = watched.get(deviceId);
        if (w != null) {
            w.lastSeenMs = nowMs;
            w.silent = false;
        }
    }

    /** The devices that fell silent since the last check. */
    synchronized List<Silent> check(long nowMs) {
        List<Silent> out = new ArrayList<>();
        watched.forEach((id, w) -> {
            if (!w.silent && nowMs - w.lastSeenMs > 2 * w.intervalMs + graceMs) {
                w.silent = true;
                out.add(new Silent(id, sourceOf.getOrDefault(id, "?"), w.lastSeenMs, w.intervalMs));
            }
        });
        return out;
    }
}
