package org.waterchain.devices.serial;

/** Where a serial link is in its life. */
public enum LinkState {
    /** Trying to open the port (again). */
    CONNECTING,
    OPEN,
    /** Open failed or the far end vanished; the link retries after a back-off. */
    LOST,
    CLOSED
}
