package org.waterchain.devices.ingest;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;
import org.waterchain.devices.wire.FrameError;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.record.SignedRecord;
import org.waterchain.ledger.record.StatusFlags;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;

/**
 * The one door from devices to the data chain. Every signed record from every driver passes the same checks
 * the ledger's record rules make, here, before submission: what fails is counted per source, raises a system
 * alarm and never reaches the data chain (where even an invalid entry would stay for good). What passes is
 * submitted with the node's receipt time.
 *
 * <p>Thread-safe: each driver calls from its own thread, which also pays for its signature checks, so the
 * verification work spreads over the drivers' threads.
 */
public final class RecordIngest implements AutoCloseable {
    /** What became of an offered record. */
    public sealed interface Outcome {
        record Submitted(CompletableFuture<Receipt> receipt) implements Outcome {}

        record Rejected(RejectReason reason, String detail) implements Outcome {}
    }

    private final LedgerNode node;
    private final LongSupplier clock;
    private final AlarmFolding alarms;
    private final SilenceWatch silence;
    private final Map<String, Counters> sources = new ConcurrentHashMap<>();
    /** Highest sequence submitted or accepted per key, so a replay is caught before the ledger sees it. */
    private final Map<String, AtomicLong> highestSeq = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog;
    private final Runnable unsubscribe;
    /** Bumped by every applied value-chain block: the registry may have changed. */
    private final AtomicLong registryGeneration = new AtomicLong();
    private volatile DeviceDirectory directory;
    private volatile long directoryGeneration = -1;

    public RecordIngest(LedgerNode node, LongSupplier clock, SystemAlarm.Listener listener) {
        this(node, clock, listener, 60_000, 5_000);
    }

