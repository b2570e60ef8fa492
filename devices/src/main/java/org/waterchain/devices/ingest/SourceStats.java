package org.waterchain.devices.ingest;

import java.util.Map;

/**
 * What one source (a port, a Modbus bus, a simulator) has delivered: an immutable snapshot for display.
 *
 * @param lastAcceptedMs receipt time of the last record that passed, or -1
 */
public record SourceStats(String source, long accepted, Map<RejectReason, Long> rejected, long lastAcceptedMs,
        String lastDeviceId) {
    public SourceStats {
        rejected = Map.copyOf(rejected);
    }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rejected(RejectReason r) {
        return rejected.getOrDefault(r, 0L);
    }
}
