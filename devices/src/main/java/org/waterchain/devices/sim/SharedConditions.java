package org.waterchain.devices.sim;

/**
 * The parts of the signal every station shares at one instant: the season's and the day's temperature swing, the
 * photosynthesis phase, and the storm flow ratio. Stations sample on a common grid, so computing these once per
 * instant instead of once per reading saves most of the trigonometry.
 */
final class SharedConditions {
    private static final double DAY_MS = 86_400_000.0;
    private static final double YEAR_MS = 365.2425 * DAY_MS;
    /** Day of year (0-based) of the warmest water: late July in the subtropics. */
    private static final double WARMEST_DAY = 205;
    /** Hour of the warmest water in the day; shallow channels lag the air by a couple of hours. */
    private static final double WARMEST_HOUR = 16;
    /** Hour of the strongest photosynthesis effect on DO and pH (it peaks in mid-afternoon, bottoms out before dawn). */
    private static final double PHOTO_PEAK_HOUR = 15.5;

    private final long zoneOffsetMs;
    private final StormProcess storms;

    private long cachedAt = Long.MIN_VALUE;
    double seasonalTemperature;
    double diurnalTemperature;
    double photo;
    double flowRatio;

    SharedConditions(long zoneOffsetMs, StormProcess storms) {
        this.zoneOffsetMs = zoneOffsetMs;
        this.storms = storms;
    }

    /** Brings the fields to {@code timeMs}; cheap when called again for the same instant. */
    SharedConditions at(long timeMs) {
        if (timeMs != cachedAt) {
            long local = timeMs + zoneOffsetMs;
            double hour = Math.floorMod(local, (long) DAY_MS) / 3_600_000.0;
            double yearPhase = (local % YEAR_MS) / YEAR_MS;
            seasonalTemperature = QuantityModel.TEMPERATURE_SEASONAL
                    * Math.cos(2 * Math.PI * (yearPhase - WARMEST_DAY / 365.2425));
            diurnalTemperature = QuantityModel.TEMPERATURE_DIURNAL * Math.cos(2 * Math.PI * (hour - WARMEST_HOUR) / 24);
            photo = Math.cos(2 * Math.PI * (hour - PHOTO_PEAK_HOUR) / 24);
            flowRatio = storms.flowRatio(timeMs);
            cachedAt = timeMs;
        }
        return this;
    }

    /** A separate instance on the same storms, for look-ups that must not disturb the hot loop's cache. */
    SharedConditions copy() {
        return new SharedConditions(zoneOffsetMs, storms);
    }
}
