package org.waterchain.devices.wire;

/** The frame layer: {@code COBS(payload || CRC16(payload)) || 0x00}. */
public final class Frames {
    public static final int MAX_PAYLOAD = 508;
    static final int CRC_LEN = 2;
    /** The most bytes a valid frame can have before its delimiter. */
    static final int MAX_COBS = Cobs.maxEncoded(MAX_PAYLOAD + CRC_LEN);

    private Frames() {}

    public static byte[] encode(byte[] payload) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds the " + MAX_PAYLOAD + "-byte frame limit");
        }
        byte[] raw = new byte[payload.length + CRC_LEN];
        System.arraycopy(payload, 0, raw, 0, payload.length);
        int crc = Crc16.of(payload, 0, payload.length);
        raw[payload.length] = (byte) (crc >>> 8);
        raw[payload.length + 1] = (byte) crc;
        byte[] out = new byte[Cobs.maxEncoded(raw.length) + 1];
        int n = Cobs.encode(raw, 0, raw.length, out, 0);
        out[n] = 0;
        return java.util.Arrays.copyOf(out, n + 1);
    }
}
