package org.waterchain.devices.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.registry.StationKind;

/**
 * A simulated monitoring station: where it sits in the network, the device that reports for it, what it measures
 * and how often.
 *
 * @param id            the station id, also its node id in the channel network
 * @param deviceId      the device whose samples the station produces (e.g. "R04-A")
 * @param quantities    measured quantities, in the order their readings appear in a sample
 * @param intervalMs    sampling interval; samples fall on multiples of it since the epoch, as a logger's schedule does
 * @param reportDelayMs delay between taking a sample and reporting it (a batch analyser's analysis time); the sample
 *                      keeps its sample time, it is emitted when the clock reaches sample time + delay
 */
public record StationSpec(String id, StationKind kind, String deviceId, List<Quantity> quantities, long intervalMs,
                          long reportDelayMs) {

    /** What a regular station measures (the design's list), in reading order. */
    public static final List<Quantity> REGULAR_QUANTITIES = List.of(Quantity.PH, Quantity.TEMPERATURE, Quantity.EC,
            Quantity.ORP, Quantity.DO, Quantity.TURBIDITY, Quantity.SS);
    /** What a heavy-metal station's batch analyser reports. */
    public static final List<Quantity> HEAVY_METAL_QUANTITIES = List.of(Quantity.CU, Quantity.ZN, Quantity.NI,
            Quantity.PB, Quantity.CD);
    /** A flow gauge. */
    public static final List<Quantity> FLOW_QUANTITIES = List.of(Quantity.FLOW, Quantity.LEVEL);
    /** A plant's outfall monitor. */
    public static final List<Quantity> OUTFALL_QUANTITIES = List.of(Quantity.FLOW, Quantity.PH, Quantity.TEMPERATURE,
            Quantity.EC, Quantity.TURBIDITY, Quantity.SS, Quantity.UV254);

    public StationSpec {
        Objects.requireNonNull(id, "station id");
        Objects.requireNonNull(kind, "station kind");
        Objects.requireNonNull(deviceId, "device id");
        quantities = List.copyOf(quantities);
        if (id.isBlank()) {
            throw new IllegalArgumentException("station id must not be blank");
        }
        if (deviceId.isBlank()) {
            throw new IllegalArgumentException("station " + id + ": device id must not be blank");
        }
        if (quantities.isEmpty()) {
            throw new IllegalArgumentException("station " + id + " measures nothing");
        }
        if (new HashSet<>(quantities).size() != quantities.size()) {
            throw new IllegalArgumentException("station " + id + " lists a quantity twice: " + quantities);
        }
        if (intervalMs <= 0) {
            throw new IllegalArgumentException("station " + id + ": sampling interval must be positive, got " + intervalMs);
        }
        if (reportDelayMs < 0) {
            throw new IllegalArgumentException("station " + id + ": report delay must not be negative, got " + reportDelayMs);
        }
    }

    /** A station measuring its kind's usual quantities, reporting as soon as it samples. */
    public static StationSpec of(String id, StationKind kind, String deviceId, long intervalMs) {
        return new StationSpec(id, kind, deviceId, defaultQuantities(kind), intervalMs, 0);
    }

    public static List<Quantity> defaultQuantities(StationKind kind) {
        return switch (kind) {
            case REGULAR -> REGULAR_QUANTITIES;
            case HEAVY_METAL -> HEAVY_METAL_QUANTITIES;
            case FLOW -> FLOW_QUANTITIES;
            case PLANT_OUTFALL -> OUTFALL_QUANTITIES;
        };
    }

    public boolean measures(Quantity q) {
        return quantities.contains(q);
    }
}
