package org.waterchain.devices.wire;

/**
 * Consistent Overhead Byte Stuffing (Cheshire and Baker), byte for byte as {@code firmware/core/cobs.c}: the
 * encoder closes a full 254-byte block with a further code byte, and the decoder accepts both that form and a
 * message ending right after a full block.
 */
public final class Cobs {
    private Cobs() {}

    public static int maxEncoded(int n) {
        return n + n / 254 + 1;
    }

    /** Encodes {@code len} bytes into {@code out} (at least {@link #maxEncoded} long); returns the length. */
    public static int encode(byte[] in, int off, int len, byte[] out, int outOff) {
        int w = outOff + 1;
        int codePos = outOff;
        int code = 1;
        for (int i = off; i < off + len; i++) {
            byte b = in[i];
            if (b == 0) {
                out[codePos] = (byte) code;
                codePos = w++;
                code = 1;
                continue;
            }
            out[w++] = b;
            if (++code == 0xFF) {
                out[codePos] = (byte) code;
                codePos = w++;
                code = 1;
            }
        }
        out[codePos] = (byte) code;
        return w - outOff;
    }

    /**
     * Decodes {@code len} bytes of {@code buf} in place. Returns the decoded length, or -1 when the bytes are
     * not valid COBS (a zero inside, or a block that runs past the end).
     */
    public static int decodeInPlace(byte[] buf, int len) {
        if (len == 0) {
            return -1;
        }
        int r = 0;
        int w = 0;
        while (r < len) {
            int code = buf[r++] & 0xFF;
            if (code == 0) {
                return -1;
            }
            int run = code - 1;
            if (run > len - r) {
                return -1;
            }
            for (int i = 0; i < run; i++) {
                byte b = buf[r++];
                if (b == 0) {
                    return -1;
                }
                buf[w++] = b;
            }
            // A short block stood for a zero, except the last, whose zero is the encoder's phantom.
            if (code != 0xFF && r < len) {
                buf[w++] = 0;
            }
        }
        return w;
    }
}
