package org.waterchain.devices.modbus;

/** Delays between attempts to reopen a serial port: doubling from a first delay up to a ceiling. */
final class Backoff {
    private final long firstMs;
    private final long maxMs;
    private long nextMs;

    Backoff(long firstMs, long maxMs) {
        if (firstMs <= 0 || maxMs < firstMs) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, got " + firstMs + ", " + maxMs);
        }
        this.firstMs = firstMs;
        this.maxMs = maxMs;
        this.nextMs = firstMs;
    }

    /** The delay before the next attempt; each call doubles the following one, up to the ceiling. */
    long next() {
        long d = nextMs;
        nextMs = Math.min(maxMs, nextMs * 2);
        return d;
    }

    void reset() {
        nextMs = firstMs;
    }
}
