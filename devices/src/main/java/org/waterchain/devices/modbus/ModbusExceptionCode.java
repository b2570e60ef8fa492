package org.waterchain.devices.modbus;

import java.util.Locale;

/** The code of a Modbus exception response, with its name from the Modbus application protocol specification. */
public record ModbusExceptionCode(int code) {
    public static final ModbusExceptionCode ILLEGAL_DATA_ADDRESS = new ModbusExceptionCode(2);

    public ModbusExceptionCode {
        if (code < 1 || code > 255) {
            throw new IllegalArgumentException("exception code must be 1..255, got " + code);
        }
    }

    /** e.g. {@code ILLEGAL_DATA_ADDRESS}; codes the specification does not define read {@code UNKNOWN_0x0C}. */
    public String name() {
        return switch (code) {
            case 1 -> "ILLEGAL_FUNCTION";
            case 2 -> "ILLEGAL_DATA_ADDRESS";
            case 3 -> "ILLEGAL_DATA_VALUE";
            case 4 -> "SERVER_DEVICE_FAILURE";
            case 5 -> "ACKNOWLEDGE";
            case 6 -> "SERVER_DEVICE_BUSY";
            case 8 -> "MEMORY_PARITY_ERROR";
            case 10 -> "GATEWAY_PATH_UNAVAILABLE";
            case 11 -> "GATEWAY_TARGET_DEVICE_FAILED_TO_RESPOND";
            default -> String.format(Locale.ROOT, "UNKNOWN_0x%02X", code);
        };
    }

    @Override
    public String toString() {
        return name() + " (" + code + ")";
    }
}
