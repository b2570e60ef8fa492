package org.waterchain.app.explorer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.concurrent.Task;

/**
 * Runs the explorer's reads off the FX thread, one task per slot ("blocks", "entries", "proof"...): a new task
 * in a slot cancels the one before, whose result is then dropped, so a slow answer never overwrites a newer
 * one. Results and failures arrive on the FX thread. Used from the FX thread only.
 */
final class Background implements AutoCloseable {
    private final ExecutorService pool;
    private final Map<String, Task<?>> slots = new HashMap<>();

    Background(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    <T> Task<T> run(String slot, Function<LedgerBrowser.Work, T> work, Consumer<T> done, Consumer<Throwable> failed) {
        Task<?> old = slots.get(slot);
        if (old != null) {
            old.cancel(false); // the work stops at its next look at cancelled(); a query in flight is not torn down
        }
        Task<T> task = new Task<>() {
            @Override
            protected T call() {
                return work.apply(new LedgerBrowser.Work() {
                    @Override
                    public void progress(long doneSoFar, long total) {
                        updateProgress(doneSoFar, total);
                    }

                    @Override
                    public boolean cancelled() {
                        return isCancelled();
                    }
                });
            }
        };
        task.setOnSucceeded(e -> {
            if (slots.remove(slot, task)) {
                done.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (slots.remove(slot, task)) {
                failed.accept(task.getException());
            }
        });
        task.setOnCancelled(e -> slots.remove(slot, task));
        slots.put(slot, task);
        pool.execute(task);
        return task;
    }

    void cancel(String slot) {
        Task<?> t = slots.remove(slot);
        if (t != null) {
            t.cancel(false);
        }
    }

    @Override
    public void close() {
        slots.values().forEach(t -> t.cancel(false));
        slots.clear();
        pool.shutdownNow();
    }
}
