package org.waterchain.devices.modbus;

import java.util.Arrays;
import java.util.Optional;

/** The two register tables a transmitter's measurements live in, named by the function code that reads them. */
public enum RegisterKind {
    HOLDING(3),
    INPUT(4);

    private final int functionCode;

    RegisterKind(int functionCode) {
        this.functionCode = functionCode;
    }

    public int functionCode() {
        return functionCode;
    }

    public static Optional<RegisterKind> byFunctionCode(int code) {
        return Arrays.stream(values()).filter(k -> k.functionCode == code).findFirst();
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
