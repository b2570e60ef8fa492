package org.waterchain.devices.modbus;

/** How a bound device stands, as of its last poll. */
public enum LinkState {
    /** Not polled yet since the port was opened. */
    STARTING,
    /** The last poll was answered (possibly with exception responses for some registers). */
    ONLINE,
    /** The last poll got no answer in time: wrong unit id, wiring, power or serial settings. */
    NO_RESPONSE,
    /** The serial port could not be opened, or vanished; the poller retries with backoff. */
    PORT_DOWN,
    /** The poller was closed. */
    STOPPED
}
