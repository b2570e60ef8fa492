package org.waterchain.devices.modbus;

/**
 * Character framing of a serial line. Every device on one RS-485 bus must use the same settings, since they share
 * the wire.
 */
public record SerialSettings(int baud, int dataBits, Parity parity, int stopBits) {
    public SerialSettings {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud rate must be positive, got " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5 to 8, got " + dataBits);
        }
        if (parity == null) {
            throw new IllegalArgumentException("parity is missing");
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stop bits must be 1 or 2, got " + stopBits);
        }
    }

    /** 8 data bits, no parity, 1 stop bit. */
    public static SerialSettings of8N1(int baud) {
        return new SerialSettings(baud, 8, Parity.NONE, 1);
    }

    @Override
    public String toString() {
        return baud + " " + dataBits + parity.name().charAt(0) + stopBits;
    }
}
