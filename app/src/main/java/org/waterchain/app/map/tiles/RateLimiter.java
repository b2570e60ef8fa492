package org.waterchain.app.map.tiles;

/**
 * Spaces out requests evenly: each may start no sooner than 1/rate seconds after the previous one. Even spacing
 * (rather than bursts up to a budget) is what tile servers' usage policies ask for.
 *
 * <p>The clock and the sleep are injectable so tests can check the spacing without waiting for it.
 */
public final class RateLimiter {
    /** Monotonic time in nanoseconds, like {@link System#nanoTime()}. */
    @FunctionalInterface
    public interface Clock {
        long nanoTime();
    }

    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final Clock clock;
    private final Sleeper sleeper;
    private long nextStart = Long.MIN_VALUE;

    public RateLimiter(double requestsPerSecond) {
        this(requestsPerSecond, System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    public RateLimiter(double requestsPerSecond, Clock clock, Sleeper sleeper) {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("requests per second must be a positive number, got " + requestsPerSecond);
        }
        this.intervalNanos = (long) Math.ceil(1e9 / requestsPerSecond);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Blocks until the next request may start. */
    public synchronized void acquire() throws InterruptedException {
        long now = clock.nanoTime();
        if (nextStart != Long.MIN_VALUE) {
            long wait = nextStart - now;
            while (wait > 0) {
                sleeper.sleepNanos(wait);
                now = clock.nanoTime();
                wait = nextStart - now;
            }
        }
        nextStart = now + intervalNanos;
    }
}
