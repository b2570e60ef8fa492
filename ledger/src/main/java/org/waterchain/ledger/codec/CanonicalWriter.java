package org.waterchain.ledger.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one binary encoding of everything that is hashed or signed (see docs/encoding.md): big-endian
 * fixed-width integers, IEEE-754 doubles (finite only), length-prefixed byte strings and UTF-8 text.
 * There is exactly one encoding of each value, so equal values hash equally on every replica.
 */
public final class CanonicalWriter {
    private byte[] buf;
    private int len;

    public CanonicalWriter() {
        this(128);
    }

    public CanonicalWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    public CanonicalWriter u8(int v) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException("u8 out of range: " + v);
        }
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    public CanonicalWriter bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    public CanonicalWriter u16(int v) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException("u16 out of range: " + v);
        }
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public CanonicalWriter u32(long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("u32 out of range: " + v);
        }
        return fixed(v, 4);
    }

    /** Signed 64-bit two's complement (times in ms since the epoch, heights, amounts). */
    public CanonicalWriter i64(long v) {
        return fixed(v, 8);
    }

    public CanonicalWriter f64(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("only finite numbers are encoded, got " + v);
        }
        return fixed(Double.doubleToRawLongBits(v), 8);
    }

    /** Bytes of a length fixed by the format (hashes, keys, signatures): no prefix. */
    public CanonicalWriter raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    public CanonicalWriter fixedBytes(byte[] b, int expectedLength) {
        if (b.length != expectedLength) {
            throw new IllegalArgumentException("expected " + expectedLength + " bytes, got " + b.length);
        }
        return raw(b);
    }

    /** u16 length prefix, then the bytes. */
    public CanonicalWriter bytes16(byte[] b) {
        u16(b.length);
        return raw(b);
    }

    /** u32 length prefix, then the bytes. */
    public CanonicalWriter bytes32(byte[] b) {
        u32(b.length);
        return raw(b);
    }

    /** UTF-8 with a u16 byte-length prefix. */
    public CanonicalWriter text(String s) {
        return bytes16(s.getBytes(StandardCharsets.UTF_8));
    }

    public int size() {
        return len;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private CanonicalWriter fixed(long v, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
