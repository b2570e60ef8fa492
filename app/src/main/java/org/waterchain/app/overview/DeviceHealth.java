package org.waterchain.app.overview;

/** What the overview says about the device behind a station's latest values. */
public enum DeviceHealth {
    /** Records signed by the device's own registered key, arriving on time. */
    SIGNED,
    /** Records signed by this node's gateway for a device that cannot sign (Modbus, replay). */
    GATEWAY,
    /** Nothing for more than two reporting intervals. */
    STALE,
    /** The station has no active registered device. */
    UNREGISTERED,
    /** Registered, but nothing received yet. */
    WAITING
}
