package org.waterchain.app.overview;

import java.util.List;
import org.waterchain.app.standards.ComplianceClass;

/**
 * What one station's tile shows: an immutable snapshot computed off the FX thread.
 *
 * @param ageMs time since the latest sample on the session clock, or -1 before the first
 */
public record StationTile(String stationId, String name, String kind, List<Value> values, ComplianceClass compliance,
        DeviceHealth health, long ageMs, String deviceId) {
    public StationTile {
        values = List.copyOf(values);
    }

    /** One quantity's latest value and its class against the standard. */
    public record Value(String symbol, double value, String unit, ComplianceClass compliance, String limit) {}
}
