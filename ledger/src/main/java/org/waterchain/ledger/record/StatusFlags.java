package org.waterchain.ledger.record;

/** Bits of a record's status word; the firmware sets them, the app raises alarms from them. */
public final class StatusFlags {
    public static final int TAMPER = 1;
    public static final int LEAK = 1 << 1;
    public static final int LOW_BATTERY = 1 << 2;
    /** Signed by a gateway for a device that cannot sign itself (e.g. a Modbus transmitter). */
    public static final int GATEWAY_SIGNED = 1 << 3;
    public static final int CLOCK_UNSYNCED = 1 << 4;

    private StatusFlags() {}

    public static boolean has(int flags, int bit) {
        return (flags & bit) != 0;
    }
}
