package org.waterchain.devices.modbus;

import java.util.Arrays;
import java.util.Optional;

/**
 * A write a transmitter needs before its values can be read, and how long to wait after it: some digital probes
 * (Aqualabo/PONSEL) only measure when told to, and need a few hundred milliseconds to do it.
 *
 * @param register as written in the manual; the profile's address base applies
 * @param value    a 16-bit register value, or 0/1 for a coil
 */
public record TriggerStep(Write write, int register, int value, long waitMs) {
    public TriggerStep {
        if (write == null) {
            throw new IllegalArgumentException("a trigger step needs a write function");
        }
        if (register < 0) {
            throw new IllegalArgumentException("trigger register must not be negative, got " + register);
        }
        if (write == Write.COIL ? value != 0 && value != 1 : value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("trigger value " + value + " does not fit a " + write);
        }
        if (waitMs < 0) {
            throw new IllegalArgumentException("trigger wait must not be negative, got " + waitMs);
        }
    }

    /** The write functions a trigger may use, by Modbus function code. */
    public enum Write {
        /** 5, write single coil. */
        COIL(5),
        /** 6, write single register. */
        REGISTER(6),
        /** 16, write multiple registers, here with one register: for devices that only accept 16. */
        REGISTERS(16);

        private final int functionCode;

        Write(int functionCode) {
            this.functionCode = functionCode;
        }

        public int functionCode() {
            return functionCode;
        }

        public static Optional<Write> byFunctionCode(int code) {
            return Arrays.stream(values()).filter(w -> w.functionCode == code).findFirst();
        }

        @Override
        public String toString() {
            return switch (this) {
                case COIL -> "coil (function 5)";
                case REGISTER -> "register (function 6)";
                case REGISTERS -> "register (function 16)";
            };
        }
    }
}
