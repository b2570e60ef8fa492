package org.waterchain.ledger.trace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.GrantLicence;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.store.StoredEntry;
import org.waterchain.ledger.store.StoredRecord;
import org.waterchain.ledger.validation.ApplyOutcome;
import org.waterchain.ledger.validation.Violation;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.ValueEntry;

/**
 * The issuer's side of backward pollution source tracing, run by a node whose key is licensed for pollution coins.
 * It watches committed data blocks for readings beyond the registry's standards and traces each (quantity, time
 * point) once the time point is closed, that is once a reading of that quantity with a device time at or after its
 * end has been committed; {@link #trace} starts one explicitly. A trace reads the ledger, plans with
 * {@link BpstPlanner}, signs with the node key and submits in plan order; every replica then checks each transfer.
 *
 * <p>Plans are deterministic, so running a trace again (after a crash half-way, or on a second issuer) submits the
 * same transactions: those already on the chain come back as duplicates and the rest complete it. One thread does
 * all the work, so the apply thread never waits for it and two traces never interleave.
 */
public final class PollutionTraceService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PollutionTraceService.class);
    /** How far back before the newest record the service looks for untraced exceedances when it starts. */
    public static final long CATCH_UP_MS = 48 * PollutionContract.TIME_POINT_MS;

    private final LedgerNode node;
    private final KeyPair issuer;
    private final Traces traces;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pollution-trace");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<TraceOutcome> listener;
    private final Runnable unsubscribe;
    // owned by the worker thread
    private final TreeSet<Pending> pending = new TreeSet<>();
    private final Map<Quantity, Long> newestReading = new HashMap<>();
    private Map<String, SetStandard> standards;

    private record Pending(long timePointMs, Quantity quantity) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int c = Long.compare(timePointMs, o.timePointMs);
            return c != 0 ? c : quantity.compareTo(o.quantity);
        }
    }

    private PollutionTraceService(LedgerNode node, KeyPair issuer, Consumer<TraceOutcome> listener) {
        this.node = node;
        this.issuer = issuer;
        this.traces = new Traces(node.queries());
        this.listener = listener; // set before the catch-up, which may trace at once
        this.unsubscribe = node.subscribe(this::onBlock);
        submitWork(this::catchUp);
    }

    /**
     * Starts the service if the registry licenses the key for any pollution asset; otherwise there is nothing this
     * node may trace.
     *
     * @param listener hears of each trace the service runs on its own, the catch-up's at start included; may be null
     */
    public static Optional<PollutionTraceService> startIfLicensed(LedgerNode node, KeyPair issuer,
                                                                  Consumer<TraceOutcome> listener) {
        return licensedPatterns(node.queries(), issuer).isEmpty() ? Optional.empty()
                : Optional.of(new PollutionTraceService(node, issuer, listener));
    }

    /** Starts the service whatever the licences say (the trigger skips quantities the key is not licensed for). */
    public static PollutionTraceService start(LedgerNode node, KeyPair issuer, Consumer<TraceOutcome> listener) {
        return new PollutionTraceService(node, issuer, listener);
    }

    /** Read access to the traces on this node's ledger. */
    public Traces traces() {
        return traces;
    }

    /**
     * Traces one (quantity, time point) now, whether or not it is closed. Completes with the receipts of the
     * transfers in plan order once all are committed, or exceptionally (IllegalStateException) when no station
     * exceeds the standard then, the trace is already complete, or the key holds no licence for the quantity.
     */
    public CompletableFuture<List<Receipt>> trace(Quantity q, long timePointMs) {
        long t = PollutionContract.timePointOf(timePointMs);
        CompletableFuture<List<Receipt>> f = new CompletableFuture<>();
        submitWork(() -> {
            try {
                f.complete(runTrace(q, t));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /**
     * Plans a trace from what a ledger holds now: its station graph, standard and the records of every station in
     * the time point.
     *
     * @throws IllegalStateException when the registry sets no standard for q or no station exceeds it then
     */
    public static TracePlan planFrom(LedgerQueries queries, Quantity q, long timePointMs) {
        SetStandard standard = standards(queries).get(q.symbol());
        if (standard == null) {
            throw new IllegalStateException("the registry sets no standard for " + q.symbol() + ": nothing to trace");
        }
        List<String> stations = queries.registry("station", false).stream().map(RegistryAction::key).toList();
        List<AddChannel> channels = queries.registry("channel", false).stream().map(a -> (AddChannel) a).toList();
        StationGraph graph = StationGraph.fromChannels(stations, channels);
        Map<String, Double> observed = new HashMap<>();
        for (String s : stations) {
            List<SensorRecord> records = queries.records(s, timePointMs, timePointMs + PollutionContract.TIME_POINT_MS)
                    .stream().map(StoredRecord::record).toList();
            OptionalDouble v = Exceedance.observed(standard, q, records);
            if (v.isPresent()) {
                observed.put(s, v.getAsDouble());
            }
        }
        if (observed.isEmpty()) {
            throw new IllegalStateException("no station exceeds the " + q.symbol() + " standard in the time point from "
                    + Instant.ofEpochMilli(timePointMs));
        }
        return BpstPlanner.plan(graph, q, timePointMs, observed);
    }

    /** Whether a receipt refused its entry only because the same transaction is already on the chain. */
    public static boolean isDuplicate(Receipt r) {
        return !r.valid() && r.reason() != null && r.reason().startsWith(Violation.Code.DUPLICATE.name() + ":");
    }

    // ---- on the worker thread ----

    private List<Receipt> runTrace(Quantity q, long t) {
        String asset = Asset.pollution(q);
        if (licensedPatterns(node.queries(), issuer).stream().noneMatch(p -> Asset.licenceCovers(p, asset))) {
            throw new IllegalStateException("this node's key " + issuer.address() + " holds no licence to issue " + asset);
        }
        if (isComplete(q, t)) {
            throw new IllegalStateException(q.symbol() + " at " + Instant.ofEpochMilli(t) + " is already traced");
        }
        return submitPlan(q, t);
    }

    /** Plans the trace and submits it in plan order; the caller has checked the licence and that it is not complete. */
    private List<Receipt> submitPlan(Quantity q, long t) {
        TracePlan plan = planFrom(node.queries(), q, t);
        List<CompletableFuture<Receipt>> submitted = new ArrayList<>(plan.steps().size());
        for (ValueEntry e : plan.signed(issuer)) {
            submitted.add(node.submit(e));
        }
        List<Receipt> receipts = new ArrayList<>(submitted.size());
        for (CompletableFuture<Receipt> f : submitted) {
            try {
                receipts.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the trace of " + q.symbol() + " was committed", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the trace of " + q.symbol() + " at " + Instant.ofEpochMilli(t)
                        + " could not be submitted: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return receipts;
    }

    private void onBlock(ApplyOutcome.Applied applied) {
        // on the apply thread: only hand over
        if (applied.header().chain() == ChainId.VALUE) {
            submitWork(() -> standards = null); // a standard may have changed
        } else {
            submitWork(() -> dataBlock(applied));
        }
    }

    private void dataBlock(ApplyOutcome.Applied applied) {
        List<StoredEntry> entries = node.queries().entriesOf(ChainId.DATA, applied.header().height(), applied.hash())
                .orElse(List.of());
        List<SensorRecord> records = new ArrayList<>(entries.size());
        for (StoredEntry e : entries) {
            if (e.valid()) {
                records.add(RecordEntry.decode(e.raw()).signed().record());
            }
        }
        noteRecords(records);
        traceClosed();
    }

    /** Remembers the time points whose readings exceed a standard, and the newest reading of each quantity. */
    private void noteRecords(List<SensorRecord> records) {
        Map<String, SetStandard> std = standards();
        for (SensorRecord r : records) {
            for (var reading : r.readings()) {
                Quantity q = Quantity.byCode(reading.quantityCode()).orElse(null);
                if (q == null) {
                    continue;
                }
                newestReading.merge(q, r.sampleTimeMs(), Math::max);
                SetStandard s = std.get(q.symbol());
                if (s != null && Exceedance.exceeds(s, reading)) {
                    pending.add(new Pending(PollutionContract.timePointOf(r.sampleTimeMs()), q));
                }
            }
        }
    }

    private void traceClosed() {
        List<String> licensed = null; // read once per call, and only when something is due
        for (Pending p : new ArrayList<>(pending)) {
            long newest = newestReading.getOrDefault(p.quantity(), Long.MIN_VALUE);
            if (newest < p.timePointMs() + PollutionContract.TIME_POINT_MS) {
                continue;
            }
            pending.remove(p);
            String asset = Asset.pollution(p.quantity());
            licensed = licensed != null ? licensed : licensedPatterns(node.queries(), issuer);
            if (licensed.stream().noneMatch(l -> Asset.licenceCovers(l, asset)) || isComplete(p.quantity(), p.timePointMs())) {
                continue;
            }
            TraceOutcome outcome;
            try {
                outcome = new TraceOutcome(p.quantity().symbol(), p.timePointMs(), submitPlan(p.quantity(), p.timePointMs()), null);
            } catch (RuntimeException e) {
                outcome = new TraceOutcome(p.quantity().symbol(), p.timePointMs(), List.of(), e.getMessage());
            }
            if (!outcome.succeeded()) {
                LOG.warn("trace of {} at {} did not complete: {}", outcome.quantity(), Instant.ofEpochMilli(outcome.timePointMs()),
                        outcome.reason());
            }
            if (listener != null) {
                try {
                    listener.accept(outcome);
                } catch (RuntimeException e) {
                    LOG.warn("trace listener failed", e);
                }
            }
        }
    }

    /**
     * After a start: the records of the last {@link #CATCH_UP_MS} before the newest one, so an exceedance whose
     * time point closed while the node was down is still traced (a complete trace is not run again).
     */
    private void catchUp() {
        LedgerQueries q = node.queries();
        List<String> stations = q.registry("station", false).stream().map(RegistryAction::key).toList();
        long newest = Long.MIN_VALUE;
        for (String s : stations) {
            Optional<StoredRecord> r = q.latestRecord(s);
            if (r.isPresent()) {
                newest = Math.max(newest, r.get().record().sampleTimeMs());
            }
        }
        if (newest == Long.MIN_VALUE) {
            return;
        }
        for (String s : stations) {
            noteRecords(q.records(s, newest - CATCH_UP_MS, Long.MAX_VALUE).stream().map(StoredRecord::record).toList());
        }
        traceClosed();
    }

    private boolean isComplete(Quantity q, long t) {
        return traces.tracedEvents(t, t + 1).stream().anyMatch(e -> e.quantity().equals(q.symbol()) && e.complete());
    }

    private Map<String, SetStandard> standards() {
        if (standards == null) {
            standards = standards(node.queries());
        }
        return standards;
    }

    private static Map<String, SetStandard> standards(LedgerQueries queries) {
        Map<String, SetStandard> m = new HashMap<>();
        for (RegistryAction a : queries.registry("standard", true)) {
            SetStandard s = (SetStandard) a;
            m.put(s.quantity(), s);
        }
        return m;
    }

    private static List<String> licensedPatterns(LedgerQueries queries, KeyPair key) {
        return queries.registry("licence", true).stream().map(a -> (GrantLicence) a)
                .filter(l -> l.issuer().equals(key.address()) && (l.assetPattern().startsWith(Asset.POLLUTION_PREFIX)))
                .map(GrantLicence::assetPattern).toList();
    }

    private void submitWork(Runnable work) {
        try {
            worker.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("pollution tracing failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // closed: the node is shutting down
        }
    }

    @Override
    public void close() {
        unsubscribe.run();
        worker.shutdownNow();
    }
}
