package org.waterchain.devices.sim;

import java.util.EnumMap;
import java.util.Map;
import org.waterchain.ledger.record.Quantity;

/**
 * How one quantity behaves in an irrigation channel of the demo's kind (warm, shallow, lowland; Taoyuan-like) and how
 * its sensor behaves: typical level and how much it varies between stations, the sensor's noise, correlation time,
 * drift and resolution, how fast an injected excess fades while it travels, and how large a background pollution
 * event typically is. The noise-free signal itself is computed by {@link #baseline}, from the environment every
 * quantity shares (water temperature, photosynthesis, storm flow), so that quantities stay physically coupled.
 *
 * @param typical          typical level in the quantity's registry unit; for dissolved oxygen the saturation fraction,
 *                         for pressure the depth of water over the sensor in m; flow comes from the network's hydrology
 * @param stationSpread    how much a station's own level differs from {@code typical}: a relative (log-normal) spread,
 *                         or an absolute standard deviation when {@code additiveSpread}
 * @param noiseAbs         white part of the sensor noise's standard deviation, in units
 * @param noiseRel         part of the noise standard deviation proportional to the value
 * @param noiseTauMs       correlation time of the noise (AR(1)); 0 for independent batch analyses
 * @param driftAbsPerDay   standard deviation of a sensor's drift rate, units per day
 * @param driftRelPerDay   the same, as a fraction of the station's level per day
 * @param decimals         resolution the sensor reports
 * @param decayPerHour     first-order loss of a travelling excess (settling, re-aeration, heat exchange)
 * @param eventMagnitude   typical excess of a background pollution event at its origin; 0 = no such events
 */
