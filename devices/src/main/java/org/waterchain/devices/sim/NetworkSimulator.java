package org.waterchain.devices.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.waterchain.devices.sample.Sample;
import org.waterchain.devices.sample.SampleSink;
import org.waterchain.ledger.record.Quantity;

/**
 * Simulates every station of a {@link StationNetwork} on a simulated clock. It never sleeps: {@link #advanceTo}
 * computes all samples due up to a time and hands them to the sink in order of their due time (sample time plus any
 * analysis delay; ties in network order), so it runs as fast as the caller wants; a {@link PacedRunner} paces it
 * against the wall clock.
 *
 * <p>A sample is the station's noise-free "true" signal (diurnal and seasonal cycles, storms, passing pollution
 * pulses) plus the sensor's drift and AR(1) noise, clamped and rounded to the sensor's resolution; now and then a
 * reading is flagged BAD, and now and then a device falls silent. Everything random comes from the configured seed,
 * one stream per station and purpose, so the same seed, network and calls give the same samples, however the
 * advances are chunked.
 *
 * <p>Thread-safe: every public method locks the simulator, so a UI thread may inject events or read true values
 * while a runner thread advances it. The sink is called with the lock held, on the advancing thread.
 */
public final class NetworkSimulator implements TimeSteppedSource {
    private final StationNetwork network;
    private final SimulationConfig config;
    private final SampleSink sink;
    private final Hydrology hydrology;
    private final EventTransport transport;
    private final StormProcess storms;
    private final BackgroundEvents background;
    private final SharedConditions conditions;
    private final SimulatedStation[] stations;
    private final DueQueue queue;
    private final List<PollutionEvent> events = new ArrayList<>();
    private final Map<String, List<EventArrival>> arrivalsByEvent = new LinkedHashMap<>();
    private final List<List<EventArrival>> arrivalsByNode;
    private final List<Outage> outages = new ArrayList<>();
    /** Written under the lock at the end of each step, read without it: a UI clock must never wait for a step. */
    private volatile long now;
    private int eventCount;
    private long samplesEmitted;

    public NetworkSimulator(StationNetwork network, SimulationConfig config, SampleSink sink) {
        this.network = Objects.requireNonNull(network, "network");
        this.config = Objects.requireNonNull(config, "config");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.now = config.startMs();
        this.hydrology = new Hydrology(network, config.headwaterFlowM3h(), config.lateralFlowM3h());
        this.transport = new EventTransport(network, hydrology, config.dispersionM2s());
        this.storms = new StormProcess(new SplittableRandom(Seeds.mix(config.seed(), -1, 5)), config.stormsPerDay(),
                config.startMs());
        this.background = new BackgroundEvents(network, new SplittableRandom(Seeds.mix(config.seed(), -2, 6)),
                config.backgroundEventsPerDay(), config.startMs());
        this.conditions = new SharedConditions(config.zone().getTotalSeconds() * 1000L, storms);
        List<StationSpec> specs = network.stations();
        stations = new SimulatedStation[specs.size()];
        long[] due = new long[specs.size()];
        for (int i = 0; i < stations.length; i++) {
            int node = network.stationNode(i);
            stations[i] = new SimulatedStation(specs.get(i), node, hydrology.nodeFlowM3h(node), config,
                    Seeds.stationKey(specs.get(i).id()));
            due[i] = stations[i].nextSampleMs + specs.get(i).reportDelayMs();
        }
        queue = new DueQueue(due);
        arrivalsByNode = new ArrayList<>(network.nodeCount());
        for (int i = 0; i < network.nodeCount(); i++) {
            arrivalsByNode.add(new ArrayList<>());
        }
    }

    /** The demo district with lively defaults: background events, storms, rare faults. */
    public static NetworkSimulator demo(long seed, long startMs, SampleSink sink) {
        return new NetworkSimulator(StationNetwork.demo(), SimulationConfig.defaults(seed, startMs), sink);
    }

    public StationNetwork network() {
        return network;
    }

    public SimulationConfig config() {
        return config;
    }

