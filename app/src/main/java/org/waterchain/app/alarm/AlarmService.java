package org.waterchain.app.alarm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.waterchain.app.session.LiveRecord;
import org.waterchain.app.session.Session;
import org.waterchain.app.standards.Standards;
import org.waterchain.devices.ingest.SystemAlarm;
import org.waterchain.ledger.alarm.JournaledAlarm;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.store.LedgerQueries;

/**
 * Runs the {@link AlarmEngine} on a thread of its own: records from the live feed, system alarms, operator
 * commands and the clock's ticks are queued to it, so the engine has one owner and nobody waits for it. After
 * each change it publishes an immutable {@link AlarmSnapshot} to its subscribers (on its thread; screens hand it
 * to the FX thread). One per window; shared by the alarm screen and the banner.
 */
public final class AlarmService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AlarmService.class.getName());
    /** How far back a restart looks for this node's alarms on the ledger. */
    static final long RESTORE_WINDOW_MS = 7 * 24 * AlarmSettings.HOUR;
    static final int RESTORE_LIMIT = 10_000;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alarms");
        t.setDaemon(true);
        return t;
    });
    private final AlarmEngine engine;
    private final AlarmJournal journal;
    private final LongSupplier clock;
    private final Supplier<Standards> standards;
    private final List<Consumer<AlarmSnapshot>> subscribers = new CopyOnWriteArrayList<>();
    private final List<Runnable> disconnect = Collections.synchronizedList(new ArrayList<>());
    private volatile AlarmSnapshot latest = AlarmSnapshot.EMPTY;
    private long published = -1;

    /**
     * @param clock     the session's clock (the demo clock in the demo): shelves expire and delays count on it
     * @param standards the standards in force, read at every batch (the registry may change)
     * @param tickMs    how often, in wall time, shelves and quiet system alarms are checked
     */
    public AlarmService(AlarmSettings settings, AlarmJournal journal, LongSupplier clock, Supplier<Standards> standards,
                        long tickMs) {
        this.engine = new AlarmEngine(settings, journal);
        this.journal = journal;
        this.clock = clock;
        this.standards = standards;
        thread.scheduleWithFixedDelay(() -> run(() -> engine.tick(clock.getAsLong())), tickMs, tickMs, TimeUnit.MILLISECONDS);
    }

    /**
     * The app's alarm system: this node's alarms of the last week put back from the ledger, then fed by the
     * session's live feed and system alarms, journaling on the ledger with the node's key.
     */
    public static AlarmService start(Session session) {
        AlarmService s = new AlarmService(AlarmSettings.defaults(), new LedgerAlarmJournal(session.node(), session.nodeKey()),
                session::now, () -> session.registry().standards(), 500);
        Address self = session.nodeKey().address();
        s.restoreFrom(session.node().queries(), self);
        s.disconnect.add(session.feed().subscribe(s::accept));
        s.disconnect.add(session.onSystemAlarm(s::raise));
        return s;
    }

    /** Queued before any record, so records meet the restored states. */
    void restoreFrom(LedgerQueries queries, Address self) {
        execute(() -> {
            long now = clock.getAsLong();
            List<JournaledAlarm> mine = new ArrayList<>();
            try {
                for (JournaledAlarm j : queries.alarmJournal(now - RESTORE_WINDOW_MS, Long.MAX_VALUE, RESTORE_LIMIT)) {
                    if (j.signer().equals(self)) {
                        mine.add(j);
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "alarms of the last week not restored from the ledger: " + e.getMessage());
                return;
            }
            Collections.reverse(mine); // the query is newest first
            engine.restore(mine);
        });
    }

    // ---- inputs, from any thread ----

    public void accept(List<LiveRecord> records) {
        execute(() -> engine.onRecords(records, clock.getAsLong()));
    }

    public void raise(SystemAlarm alarm) {
        execute(() -> engine.onSystemAlarm(alarm, clock.getAsLong()));
    }

    // ---- commands: each alarm's result, in order ----

    public CompletableFuture<List<CommandResult>> acknowledge(List<String> alarmIds, String operator, String comment) {
        return each(alarmIds, (id, now) -> engine.acknowledge(id, operator, comment, now));
    }

    /** Shelves for {@code durationMs} of the session's clock from when the command runs. */
    public CompletableFuture<List<CommandResult>> shelve(List<String> alarmIds, String operator, String comment, long durationMs) {
        return each(alarmIds, (id, now) -> engine.shelve(id, operator, comment, now + durationMs, now));
    }

    public CompletableFuture<List<CommandResult>> unshelve(List<String> alarmIds, String operator, String comment) {
        return each(alarmIds, (id, now) -> engine.unshelve(id, operator, comment, now));
    }

    public CompletableFuture<List<CommandResult>> removeFromService(List<String> alarmIds, String operator, String comment) {
        return each(alarmIds, (id, now) -> engine.removeFromService(id, operator, comment, now));
    }

    public CompletableFuture<List<CommandResult>> returnToService(List<String> alarmIds, String operator, String comment) {
        return each(alarmIds, (id, now) -> engine.returnToService(id, operator, comment, now));
    }

    private interface PerAlarm {
        CommandResult run(String alarmId, long now);
    }

    private CompletableFuture<List<CommandResult>> each(List<String> alarmIds, PerAlarm command) {
        List<String> ids = List.copyOf(alarmIds);
        CompletableFuture<List<CommandResult>> result = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    long now = clock.getAsLong();
                    List<CommandResult> out = new ArrayList<>(ids.size());
                    for (String id : ids) {
                        out.add(command.run(id, now));
                    }
                    publish();
                    result.complete(out);
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("the alarm system is closed"));
        }
        return result;
    }

    // ---- output ----

    /**
     * Receives every new snapshot on the alarm thread, starting with the current one; returns the unsubscribe
     * action. Hand snapshots on (e.g. with FxBatch); do not block.
     */
    public Runnable subscribe(Consumer<AlarmSnapshot> subscriber) {
        subscribers.add(subscriber);
        execute(() -> subscriber.accept(latest));
        return () -> subscribers.remove(subscriber);
    }

    public AlarmSnapshot latest() {
        return latest;
    }

    public AlarmJournal.JournalStatus journalStatus() {
        return journal.status();
    }

    /** The session's clock, which shelves and delays run on. */
    public long now() {
        return clock.getAsLong();
    }

    private void execute(Runnable task) {
        try {
            thread.execute(() -> run(task));
        } catch (RejectedExecutionException e) {
            // closed: the window is going away
        }
    }

    /** Every task publishes what it changed; a failing task is logged and the thread lives on. */
    private void run(Runnable task) {
        try {
            engine.setStandards(standards.get());
            task.run();
            publish();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "alarm system task failed", e);
        }
    }

    private void publish() {
        if (engine.version() == published) {
            return;
        }
        published = engine.version();
        AlarmSnapshot s = engine.snapshot();
        latest = s;
        for (Consumer<AlarmSnapshot> sub : subscribers) {
            try {
                sub.accept(s);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "alarm snapshot subscriber failed", e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (disconnect) {
            disconnect.forEach(Runnable::run);
            disconnect.clear();
        }
        thread.shutdownNow();
    }
}
