package org.waterchain.devices.modbus;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a transmitter encodes one value in its 16-bit registers. Profiles spell these in lower case. */
public enum DataType {
    INT16(1),
    UINT16(1),
    INT32(2),
    UINT32(2),
    FLOAT32(2);

    private final int registers;

    DataType(int registers) {
        this.registers = registers;
    }

    /** Registers one value occupies. */
    public int registers() {
        return registers;
    }

    /** Whether the value spans two registers, so that a {@link WordOrder} applies. */
    public boolean wide() {
        return registers == 2;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DataType> byJsonName(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName().equalsIgnoreCase(name)).findFirst();
    }

    static String jsonNames() {
        return Arrays.stream(values()).map(DataType::jsonName).collect(Collectors.joining(", "));
    }
}
