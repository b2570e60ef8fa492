package org.waterchain.devices.modbus;

/**
 * Where the four bytes A B C D of a 32-bit value (A most significant) sit in two consecutive registers, named
 * as the bytes appear on the wire, first register first. Manuals call these big-endian (ABCD), word-swapped or
 * "low word first" (CDAB), byte-swapped (BADC) and little-endian (DCBA).
 */
public enum WordOrder {
    ABCD,
    CDAB,
    BADC,
    DCBA;

    /**
     * The 32 bits of a value from its two registers as read, {@code first} at the lower address. Each register is
     * taken as an unsigned 16-bit number.
     */
    public int combine(int first, int second) {
        int r0 = first & 0xFFFF;
        int r1 = second & 0xFFFF;
        return switch (this) {
            case ABCD -> r0 << 16 | r1;
            case CDAB -> r1 << 16 | r0;
            case BADC -> swapBytes(r0) << 16 | swapBytes(r1);
            case DCBA -> swapBytes(r1) << 16 | swapBytes(r0);
        };
    }

    /** The two registers, lower address first, that carry {@code bits} in this order: the inverse of {@link #combine}. */
    public int[] split(int bits) {
        int hi = bits >>> 16;
        int lo = bits & 0xFFFF;
        return switch (this) {
            case ABCD -> new int[] {hi, lo};
            case CDAB -> new int[] {lo, hi};
            case BADC -> new int[] {swapBytes(hi), swapBytes(lo)};
            case DCBA -> new int[] {swapBytes(lo), swapBytes(hi)};
        };
    }

    private static int swapBytes(int word) {
        return (word & 0xFF) << 8 | (word >>> 8) & 0xFF;
    }
}
