package org.waterchain.app.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Hands items from any thread to the FX thread in batches: however fast they come, at most one
 * {@code runLater} is pending, and the FX thread takes everything queued so far in one go.
 */
public final class FxBatch<T> {
    private final Consumer<List<T>> onFx;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private List<T> pending = new ArrayList<>();

    public FxBatch(Consumer<List<T>> onFx) {
        this.onFx = onFx;
    }

    public void add(T item) {
        synchronized (this) {
            pending.add(item);
        }
        schedule();
    }

    public void addAll(List<? extends T> items) {
        synchronized (this) {
            pending.addAll(items);
        }
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<T> batch;
        synchronized (this) {
            batch = pending;
            pending = new ArrayList<>();
        }
        if (!batch.isEmpty()) {
            onFx.accept(batch);
        }
    }
}