public record QuantityModel(Quantity quantity, double typical, double stationSpread, boolean additiveSpread,
                            double noiseAbs, double noiseRel, long noiseTauMs, double driftAbsPerDay,
                            double driftRelPerDay, int decimals, double min, double max, double decayPerHour,
                            double eventMagnitude) {

    private static final long MINUTE = 60_000;
    private static final double[] SCALES = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    private static final Map<Quantity, QuantityModel> MODELS = new EnumMap<>(Quantity.class);

    static {
        // Regular-station quantities; levels after Taiwanese irrigation-water monitoring (EC a few hundred uS/cm,
        // DO 5-8 mg/L, turbidity and SS in the tens), noise and drift after typical multi-parameter sondes.
        put(new QuantityModel(Quantity.FLOW, 0, 0, false, 0, 0.02, 15 * MINUTE, 0, 0.001, 1, 0, 1e9, 0, 0));
        put(new QuantityModel(Quantity.EC, 420, 0.15, false, 2, 0.005, 10 * MINUTE, 0, 0.002, 1, 0, 1e6, 0, 600));
        put(new QuantityModel(Quantity.SS, 25, 0.3, false, 1, 0.05, 5 * MINUTE, 0, 0.003, 1, 0, 1e6, 0.05, 150));
        put(new QuantityModel(Quantity.UV254, 8, 0.25, false, 0.1, 0.02, 10 * MINUTE, 0, 0.003, 2, 0, 1e4, 0.02, 25));
        put(new QuantityModel(Quantity.TURBIDITY, 12, 0.3, false, 0.2, 0.04, 5 * MINUTE, 0, 0.004, 2, 0, 1e5, 0.05, 80));
        put(new QuantityModel(Quantity.PH, 7.3, 0.15, true, 0.02, 0, 10 * MINUTE, 0.01, 0, 2, 0, 14, 0.1, -1.5));
        put(new QuantityModel(Quantity.TEMPERATURE, 24, 1.0, true, 0.03, 0, 20 * MINUTE, 0.002, 0, 2, -2, 45, 0.3, 4));
        put(new QuantityModel(Quantity.ORP, 200, 25, true, 3, 0, 15 * MINUTE, 0.5, 0, 1, -800, 900, 0.2, -120));
        put(new QuantityModel(Quantity.DO, 0.85, 0.05, false, 0.05, 0.01, 10 * MINUTE, 0, 0.002, 2, 0, 20, 0.3, -3));
        put(new QuantityModel(Quantity.LEVEL, 0.8, 0.2, false, 0.003, 0, 10 * MINUTE, 0.0005, 0, 3, 0, 100, 0, 0));
        put(new QuantityModel(Quantity.PRESSURE, 0.8, 0.2, false, 0.05, 0, 10 * MINUTE, 0.005, 0, 2, 0, 1e4, 0, 0));
        // Heavy metals near natural background; a batch analyser's results are independent from batch to batch.
        put(new QuantityModel(Quantity.CU, 0.02, 0.3, false, 0.002, 0.05, 0, 0, 0.002, 4, 0, 1e3, 0.02, 1.0));
        put(new QuantityModel(Quantity.ZN, 0.08, 0.3, false, 0.005, 0.05, 0, 0, 0.002, 4, 0, 1e3, 0.02, 3.0));
        put(new QuantityModel(Quantity.NI, 0.01, 0.3, false, 0.001, 0.05, 0, 0, 0.002, 4, 0, 1e3, 0.02, 0.6));
        put(new QuantityModel(Quantity.PB, 0.004, 0.3, false, 0.0005, 0.05, 0, 0, 0.002, 4, 0, 1e3, 0.03, 0.3));
        put(new QuantityModel(Quantity.CD, 0.0005, 0.3, false, 0.0001, 0.05, 0, 0, 0.002, 5, 0, 1e3, 0.03, 0.03));
        for (Quantity q : Quantity.values()) {
            if (!MODELS.containsKey(q)) {
                throw new ExceptionInInitializerError("no simulation model for quantity " + q);
            }
        }
    }

    private static void put(QuantityModel m) {
        MODELS.put(m.quantity(), m);
    }

    public static QuantityModel of(Quantity q) {
        return MODELS.get(q);
    }

    /** Mean diurnal swing of water temperature, degC (shallow channels follow the air). */
    static final double TEMPERATURE_DIURNAL = 1.5;
    /** Seasonal swing of water temperature around the station mean, degC. */
    static final double TEMPERATURE_SEASONAL = 5.0;
    /** Swing of the oxygen saturation fraction with photosynthesis. */
    static final double PHOTOSYNTHESIS_DO = 0.12;

    /**
     * The noise-free, unpolluted value at a station.
     *
     * @param level        the station's own level for this quantity (see {@link #stationLevel})
     * @param baseFlowM3h  the station's dry-weather flow
     * @param temperature  water temperature, degC, at this station and time (already including season and day)
     * @param photo        photosynthesis phase, -1 at night's end .. +1 mid-afternoon
     * @param flowRatio    flow over dry-weather flow (1 in dry weather, more during a storm)
     */
    public double baseline(double level, double baseFlowM3h, double temperature, double photo, double flowRatio) {
        double wet = 1 - 1 / flowRatio;
        return switch (quantity) {
            case FLOW -> baseFlowM3h * flowRatio;
            case LEVEL -> level * Math.pow(flowRatio, 0.4);
            // Gauge pressure at a bottom-mounted sensor: the water column above it.
            case PRESSURE -> 9.80665 * level * Math.pow(flowRatio, 0.4);
            case TEMPERATURE -> temperature;
            case DO -> oxygenSaturation(temperature) * Math.min(1.2, level + PHOTOSYNTHESIS_DO * photo + 0.05 * wet);
            // CO2 uptake by algae raises pH in the afternoon; rain water is slightly acidic.
            case PH -> level + 0.25 * photo - 0.2 * wet;
            case ORP -> level + 25 * photo + 20 * wet;
            // Storm runoff dilutes dissolved salts...
            case EC -> level * Math.pow(flowRatio, -0.6);
            // ...and washes in particles, organic matter and particle-bound metals.
            case TURBIDITY -> level * Math.pow(flowRatio, 1.5);
            case SS -> level * Math.pow(flowRatio, 1.6);
            case UV254 -> level * Math.pow(flowRatio, 0.5);
            case CU, ZN, NI, PB, CD -> level * (1 + 0.5 * (flowRatio - 1));
        };
    }

    /**
     * Dissolved-oxygen saturation of fresh water at sea level, mg/L: Benson and Krause's equation as given in APHA
     * Standard Methods 4500-O (9.09 mg/L at 20 degC, 7.56 at 30).
     */
    public static double oxygenSaturation(double temperatureC) {
        double k = Math.max(0, Math.min(40, temperatureC)) + 273.15;
        return Math.exp(-139.34411 + 1.575701e5 / k - 6.642308e7 / (k * k) + 1.243800e10 / (k * k * k)
                - 8.621949e11 / (k * k * k * k));
    }

    /** A station's own level of this quantity, drawn once from a standard normal variate. */
    public double stationLevel(double standardNormal) {
        return additiveSpread ? typical + stationSpread * standardNormal
                : typical * Math.exp(stationSpread * standardNormal - 0.5 * stationSpread * stationSpread);
    }

    /** Noise standard deviation of a reading of value {@code v}. */
    public double noiseSd(double v) {
        return noiseAbs + noiseRel * Math.abs(v);
    }

    /** Standard deviation of a sensor's drift rate per day, at a station whose level is {@code level}. */
    public double driftSdPerDay(double level) {
        return driftAbsPerDay + driftRelPerDay * Math.abs(level);
    }

    /** AR(1) coefficient for sampling every {@code intervalMs}: correlation exp(-interval / tau). */
    public double arCoefficient(long intervalMs) {
        return noiseTauMs <= 0 ? 0 : Math.exp(-(double) intervalMs / noiseTauMs);
    }

    /** What the sensor reports for a physical value: clamped to its range and rounded to its resolution. */
    public double report(double v) {
        double c = Math.max(min, Math.min(max, v));
        double scale = SCALES[decimals];
        return Math.round(c * scale) / scale;
    }

    public QuantityModel {
        if (decimals < 0 || decimals >= 7) {
            throw new IllegalArgumentException("decimals must be 0..6");
        }
    }
}
