package org.waterchain.devices.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for long-running commands. The JVM exits as soon as its shutdown hooks return, so the hook waits
 * until the command has closed what it opened (the node's database above all), for at most ten seconds.
 */
final class Stoppable implements AutoCloseable {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    static Stoppable onCtrlC() {
        Stoppable s = new Stoppable();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s.stop.countDown();
            try {
                s.closed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ctrl-c"));
        return s;
    }

    /** Waits up to {@code seconds}; true once Ctrl-C was pressed. */
    boolean await(long seconds) throws InterruptedException {
        return stop.await(seconds, TimeUnit.SECONDS);
    }

    boolean stopped() {
        return stop.getCount() == 0;
    }

    /** Declared before the resources it guards in a try-with-resources, so it closes after them. */
    @Override
    public void close() {
        closed.countDown();
    }
}
