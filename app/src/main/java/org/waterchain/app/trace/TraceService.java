package org.waterchain.app.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.waterchain.app.session.Session;
import org.waterchain.app.trace.narrowing.Candidate;
import org.waterchain.app.trace.narrowing.FactoryNarrowing;
import org.waterchain.app.trace.narrowing.SupplyPoint;
import org.waterchain.app.trace.narrowing.TransportAssumptions;
import org.waterchain.devices.ingest.SystemAlarm;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.trace.PollutionTraceService;
import org.waterchain.ledger.trace.TraceOutcome;
import org.waterchain.ledger.trace.TracedEvent;

/**
 * The app's side of pollution tracing. On a node licensed to issue pollution coins (the demo's regulator) it runs
 * the ledger's tracing service, which traces each closed time point with an exceedance; on any node it reads the
 * traces back. Each new trace is analysed (pathways, candidate factories) on this service's own thread, announced
 * to subscribers and raised as a {@link SystemAlarm.Kind#POLLUTION_TRACED} alarm per source station.
 */
public final class TraceService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TraceService.class.getName());

    static final int KEPT_FINDINGS = 200;

    private final Session session;
    private final TraceAnalysis analysis;
    private final Consumer<SystemAlarm> alarms;
    private final PollutionTraceService issuer;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "trace-analysis");
        t.setDaemon(true);
        return t;
    });
    /** Findings by (quantity, time point), the most recently used kept: a demo traces several events an hour. */
    private final Map<String, CompletableFuture<TraceFinding>> findings = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<TraceFinding>> eldest) {
                    return size() > KEPT_FINDINGS;
                }
            });
    private final List<Consumer<TraceFinding>> subscribers = new CopyOnWriteArrayList<>();

    private TraceService(Session session, Supplier<List<SupplyPoint>> units, Consumer<SystemAlarm> alarms) {
        this.session = session;
        this.alarms = alarms;
        this.analysis = new TraceAnalysis(session.node().queries(), session::registry, units,
                session.isDemo() ? TransportAssumptions.demo() : TransportAssumptions.paperChannel(),
                FactoryNarrowing.DEFAULT_REACH_M);
        this.issuer = PollutionTraceService.startIfLicensed(session.node(), session.nodeKey(), this::traced).orElse(null);
    }

    /**
     * @param units  the irrigation units on the map and the channel node each takes its water from
     * @param alarms where tracing alarms go (the alarm service)
     */
    public static TraceService start(Session session, Supplier<List<SupplyPoint>> units, Consumer<SystemAlarm> alarms) {
        return new TraceService(session, units, alarms);
    }

    /** Whether this node traces on its own (its key holds the pollution-coin licence) or only reads traces. */
    public boolean isIssuer() {
        return issuer != null;
    }

    /** Called with each new finding, on the analysis thread; returns the unsubscribe action. */
    public Runnable subscribe(Consumer<TraceFinding> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Traced events with time point in [from, to), oldest first. Blocking: call off the FX thread. */
    public List<TracedEvent> events(long fromMs, long toMs) {
        return analysis.traces().tracedEvents(fromMs, toMs);
    }

    /** The finding of a traced time point, analysed once and then remembered. */
    public CompletableFuture<TraceFinding> finding(Quantity q, long timePointMs) {
        return findings.computeIfAbsent(key(q.symbol(), timePointMs),
                k -> CompletableFuture.supplyAsync(() -> analysis.analyse(q, timePointMs), worker));
    }

    private void traced(TraceOutcome outcome) {
        if (!outcome.succeeded()) {
            LOG.log(System.Logger.Level.WARNING, "tracing " + outcome.quantity() + " at "
                    + TraceModel.hour(outcome.timePointMs()) + " did not complete: "
                    + Optional.ofNullable(outcome.failure()).orElse("a transfer was refused"));
            return;
        }
        // a restart re-runs recent traces; only transfers new to the chain make a new finding
        if (outcome.receipts().stream().noneMatch(Receipt::valid)) {
            return;
        }
        Quantity q = Quantity.bySymbol(outcome.quantity()).orElseThrow();
        findings.remove(key(outcome.quantity(), outcome.timePointMs()));
        finding(q, outcome.timePointMs()).thenAccept(f -> {
            for (Consumer<TraceFinding> s : subscribers) {
                s.accept(f);
            }
            raiseAlarms(f);
        }).exceptionally(e -> {
            LOG.log(System.Logger.Level.WARNING, "analysing the trace of " + outcome.quantity() + " failed", e);
            return null;
        });
    }

    private void raiseAlarms(TraceFinding f) {
        for (TraceFinding.SourceFinding s : f.sources()) {
            alarms.accept(new SystemAlarm(SystemAlarm.Kind.POLLUTION_TRACED, s.station(), null, describe(f, s), 1,
                    session.now()));
        }
    }

    /** One line for the alarm list: what, when, where it came from, and who most likely discharged it. */
    static String describe(TraceFinding f, TraceFinding.SourceFinding s) {
        StringBuilder b = new StringBuilder(f.quantity()).append(" traced to source ").append(s.station())
                .append(" at ").append(TraceModel.hour(f.timePointMs()));
        if (s.candidates().isEmpty()) {
            return b.append("; no factory with ").append(f.quantity()).append(" within reach").toString();
        }
        Candidate c = s.candidates().get(0);
        return b.append("; likely ").append(c.factoryId()).append(" ").append(c.name()).toString();
    }

    private static String key(String quantity, long timePointMs) {
        return quantity + "@" + timePointMs;
    }

    @Override
    public void close() {
        if (issuer != null) {
            issuer.close();
        }
        worker.shutdownNow();
    }
}