    @Override
    public long currentTimeMs() {
        return now;
    }

    /** Samples handed to the sink so far. */
    public synchronized long samplesEmitted() {
        return samplesEmitted;
    }

    @Override
    public synchronized int advanceTo(long timeMs) {
        if (timeMs <= now) {
            return 0;
        }
        background.generateUntil(timeMs, this::peekEventId, this::register);
        int emitted = 0;
        while (queue.peekDue() <= timeMs) {
            SimulatedStation st = stations[queue.peekStation()];
            long sampleTime = st.nextSampleMs;
            st.nextSampleMs = sampleTime + st.spec.intervalMs();
            queue.rescheduleTop(st.nextSampleMs + st.spec.reportDelayMs());
            Sample s = st.sample(sampleTime, conditions.at(sampleTime), outages);
            if (s != null) {
                emitted++;
                samplesEmitted++;
                sink.accept(s);
            }
        }
        now = timeMs;
        return emitted;
    }

    // ---- pollution events -------------------------------------------------------------------------------------

    /**
     * Injects a discharge of {@code quantity} at {@code site}, raising it there by {@code magnitude} (negative for a
     * DO, pH or ORP sag) from {@code startMs} for {@code durationMs}. An event starting before the clock only
     * affects samples not yet emitted.
     */
    public synchronized PollutionEvent inject(EventSite site, Quantity quantity, long startMs, long durationMs,
                                              double magnitude) {
        String source = site.describe();
        return register(new PollutionEvent(peekEventId(), site, quantity, startMs, durationMs, magnitude, source, false));
    }

    /** Injects a discharge at a station or junction. */
    public PollutionEvent injectAt(String nodeId, Quantity quantity, long startMs, long durationMs, double magnitude) {
        return inject(EventSite.atNode(nodeId), quantity, startMs, durationMs, magnitude);
    }

    /** Injects a discharge from a factory's outfall; the event names the factory as its source. */
    public synchronized PollutionEvent injectFromFactory(String factoryId, Quantity quantity, long startMs,
                                                         long durationMs, double magnitude) {
        FactoryOutlet f = network.factory(factoryId).orElseThrow(() -> new IllegalArgumentException(
                "no factory '" + factoryId + "' in the network (factories: "
                        + network.factories().stream().map(FactoryOutlet::id).toList() + ")"));
        return register(new PollutionEvent(peekEventId(), EventSite.atNode(f.dischargeNode()), quantity, startMs,
                durationMs, magnitude, factoryId, false));
    }

    /** The id the next registered event gets; register() moves the counter on. */
    private String peekEventId() {
        return "EV" + (eventCount + 1);
    }

    /** Computes the event's arrivals first, so an invalid site leaves no trace. */
    private PollutionEvent register(PollutionEvent e) {
        List<EventArrival> arrivals = List.copyOf(transport.arrivals(e));
        eventCount++;
        events.add(e);
        arrivalsByEvent.put(e.id(), arrivals);
        for (EventArrival a : arrivals) {
            int node = network.requireNode(a.nodeId());
            arrivalsByNode.get(node).add(a);
            int station = network.nodeStation(node);
            if (station >= 0) {
                stations[station].attach(a);
            }
        }
        return e;
    }

    /** Every event so far, injected and background, in creation order (background ones up to the clock). */
    public synchronized List<PollutionEvent> events() {
        return List.copyOf(events);
    }

    /** Events whose excess is somewhere in the network at the current time. */
    public synchronized List<PollutionEvent> activeEvents() {
        List<PollutionEvent> out = new ArrayList<>();
        for (PollutionEvent e : events) {
            for (EventArrival a : arrivalsByEvent.get(e.id())) {
                if (now >= a.windowStartMs() && now <= a.windowEndMs()) {
                    out.add(e);
                    break;
                }
            }
        }
        return out;
    }

