package org.waterchain.devices.modbus;

import java.util.List;
import org.waterchain.ledger.record.Quantity;

/**
 * One measured value of a transmitter: where it is, how it is encoded and how to turn it into engineering units
 * ({@code raw * scale + offset}, in the unit of {@link Quantity#unit()}).
 *
 * @param register   the register number as written in the manual; the profile's address base turns it into the
 *                   protocol address
 * @param wordOrder  for 32-bit types only; {@code null} for 16-bit types
 * @param validRange {@code null} when the manual gives none
 * @param sentinels  raw values (before scaling) the transmitter sends instead of a measurement, e.g. 9999
 */
public record ModbusPoint(
        String name,
        Quantity quantity,
        RegisterKind kind,
        int register,
        DataType type,
        WordOrder wordOrder,
        double scale,
        double offset,
        ValidRange validRange,
        List<Double> sentinels) {

    public ModbusPoint {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a point needs a name");
        }
        if (quantity == null || kind == null || type == null) {
            throw new IllegalArgumentException("point " + name + " needs a quantity, a register kind and a type");
        }
        if (register < 0) {
            throw new IllegalArgumentException("point " + name + ": register must not be negative, got " + register);
        }
        if (type.wide() && wordOrder == null) {
            throw new IllegalArgumentException("point " + name + ": " + type.jsonName() + " needs a word order");
        }
        if (!type.wide() && wordOrder != null) {
            throw new IllegalArgumentException("point " + name + ": " + type.jsonName() + " has no word order");
        }
        if (!Double.isFinite(scale) || scale == 0) {
            throw new IllegalArgumentException("point " + name + ": scale must be finite and non-zero, got " + scale);
        }
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("point " + name + ": offset must be finite, got " + offset);
        }
        sentinels = List.copyOf(sentinels);
    }

    /** A 16-bit or big-endian point with no scaling, range or sentinels. */
    public static ModbusPoint plain(String name, Quantity quantity, RegisterKind kind, int register, DataType type) {
        return new ModbusPoint(name, quantity, kind, register, type, type.wide() ? WordOrder.ABCD : null, 1, 0, null,
                List.of());
    }

    /** The protocol (0-based) address of the first register. */
    public int address(int addressBase) {
        return register - addressBase;
    }

    public int registers() {
        return type.registers();
    }

    public boolean isSentinel(double raw) {
        for (double s : sentinels) {
            if (Double.compare(s, raw) == 0) {
                return true;
            }
        }
        return false;
    }
}
