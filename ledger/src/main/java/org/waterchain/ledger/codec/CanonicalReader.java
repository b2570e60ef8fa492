package org.waterchain.ledger.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strict reader of the canonical encoding: rejects truncation, trailing bytes, non-finite numbers, booleans
 * other than 0/1 and malformed UTF-8, so that decode-then-encode always gives back the same bytes.
 */
public final class CanonicalReader {
    private final byte[] buf;
    private final int end;
    private int pos;

    public CanonicalReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public CanonicalReader(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    public int u8(String field) {
        need(1, field);
        return buf[pos++] & 0xFF;
    }

    public boolean bool(String field) {
        int v = u8(field);
        if (v > 1) {
            throw new DecodeException(field + ": boolean must be 0 or 1, got " + v);
        }
        return v == 1;
    }

    public int u16(String field) {
        need(2, field);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    public long u32(String field) {
        return fixed(4, field);
    }

    public long i64(String field) {
        return fixed(8, field);
    }

    public double f64(String field) {
        double d = Double.longBitsToDouble(fixed(8, field));
        if (!Double.isFinite(d)) {
            throw new DecodeException(field + ": not a finite number");
        }
        return d;
    }

    public byte[] raw(int n, String field) {
        need(n, field);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    public byte[] bytes16(String field) {
        return raw(u16(field), field);
    }

    public byte[] bytes32(String field) {
        long n = u32(field);
        if (n > end - pos) {
            throw new DecodeException(field + ": length " + n + " exceeds the remaining " + (end - pos) + " bytes");
        }
        return raw((int) n, field);
    }

    public String text(String field) {
        byte[] b = bytes16(field);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new DecodeException(field + ": malformed UTF-8");
        }
    }

    public int remaining() {
        return end - pos;
    }

    /** Every decoder calls this last: trailing bytes would give one value two encodings. */
    public void expectEnd(String what) {
        if (pos != end) {
            throw new DecodeException(what + ": " + (end - pos) + " unexpected trailing bytes");
        }
    }

    private long fixed(int width, String field) {
        need(width, field);
        long v = 0;
        for (int i = 0; i < width; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    private void need(int n, String field) {
        if (n < 0 || end - pos < n) {
            throw new DecodeException(field + ": truncated (need " + n + " bytes, " + (end - pos) + " left)");
        }
    }
}
