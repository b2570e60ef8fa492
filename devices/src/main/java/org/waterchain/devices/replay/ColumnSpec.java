package org.waterchain.devices.replay;

import java.util.Objects;
import org.waterchain.ledger.record.Quantity;

/**
 * One recorded column that becomes a reading: which quantity, how to convert its unit (value * factor + offset),
 * where its quality comes from, and for which device.
 *
 * @param column          header name
 * @param quantity        quantity symbol as in the registry (EC, TEMP, FLOW, TURB...)
 * @param unit            the recorded unit, for people reading the mapping (e.g. "cfs", "degF")
 * @param factor          multiplier into the quantity's registry unit (default 1)
 * @param offset          added after the factor (default 0; degF to degC needs -160/9)
 * @param qualifierColumn optional header name of a column of data-quality codes for this value
 * @param qualifiers      how those codes map to a quality (required with a qualifier column)
 * @param optional        a file without this column still replays (one mapping for files that differ in extras)
 * @param deviceSuffix    appended to the replay's device id, for a column measured by a second instrument
 *                        (a second flow meter, the plant side of a station); empty for the main device
 */
public record ColumnSpec(String column, String quantity, String unit, Double factor, Double offset,
                         String qualifierColumn, QualifierMapping qualifiers, Boolean optional, String deviceSuffix) {
    public ColumnSpec {
        Objects.requireNonNull(column, "column name");
        Objects.requireNonNull(quantity, "column '" + column + "': quantity");
        if (Quantity.bySymbol(quantity).isEmpty()) {
            throw new IllegalArgumentException("column '" + column + "': unknown quantity symbol '" + quantity
                    + "' (known: " + java.util.Arrays.stream(Quantity.values()).map(Quantity::symbol).toList() + ")");
        }
        unit = unit == null ? "" : unit;
        factor = factor == null ? 1.0 : factor;
        offset = offset == null ? 0.0 : offset;
        if (!Double.isFinite(factor) || factor == 0 || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("column '" + column + "': factor must be finite and non-zero and offset"
                    + " finite, got factor " + factor + ", offset " + offset);
        }
        if (qualifierColumn != null && qualifierColumn.isBlank()) {
            qualifierColumn = null;
        }
        if (qualifierColumn != null && qualifiers == null) {
            throw new IllegalArgumentException("column '" + column + "': qualifier column '" + qualifierColumn
                    + "' needs a qualifier mapping");
        }
        optional = optional != null && optional;
        deviceSuffix = deviceSuffix == null ? "" : deviceSuffix;
        if (deviceSuffix.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("column '" + column + "': device suffix must not contain spaces");
        }
    }

    /** A column already in the quantity's unit, for the main device. */
    public static ColumnSpec of(String column, Quantity quantity) {
        return new ColumnSpec(column, quantity.symbol(), quantity.unit(), 1.0, 0.0, null, null, false, "");
    }

    public ColumnSpec converted(String fromUnit, double factor, double offset) {
        return new ColumnSpec(column, quantity, fromUnit, factor, offset, qualifierColumn, qualifiers, optional, deviceSuffix);
    }

    public ColumnSpec qualifiedBy(String qualifierColumn, QualifierMapping qualifiers) {
        return new ColumnSpec(column, quantity, unit, factor, offset, qualifierColumn, qualifiers, optional, deviceSuffix);
    }

    public ColumnSpec asOptional() {
        return new ColumnSpec(column, quantity, unit, factor, offset, qualifierColumn, qualifiers, true, deviceSuffix);
    }

    public ColumnSpec forDevice(String suffix) {
        return new ColumnSpec(column, quantity, unit, factor, offset, qualifierColumn, qualifiers, optional, suffix);
    }

    public Quantity quantityCode() {
        return Quantity.bySymbol(quantity).orElseThrow();
    }
}