    /** Where and when an event's excess arrives, every node along every path, in path order. */
    public synchronized List<EventArrival> arrivals(String eventId) {
        List<EventArrival> a = arrivalsByEvent.get(eventId);
        if (a == null) {
            throw new IllegalArgumentException("no event '" + eventId + "'");
        }
        return a;
    }

    /** Every arrival at a node (station or junction), of every event so far. */
    public synchronized List<EventArrival> arrivalsAt(String nodeId) {
        return List.copyOf(arrivalsByNode.get(network.requireNode(nodeId)));
    }

    // ---- the truth behind the samples --------------------------------------------------------------------------

    /**
     * The station's noise-free, drift-free value of {@code quantity} at {@code timeMs}: cycles, storms and the
     * excess of every event known so far. Any quantity may be asked, measured by the station or not.
     */
    public synchronized double trueValue(String stationId, Quantity quantity, long timeMs) {
        SimulatedStation st = stations[network.requireStation(stationId)];
        return st.baseline(quantity, conditions.copy().at(timeMs)) + excess(st.node, quantity, timeMs);
    }

    /** The part of {@link #trueValue} that pollution events contribute. */
    public synchronized double eventExcess(String nodeId, Quantity quantity, long timeMs) {
        return excess(network.requireNode(nodeId), quantity, timeMs);
    }

    private double excess(int node, Quantity quantity, long timeMs) {
        double sum = 0;
        for (EventArrival a : arrivalsByNode.get(node)) {
            if (a.quantity() == quantity) {
                sum += a.excessAt(timeMs);
            }
        }
        return sum;
    }

    /** Flow over dry-weather flow at {@code timeMs}, the same at every station (storms cover the district). */
    public synchronized double flowRatio(long timeMs) {
        return storms.flowRatio(timeMs);
    }

    /** Storms that began by the current time. */
    public synchronized List<Storm> storms() {
        return storms.stormsUntil(now);
    }

    /** Dry-weather flow at a node, m3/h, from the network's mass balance. */
    public double baseFlowM3h(String nodeId) {
        return hydrology.nodeFlowM3h(network.requireNode(nodeId));
    }

    // ---- sensor faults and maintenance -------------------------------------------------------------------------

    /** How far the sensor for {@code quantity} at the station has drifted at {@code timeMs} since its calibration. */
    public synchronized double driftOffset(String stationId, Quantity quantity, long timeMs) {
        SimulatedStation st = stations[network.requireStation(stationId)];
        return st.driftOffset(sensorIndex(st, quantity), timeMs);
    }

    /** Calibrates one sensor at {@code atMs}: its drift starts again from zero. */
    public synchronized void calibrate(String stationId, Quantity quantity, long atMs) {
        SimulatedStation st = stations[network.requireStation(stationId)];
        st.calibrate(sensorIndex(st, quantity), atMs);
    }

    /** Calibrates every sensor of a station at {@code atMs}, as a maintenance visit does. */
    public synchronized void calibrateAll(String stationId, long atMs) {
        SimulatedStation st = stations[network.requireStation(stationId)];
        for (int i = 0; i < st.spec.quantities().size(); i++) {
            st.calibrate(i, atMs);
        }
    }

    private static int sensorIndex(SimulatedStation st, Quantity q) {
        int i = st.indexOf(q);
        if (i < 0) {
            throw new IllegalArgumentException("station " + st.spec.id() + " does not measure " + q.symbol()
                    + " (it measures " + st.spec.quantities().stream().map(Quantity::symbol).toList() + ")");
        }
        return i;
    }

    /** Silences a station's device for sample times in [fromMs, toMs), as a planned maintenance or a test needs. */
    public synchronized Outage scheduleOutage(String stationId, long fromMs, long toMs) {
        SimulatedStation st = stations[network.requireStation(stationId)];
        Outage o = new Outage(stationId, st.spec.deviceId(), fromMs, toMs, true);
        st.scheduleOutage(o);
        outages.add(o);
        return o;
    }

    /** Scheduled outages and the random ones that have begun so far. */
    public synchronized List<Outage> outages() {
        return Collections.unmodifiableList(new ArrayList<>(outages));
    }
}
