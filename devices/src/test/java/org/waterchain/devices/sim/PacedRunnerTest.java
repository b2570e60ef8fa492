package org.waterchain.devices.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PacedRunnerTest {
    static final long START = NetworkSimulatorTest.START;
    static final long HOUR = NetworkSimulatorTest.HOUR;

    /** A source that takes {@code costNanos} of (fake) wall-clock time per advance, and may end or fail. */
    static final class FakeSource implements TimeSteppedSource {
        final AtomicLong clock;
        final long costNanos;
        final long endMs;
        final RuntimeException failure;
        long now;

        FakeSource(AtomicLong clock, long startMs, long costNanos, long endMs, RuntimeException failure) {
            this.clock = clock;
            this.now = startMs;
            this.costNanos = costNanos;
            this.endMs = endMs;
            this.failure = failure;
        }

        @Override
        public long currentTimeMs() {
            return now;
        }

        @Override
        public int advanceTo(long timeMs) {
            if (failure != null) {
                throw failure;
            }
            clock.addAndGet(costNanos);
            now = Math.max(now, Math.min(timeMs, endMs));
            return 0;
        }

        @Override
        public boolean finished() {
            return now >= endMs;
        }
    }

    @Test
    void eachTickAdvancesTheSourceToWhereTheSpeedSaysItShouldBe() {
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        NetworkSimulator sim = new NetworkSimulator(StationNetwork.demo(),
                SimulationConfig.defaults(1, START).withoutRandomIncidents(), s -> { });
        PacedRunner runner = new PacedRunner(sim, 720, Duration.ofMillis(100), nanos::get, "test-runner");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(5));
        runner.tick();
        assertEquals(START + HOUR, sim.currentTimeMs(), "720x: five seconds are an hour");
        assertEquals(6 * 60 + 3, sim.samplesEmitted());
        PacedRunner.Status st = runner.status();
        assertEquals(0, st.lagMs());
        assertFalse(st.fallingBehind());
        assertEquals(1, st.ticks());

        runner.setSpeed(1);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(60));
        runner.tick();
        assertEquals(START + HOUR + 60_000, sim.currentTimeMs(), "after slowing to real time a minute is a minute");
        assertThrows(IllegalArgumentException.class, () -> runner.setSpeed(0));
    }

    @Test
    void aSourceSlowerThanTheClockIsReportedAsFallingBehind() {
        AtomicLong nanos = new AtomicLong();
        FakeSource slow = new FakeSource(nanos, START, TimeUnit.SECONDS.toNanos(1), Long.MAX_VALUE, null);
        PacedRunner runner = new PacedRunner(slow, 1, Duration.ofMillis(100), nanos::get, "slow");
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        runner.tick();
        PacedRunner.Status st = runner.status();
        assertEquals(START + 100, st.sourceTimeMs());
        assertEquals(1000, st.lagMs(), "the advance itself took a second of wall-clock time");
        assertTrue(st.fallingBehind());
        assertEquals(1, st.overruns());

        FakeSource fast = new FakeSource(nanos, START, 0, Long.MAX_VALUE, null);
        PacedRunner ok = new PacedRunner(fast, 1, Duration.ofMillis(100), nanos::get, "fast");
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        ok.tick();
        assertFalse(ok.isFallingBehind());
        assertEquals(0, ok.status().overruns());
    }

    @Test
    void aFiniteSourceCompletesTheRunnerAndAFailureIsReported() throws Exception {
        AtomicLong nanos = new AtomicLong();
        FakeSource finite = new FakeSource(nanos, START, 0, START + 10_000, null);
        PacedRunner runner = new PacedRunner(finite, 10, Duration.ofMillis(100), nanos::get, "finite");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
        runner.tick();
        assertTrue(runner.completion().isDone());
        assertTrue(runner.completion().get().finished());

        RuntimeException boom = new IllegalStateException("sink refused");
        FakeSource failing = new FakeSource(nanos, START, 0, Long.MAX_VALUE, boom);
        PacedRunner broken = new PacedRunner(failing, 10, Duration.ofMillis(100), nanos::get, "broken");
        broken.tick();
        ExecutionException e = assertThrows(ExecutionException.class, () -> broken.completion().get());
        assertSame(boom, e.getCause());
        assertSame(boom, broken.status().failure());
        assertThrows(IllegalStateException.class, broken::start);
    }

    @Test
    void onItsOwnThreadItRunsTheSimulatorUntilStopped() throws Exception {
        NetworkSimulator sim = NetworkSimulator.demo(2, START, s -> { });
        try (PacedRunner runner = new PacedRunner(sim, 36_000)) {
            runner.start();
            assertTrue(runner.status().running());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (sim.currentTimeMs() < START + HOUR && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            runner.stop();
            assertTrue(sim.currentTimeMs() >= START + HOUR, "the runner moved the simulated clock on");
            assertFalse(runner.status().running());
            assertNotNull(runner.status());
        }
        assertTrue(sim.samplesEmitted() > 0);
    }
}
