package org.waterchain.devices.serial;

import com.fazecast.jSerialComm.SerialPort;

/** Line settings. Pseudo-terminals ignore the rate and drop parity, so test peers use 8N1. */
public record PortSettings(int baudRate, int dataBits, Parity parity, int stopBits) {
    public enum Parity {
        NONE(SerialPort.NO_PARITY), EVEN(SerialPort.EVEN_PARITY), ODD(SerialPort.ODD_PARITY);

        final int code;

        Parity(int code) {
            this.code = code;
        }
    }

    /** The firmware's line (docs/wire.md). */
    public static final PortSettings FIRMWARE = new PortSettings(115_200, 8, Parity.NONE, 1);

    public PortSettings {
        if (baudRate <= 0) {
            throw new IllegalArgumentException("baud rate must be positive: " + baudRate);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5-8: " + dataBits);
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stop bits must be 1 or 2: " + stopBits);
        }
    }

    int jSerialCommStopBits() {
        return stopBits == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    @Override
    public String toString() {
        return baudRate + " " + dataBits + parity.name().charAt(0) + stopBits;
    }
}