    /**
     * @param alarmHoldOffMs repeats of one problem within this time fold into one alarm
     * @param silenceGraceMs how long past two push intervals a device may be late before it is called silent
     */
    public RecordIngest(LedgerNode node, LongSupplier clock, SystemAlarm.Listener listener, long alarmHoldOffMs,
            long silenceGraceMs) {
        this.node = node;
        this.clock = clock;
        this.alarms = new AlarmFolding(alarmHoldOffMs, listener);
        this.silence = new SilenceWatch(silenceGraceMs);
        // subscribe before the first read, so no registry change can fall between them
        this.unsubscribe = node.subscribe(applied -> {
            if (applied.header().chain() == ChainId.VALUE) {
                registryGeneration.incrementAndGet();
            }
        });
        reloadDirectory();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "device-silence-watch");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::checkSilence, 1, 1, TimeUnit.SECONDS);
    }

    public Outcome offer(String source, SignedRecord signed) {
        Counters c = counters(source);
        SensorRecord rec;
        try {
            rec = signed.record();
        } catch (RuntimeException e) {
            return reject(c, RejectReason.MALFORMED_MESSAGE, null, "record body does not decode: " + e.getMessage());
        }
        String what = "record " + rec.deviceId() + "#" + rec.seq();
        if (!signed.signatureValid()) {
            return reject(c, RejectReason.BAD_SIGNATURE, rec.deviceId(), what + ": signature does not verify with the key it carries");
        }
        DeviceDirectory dir = directory();
        RegisterDevice device = dir.device(rec.deviceId()).orElse(null);
        String keyHex = Hex.of(signed.signerKey());
        if (device == null) {
            return reject(c, RejectReason.UNKNOWN_DEVICE, rec.deviceId(), what + ": no device " + rec.deviceId()
                    + " is registered (key " + keyHex.substring(0, 16) + "...); enroll it first");
        }
        if (dir.isRetired(rec.deviceId())) {
            return reject(c, RejectReason.RETIRED_DEVICE, rec.deviceId(), what + ": the device was retired");
        }
        if (!keyHex.equals(Hex.of(device.publicKey()))) {
            return reject(c, RejectReason.KEY_MISMATCH, rec.deviceId(), what + ": signed by key " + keyHex.substring(0, 16)
                    + "..., but the device is registered with " + Hex.of(device.publicKey()).substring(0, 16)
                    + "... (a replaced device must be registered again)");
        }
        boolean gatewaySigned = StatusFlags.has(rec.statusFlags(), StatusFlags.GATEWAY_SIGNED);
        if (gatewaySigned != device.gateway()) {
            return reject(c, RejectReason.GATEWAY_FLAG_MISMATCH, rec.deviceId(), what + ": gateway-signed flag is "
                    + gatewaySigned + " but the device is registered as " + (device.gateway() ? "gateway-signed" : "self-signing"));
        }
        for (Reading r : rec.readings()) {
            if (Quantity.byCode(r.quantityCode()).isEmpty()) {
                return reject(c, RejectReason.UNKNOWN_QUANTITY, rec.deviceId(), what + ": unknown quantity code " + r.quantityCode());
            }
        }
        AtomicLong highest = highest(signed.signerKey(), keyHex);
        long now;
        CompletableFuture<Receipt> receipt;
        // One key's records are checked and submitted under one lock, so they reach the ledger in sequence order
        // even when two threads offer them.
        synchronized (highest) {
            long prev = highest.get();
            if (rec.seq() <= prev) {
                return reject(c, RejectReason.STALE_SEQUENCE, rec.deviceId(), what + ": sequence number " + rec.seq()
                        + " is not after " + prev + ", the last already received (replayed or old record)");
            }
            highest.set(rec.seq());
            now = clock.getAsLong();
            receipt = node.submit(new RecordEntry(signed, now));
        }
        silence.seen(rec.deviceId(), now);
        c.accepted(now, rec.deviceId());
        statusAlarms(c.source, rec, now);
        receipt.whenComplete((r, e) -> {
            if (e != null || !r.valid()) {
                String why = e != null ? "not committed: " + e.getMessage() : r.reason();
                reject(c, RejectReason.LEDGER_REFUSED, rec.deviceId(), what + ": " + why);
            }
        });
        return new Outcome.Submitted(receipt);
    }

    /**
     * The last sequence number seen for a key: accepted by the ledger or submitted since. A signer starts above
     * it, so a second signer for the same device (a restarted poller) never reuses a number still in flight.
     */
    public long lastSequence(byte[] key) {
        return highest(key, Hex.of(key)).get();
    }

    private AtomicLong highest(byte[] key, String keyHex) {
        return highestSeq.computeIfAbsent(keyHex, k -> new AtomicLong(node.queries().lastSequence(key)));
    }

    /**
     * A signed record's status flags are evidence and go to the ledger with it; what they report about the
     * device (opened, leaking, running down) is raised here for the operator.
     */
    private void statusAlarms(String source, SensorRecord rec, long now) {
        int f = rec.statusFlags();
        if (StatusFlags.has(f, StatusFlags.TAMPER)) {
            alarms.occurred(SystemAlarm.Kind.DEVICE_TAMPERED, source, rec.deviceId(), "device " + rec.deviceId()
                    + " reports its enclosure open (record #" + rec.seq() + ")", now);
        }
        if (StatusFlags.has(f, StatusFlags.LEAK)) {
            alarms.occurred(SystemAlarm.Kind.LEAK_SUSPECTED, source, rec.deviceId(), "device " + rec.deviceId()
                    + " reports flow without demand or a pressure drop (record #" + rec.seq() + ")", now);
        }
        if (StatusFlags.has(f, StatusFlags.LOW_BATTERY)) {
            alarms.occurred(SystemAlarm.Kind.LOW_BATTERY, source, rec.deviceId(), "device " + rec.deviceId()
                    + " reports a low battery (record #" + rec.seq() + ")", now);
        }
    }

    /** A frame a driver could not decode. */
    public void frameRejected(String source, FrameError e) {
        RejectReason r = RejectReason.of(e);
        if (r != null) {
            reject(counters(source), r, null, "frame refused on " + source + ": " + e.wireName());
        }
    }

    /** A good frame whose message is unknown or malformed. */
    public void messageRejected(String source, boolean unknownType, String detail) {
        reject(counters(source), unknownType ? RejectReason.UNKNOWN_MESSAGE_TYPE : RejectReason.MALFORMED_MESSAGE, null,
                "message refused on " + source + ": " + detail);
    }

    /** A driver lost its link (port unplugged, far end gone); it reconnects by itself. */
    public void linkLost(String source, String detail) {
        alarms.occurred(SystemAlarm.Kind.LINK_LOST, source, null, detail, clock.getAsLong());
    }

    /** Watch a device for silence: it is expected every {@code intervalMs}. */
    public void expect(String deviceId, String source, long intervalMs) {
        silence.expect(deviceId, source, intervalMs, clock.getAsLong());
    }

    public void forget(String deviceId) {
        silence.forget(deviceId);
    }

    /**
     * Reads the registry again now, e.g. right after an enrollment's receipt. Loads run one at a time and each
     * starts after the change it answers, so a slow load can never overwrite a newer one.
     */
    public synchronized DeviceDirectory reloadDirectory() {
        long generation = registryGeneration.get();
        DeviceDirectory d = DeviceDirectory.load(node.queries());
        directory = d;
        directoryGeneration = generation;
        return d;
    }

    public DeviceDirectory directory() {
        return directoryGeneration != registryGeneration.get() ? reloadDirectory() : directory;
    }

    public Map<String, SourceStats> stats() {
        Map<String, SourceStats> out = new TreeMap<>();
        sources.forEach((k, v) -> out.put(k, v.snapshot(k)));
        return out;
    }

    public SourceStats stats(String source) {
        return counters(source).snapshot(source);
    }

    private void checkSilence() {
        try {
            for (SilenceWatch.Silent s : silence.check(clock.getAsLong())) {
                alarms.occurred(SystemAlarm.Kind.DEVICE_SILENT, s.source(), s.deviceId(), "device " + s.deviceId()
                        + " sent nothing for " + (clock.getAsLong() - s.lastSeenMs()) / 1000 + " s (expected every "
                        + s.intervalMs() / 1000 + " s)", clock.getAsLong());
            }
        } catch (RuntimeException e) {
            // the watch must outlive one bad check; the next one runs in a second
        }
    }

    private Outcome.Rejected reject(Counters c, RejectReason reason, String deviceId, String detail) {
        c.rejected(reason);
        // An unregistered or forging sender chooses its own device ids: fold its alarms per source, not per id
        // (the detail still names the id), so varying ids cannot flood the alarm list.
        boolean idTrusted = reason != RejectReason.UNKNOWN_DEVICE && reason != RejectReason.BAD_SIGNATURE;
        alarms.occurred(reason.alarm(), c.source, idTrusted ? deviceId : null, detail, clock.getAsLong());
        return new Outcome.Rejected(reason, detail);
    }

    private Counters counters(String source) {
        return sources.computeIfAbsent(source, Counters::new);
    }

    @Override
    public void close() {
        unsubscribe.run();
        watchdog.shutdownNow();
    }

    private static final class Counters {
        final String source;
        final AtomicLongArray rejected = new AtomicLongArray(RejectReason.values().length);
        final AtomicLong accepted = new AtomicLong();
        volatile long lastAcceptedMs = -1;
        volatile String lastDeviceId;

        Counters(String source) {
            this.source = source;
        }

        void accepted(long now, String deviceId) {
            accepted.incrementAndGet();
            lastAcceptedMs = now;
            lastDeviceId = deviceId;
        }

        void rejected(RejectReason r) {
            rejected.incrementAndGet(r.ordinal());
        }

        SourceStats snapshot(String name) {
            Map<RejectReason, Long> m = new EnumMap<>(RejectReason.class);
            for (RejectReason r : RejectReason.values()) {
                long n = rejected.get(r.ordinal());
                if (n > 0) {
                    m.put(r, n);
                }
            }
            return new SourceStats(name, accepted.get(), m, lastAcceptedMs, lastDeviceId);
        }
    }
}
