package org.waterchain.devices.modbus;

import java.util.List;

/**
 * What WaterChain knows about one transmitter model: its default serial settings and address, where its
 * measurements are and how they are encoded, and what must be written before reading them. Loaded from JSON by
 * {@link ModbusProfiles}; the format is described in this package's documentation.
 *
 * @param id              the profile file's name without {@code .json}
 * @param documentation   where the register map comes from (manual, section, address)
 * @param notes           what could not be confirmed from the documentation, and other caveats; may be empty
 * @param addressBase     0 when the manual writes protocol addresses, 1 when it numbers registers from 1
 * @param responseTimeoutMs how long to wait for an answer
 * @param maxGapRegisters unused registers that may be read between two points so that they share one request;
 *                        0 unless the manual shows the gap is readable (reading an unmapped register can fail the
 *                        whole request)
 */
public record ModbusProfile(
        String id,
        String manufacturer,
        String model,
        String documentation,
        String notes,
        SerialSettings serial,
        int defaultUnitId,
        int addressBase,
        int responseTimeoutMs,
        int maxGapRegisters,
        List<TriggerStep> trigger,
        List<ModbusPoint> points) {

    public static final int DEFAULT_RESPONSE_TIMEOUT_MS = 1000;

    public ModbusProfile {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a profile needs an id");
        }
        if (serial == null) {
            throw new IllegalArgumentException("profile " + id + " needs serial settings");
        }
        if (defaultUnitId < 1 || defaultUnitId > 247) {
            throw new IllegalArgumentException("profile " + id + ": unit id must be 1 to 247, got " + defaultUnitId);
        }
        if (addressBase != 0 && addressBase != 1) {
            throw new IllegalArgumentException("profile " + id + ": address base must be 0 or 1, got " + addressBase);
        }
        if (responseTimeoutMs <= 0) {
            throw new IllegalArgumentException("profile " + id + ": response timeout must be positive");
        }
        if (maxGapRegisters < 0) {
            throw new IllegalArgumentException("profile " + id + ": gap must not be negative");
        }
        trigger = List.copyOf(trigger);
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("profile " + id + " has no points");
        }
        for (ModbusPoint p : points) {
            if (p.register() < addressBase) {
                throw new IllegalArgumentException("profile " + id + ": point " + p.name() + " register "
                        + p.register() + " is below the address base " + addressBase);
            }
        }
        for (TriggerStep s : trigger) {
            if (s.register() < addressBase) {
                throw new IllegalArgumentException("profile " + id + ": trigger register " + s.register()
                        + " is below the address base " + addressBase);
            }
        }
        manufacturer = manufacturer == null ? "" : manufacturer;
        model = model == null ? "" : model;
        documentation = documentation == null ? "" : documentation;
        notes = notes == null ? "" : notes;
    }

    /** "Manufacturer Model", for lists. */
    public String title() {
        return (manufacturer + " " + model).trim();
    }
}
