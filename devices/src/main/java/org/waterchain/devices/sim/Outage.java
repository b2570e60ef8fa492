package org.waterchain.devices.sim;

/**
 * A silent period of a station's device: no sample is sent for sample times in [fromMs, toMs).
 *
 * @param scheduled true when asked for (a planned maintenance, a test), false for the simulator's random outages
 */
public record Outage(String stationId, String deviceId, long fromMs, long toMs, boolean scheduled) {
    public Outage {
        if (toMs <= fromMs) {
            throw new IllegalArgumentException("outage of " + stationId + " must end after it begins: " + fromMs + ".." + toMs);
        }
    }

    public boolean covers(long timeMs) {
        return timeMs >= fromMs && timeMs < toMs;
    }
}
