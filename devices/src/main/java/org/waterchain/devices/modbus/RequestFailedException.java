package org.waterchain.devices.modbus;

/** A Modbus request that did not get a usable answer, and why. */
final class RequestFailedException extends Exception {
    enum Kind {
        /** Nothing (or not a whole frame) came back in time. */
        TIMEOUT,
        /** The device answered with an exception response. */
        EXCEPTION_RESPONSE,
        /** Something came back that is not the answer: bad CRC, another unit, another function, wrong length. */
        BAD_RESPONSE,
        /** The serial port went away; the bus must reconnect. */
        PORT_LOST
    }

    private final Kind kind;
    private final ModbusExceptionCode exceptionCode;

    RequestFailedException(Kind kind, String message) {
        this(kind, null, message, null);
    }

    RequestFailedException(Kind kind, ModbusExceptionCode exceptionCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.exceptionCode = exceptionCode;
    }

    Kind kind() {
        return kind;
    }

    /** The exception response's code, {@code null} unless {@link Kind#EXCEPTION_RESPONSE}. */
    ModbusExceptionCode exceptionCode() {
        return exceptionCode;
    }
}
