package org.waterchain.devices.sim;

/**
 * What the registry does not say but a simulation needs: how often each kind of station samples, how long a
 * heavy-metal analyser takes, and how fast water flows in channels (the registry has lengths, not velocities).
 *
 * @param regularIntervalMs        sampling interval of regular, flow and outfall stations
 * @param heavyMetalIntervalMs     sampling interval of heavy-metal batch analysers
 * @param heavyMetalReportDelayMs  analysis time between a heavy-metal sample and its report
 * @param channelVelocityMps       mean flow velocity assumed for every channel
 */
public record NetworkDefaults(long regularIntervalMs, long heavyMetalIntervalMs, long heavyMetalReportDelayMs,
                              double channelVelocityMps) {

    /**
     * The demo district: 1-minute regular stations (smooth live charts), a 15-minute heavy-metal analyser with
     * 10 minutes of analysis, and 0.5 m/s, a typical mean velocity of a lined irrigation canal on a gentle slope
     * (the seed paper's San-Kuai-Tsuo channel falls 0.002).
     */
    public static final NetworkDefaults DEMO = new NetworkDefaults(60_000, 15 * 60_000, 10 * 60_000, 0.5);

    public NetworkDefaults {
        if (regularIntervalMs <= 0 || heavyMetalIntervalMs <= 0) {
            throw new IllegalArgumentException("sampling intervals must be positive");
        }
        if (heavyMetalReportDelayMs < 0) {
            throw new IllegalArgumentException("report delay must not be negative");
        }
        if (!(channelVelocityMps > 0)) {
            throw new IllegalArgumentException("channel velocity must be positive, got " + channelVelocityMps);
        }
    }
}
