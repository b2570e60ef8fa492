package org.waterchain.app.trace.narrowing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.waterchain.app.trace.transport.HydraulicModel;
import org.waterchain.app.trace.transport.ManningChannel;
import org.waterchain.app.trace.transport.Resolution;
import org.waterchain.app.trace.transport.TrapezoidSection;
import org.waterchain.devices.sim.NetworkDefaults;
import org.waterchain.devices.sim.QuantityModel;
import org.waterchain.devices.sim.SimulationConfig;
import org.waterchain.ledger.record.Quantity;

/**
 * What a trace assumes about channels the registry describes only by length and geometry: how fast water flows
 * and disperses, how much flows ({@link DryWeatherFlows}), the first-order loss of each quantity, and how finely
 * the model divides a stretch. All of these are assumptions until a survey or tracer study replaces them.
 *
 * @param decayPerHour first-order loss per hour by quantity symbol (upper case); absent symbols are conservative
 * @param segments     reporting segments per stretch (the paper's WASP model used 32)
 */
public record TransportAssumptions(HydraulicModel hydraulics, double headwaterFlowM3s, double lateralFlowM3s,
                                   Map<String, Double> decayPerHour, int segments, Resolution resolution) {
    public TransportAssumptions {
        if (hydraulics == null || resolution == null) {
            throw new IllegalArgumentException("hydraulics and resolution are required");
        }
        decayPerHour = Map.copyOf(decayPerHour);
        if (segments < 1) {
            throw new IllegalArgumentException("at least one segment is needed, got " + segments);
        }
    }

    /**
     * The seed paper's San-Kuai-Tsuo branch canal: bed slope 0.002 (from the paper); an inverted trapezoid 1 m wide
     * at the bottom with 1:1 sides and Manning's n 0.015 for a concrete lining (assumed: the paper gives no
     * dimensions); Fischer's dispersion; flows as the simulator's (0.5 m³/s at each headwater, 0.05 m³/s from each
     * node's catchment), giving 1.12 m/s and 2.1 m²/s at 0.5 m³/s; the simulator's losses; 32 segments.
     */
    public static TransportAssumptions paperChannel() {
        ManningChannel canal = new ManningChannel(new TrapezoidSection(1.0, 1.0), 0.015, 0.002);
        SimulationConfig sim = SimulationConfig.defaults(0, 0);
        return new TransportAssumptions(HydraulicModel.Manning.withFischer(canal), sim.headwaterFlowM3h() / 3600,
                sim.lateralFlowM3h() / 3600, simulatorLosses(), 32, Resolution.DEFAULT);
    }

    /**
     * The physics the demo's station-network simulator gives its pollution events: its one channel velocity and
     * dispersion coefficient, its dry-weather flows and its losses, so a trace in the demo is judged against the
     * transport that made the data. (The simulator's 0.5 m/s is slower than Manning gives on a 0.002 slope.)
     */
    public static TransportAssumptions simulator(NetworkDefaults defaults, SimulationConfig config) {
        return new TransportAssumptions(new HydraulicModel.FixedVelocity(defaults.channelVelocityMps(), config.dispersionM2s()),
                config.headwaterFlowM3h() / 3600, config.lateralFlowM3h() / 3600, simulatorLosses(), 32, Resolution.DEFAULT);
    }

    /** {@link #simulator} with the demo's settings. */
    public static TransportAssumptions demo() {
        return simulator(NetworkDefaults.DEMO, SimulationConfig.defaults(0, 0));
    }

    public double decayPerSecond(String quantity) {
        return decayPerHour.getOrDefault(quantity.toUpperCase(Locale.ROOT), 0.0) / 3600;
    }

    private static Map<String, Double> simulatorLosses() {
        Map<String, Double> m = new HashMap<>();
        for (Quantity q : Quantity.values()) {
            m.put(q.symbol(), QuantityModel.of(q).decayPerHour());
        }
        return m;
    }
}
