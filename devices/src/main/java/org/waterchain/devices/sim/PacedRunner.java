package org.waterchain.devices.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Paces a {@link TimeSteppedSource} against the wall clock at a speed factor: 1 is real time, 720 plays an hour
 * every 5 seconds. On every tick of its own scheduled thread it advances the source to where the source clock
 * should be by now, so a late tick catches up instead of drifting. When the source cannot keep up (its samples
 * take longer to compute or to consume than the wall clock allows), the runner says so in its {@link Status}
 * rather than silently stretching time.
 *
 * <p>The runner owns its thread; {@link #stop()} leaves the source where it got to, and {@link #start()} resumes from
 * there. {@link #completion()} completes when a finite source (a replayed file) has nothing left, or exceptionally
 * when the source or its sink throws.
 */
public final class PacedRunner implements AutoCloseable {
    /** A tick of 100 ms keeps live charts smooth without spending noticeable CPU on scheduling. */
    public static final Duration DEFAULT_TICK = Duration.ofMillis(100);
    /** Falling behind means lagging by more than this many ticks' worth of source time. */
    private static final int BEHIND_TICKS = 3;

    /**
     * A snapshot of the runner.
     *
     * @param sourceTimeMs   where the source's clock is
     * @param lagMs          how far (in source time) the source is behind where the speed says it should be
     * @param fallingBehind  the lag exceeds a few ticks: the source or its sink is slower than the requested speed
     * @param ticks          ticks run so far
     * @param overruns       ticks that took longer than the tick period
     * @param failure        what stopped the runner, or null
     */
    public record Status(boolean running, double speed, long sourceTimeMs, long lagMs, boolean fallingBehind,
                         long ticks, long overruns, boolean finished, Throwable failure) {}

    private final TimeSteppedSource source;
    private final long tickNanos;
    private final LongSupplier nanoClock;
    private final String name;
    private final CompletableFuture<Status> completion = new CompletableFuture<>();

    private double speed;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> schedule;
    private long anchorNanos;
    private long anchorSourceMs;
    private volatile long lagMs;
    private volatile long ticks;
    private volatile long overruns;
    private volatile Throwable failure;

    public PacedRunner(TimeSteppedSource source, double speed) {
        this(source, speed, DEFAULT_TICK, System::nanoTime, "paced-runner");
    }

    /**
     * @param nanoClock the wall clock, in nanoseconds (System::nanoTime; a test passes its own)
     * @param name      the thread's name, to find it in a thread dump
     */
    public PacedRunner(TimeSteppedSource source, double speed, Duration tick, LongSupplier nanoClock, String name) {
        this.source = Objects.requireNonNull(source, "source");
        this.nanoClock = Objects.requireNonNull(nanoClock, "clock");
        this.name = Objects.requireNonNull(name, "name");
        this.tickNanos = tick.toNanos();
        if (tickNanos <= 0) {
            throw new IllegalArgumentException("tick must be positive, got " + tick);
        }
        this.speed = requireSpeed(speed);
        anchor();
    }

    private static double requireSpeed(double speed) {
        if (!(speed > 0) || !Double.isFinite(speed)) {
            throw new IllegalArgumentException("speed factor must be a positive number, got " + speed);
        }
        return speed;
    }

    /** Starts (or resumes) pacing from the source's current time. Does nothing if already running. */
    public synchronized void start() {
        if (schedule != null) {
            return;
        }
        if (completion.isDone()) {
            throw new IllegalStateException("the runner has finished" + (failure != null ? ": " + failure : ""));
        }
        anchor();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        schedule = executor.scheduleAtFixedRate(this::tick, 0, tickNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Stops pacing; a tick in progress completes. The source stays where it is. Safe to call from the sink (on the
     * runner's thread) and more than once.
     */
    public synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            executor.shutdown();
            schedule = null;
            executor = null;
        }
    }

    /** Stops and waits (briefly) for the thread to end, unless called on that thread. */
    @Override
    public void close() {
        ScheduledExecutorService ex;
        synchronized (this) {
            ex = executor;
            stop();
        }
        if (ex != null && !Thread.currentThread().getName().equals(name)) {
            try {
                ex.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Changes the speed from now on; source time already reached stays. */
    public synchronized void setSpeed(double speed) {
        this.speed = requireSpeed(speed);
        anchor();
    }

    public synchronized double speed() {
        return speed;
    }

    /** Ties the source's current time to the wall clock's current time: pacing counts from here. */
    private void anchor() {
        anchorNanos = nanoClock.getAsLong();
        anchorSourceMs = source.currentTimeMs();
    }

    /** Where the source's clock should be at wall-clock time {@code nanos}. */
    private synchronized long targetAt(long nanos) {
        return anchorSourceMs + (long) ((nanos - anchorNanos) / 1e6 * speed);
    }

    /**
     * One step: advances the source to where the wall clock says it should be, then measures how far behind that
     * left it. The runner's own thread calls this every tick after {@link #start()}; a caller with its own timer (a
     * UI frame pulse, a test with a fake clock) may call it instead of starting the thread, pacing from the
     * runner's construction or last speed change.
     */
    public void tick() {
        long began = nanoClock.getAsLong();
        try {
            source.advanceTo(targetAt(began));
            long ended = nanoClock.getAsLong();
            ticks++;
            if (ended - began > tickNanos) {
                overruns++;
            }
            lagMs = Math.max(0, targetAt(ended) - source.currentTimeMs());
            if (source.finished()) {
                stop();
                completion.complete(status());
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            stop();
            completion.completeExceptionally(e);
        }
    }

    public Status status() {
        boolean running;
        double s;
        synchronized (this) {
            running = schedule != null;
            s = speed;
        }
        long lag = lagMs;
        boolean behind = lag > BEHIND_TICKS * tickNanos / 1e6 * s;
        return new Status(running, s, source.currentTimeMs(), lag, behind, ticks, overruns, source.finished(), failure);
    }

    public boolean isFallingBehind() {
        return status().fallingBehind();
    }

    /** Completes with the final status when a finite source is exhausted, exceptionally when the source failed. */
    public CompletableFuture<Status> completion() {
        return completion;
    }
}
