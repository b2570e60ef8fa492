package org.waterchain.devices.wire;

/** Why a frame was refused before its payload was looked at (docs/wire.md, "Rejections"). */
public enum FrameError {
    /** A delimiter with nothing before it: harmless, senders may use it to flush the line. */
    EMPTY,
    COBS,
    SHORT,
    TOO_LONG,
    CRC;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
