package org.waterchain.devices.modbus;

/** Serial parity. Modbus RTU asks for EVEN by default, but most water-quality transmitters ship with NONE. */
public enum Parity {
    NONE,
    EVEN,
    ODD
}
