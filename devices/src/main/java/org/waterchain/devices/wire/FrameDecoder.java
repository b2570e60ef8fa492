package org.waterchain.devices.wire;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Incremental frame decoder for a byte stream, mirroring the firmware's: every 0x00 ends a frame, so after
 * line noise the decoder is back in step at the next delimiter. Owned by one reading thread; it holds no
 * buffer larger than one frame, whatever the peer sends.
 */
public final class FrameDecoder {
    /** Receives each good payload. The array is the decoder's own and is reused: copy what you keep. */
    public interface Listener {
        void payload(byte[] buf, int len);

        default void rejected(FrameError error) {}
    }

    private final byte[] buf = new byte[Frames.MAX_COBS];
    private final long[] rejected = new long[FrameError.values().length];
    private final Listener listener;
    private int len;
    private boolean overflow;
    private long good;

    public FrameDecoder(Listener listener) {
        this.listener = listener;
    }

    public void feed(byte[] data, int off, int n) {
        for (int i = off; i < off + n; i++) {
            byte b = data[i];
            if (b == 0) {
                finish();
                len = 0;
                overflow = false;
            } else if (len < buf.length) {
                buf[len++] = b;
            } else {
                overflow = true;
            }
        }
    }

    private void finish() {
        if (overflow) {
            reject(FrameError.TOO_LONG);
            return;
        }
        if (len == 0) {
            reject(FrameError.EMPTY);
            return;
        }
        int raw = Cobs.decodeInPlace(buf, len);
        if (raw < 0) {
            reject(FrameError.COBS);
            return;
        }
        if (raw < Frames.CRC_LEN) {
            reject(FrameError.SHORT);
            return;
        }
        int plen = raw - Frames.CRC_LEN;
        if (plen > Frames.MAX_PAYLOAD) {
            reject(FrameError.TOO_LONG);
            return;
        }
        int sent = ((buf[plen] & 0xFF) << 8) | (buf[plen + 1] & 0xFF);
        if (Crc16.of(buf, 0, plen) != sent) {
            reject(FrameError.CRC);
            return;
        }
        good++;
        listener.payload(buf, plen);
    }

    private void reject(FrameError e) {
        rejected[e.ordinal()]++;
        listener.rejected(e);
    }

    /** Drops a partial frame, e.g. after the port was reopened. */
    public void reset() {
        len = 0;
        overflow = false;
        Arrays.fill(buf, (byte) 0);
    }

    public long goodFrames() {
        return good;
    }

    public Map<FrameError, Long> rejectedFrames() {
        Map<FrameError, Long> m = new EnumMap<>(FrameError.class);
        for (FrameError e : FrameError.values()) {
            m.put(e, rejected[e.ordinal()]);
        }
        return m;
    }
}
