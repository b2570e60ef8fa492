package org.waterchain.app.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.store.StoredEntry;
import org.waterchain.ledger.validation.ApplyOutcome;

/**
 * The records of each committed data-chain block, read back on the feed's own thread (the ledger's apply
 * thread must not wait for the screens) and handed to every subscriber as one list per block.
 */
public final class LiveFeed implements AutoCloseable {
    private final LedgerNode node;
    private final Function<String, String> stationOfDevice;
    private final List<Consumer<List<LiveRecord>>> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-feed");
        t.setDaemon(true);
        return t;
    });
    private final Runnable unsubscribe;

    public LiveFeed(LedgerNode node, Function<String, String> stationOfDevice) {
        this.node = node;
        this.stationOfDevice = stationOfDevice;
        this.unsubscribe = node.subscribe(applied -> {
            if (applied.header().chain() == ChainId.DATA) {
                reader.execute(() -> publish(applied));
            }
        });
    }

    /** Called on the feed's thread; returns the unsubscribe action. */
    public Runnable subscribe(Consumer<List<LiveRecord>> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /**
     * Each station's latest record already on the ledger, so a screen opened after a restart shows the last
     * known values at once rather than waiting for the next sample (an hour, for hourly devices). Reads the
     * ledger: call it off the FX thread.
     */
    public List<LiveRecord> latest(java.util.Collection<String> stationIds) {
        List<LiveRecord> out = new ArrayList<>();
        for (String station : stationIds) {
            node.queries().latestRecord(station).ifPresent(s -> {
                SensorRecord r = s.record();
                out.add(new LiveRecord(station, r.deviceId(), r.seq(), r.sampleTimeMs(), s.entry().receiptTimeMs(), r.statusFlags(),
                        r.readings(), s.height(), s.entryId()));
            });
        }
        return out;
    }

    private void publish(ApplyOutcome.Applied applied) {
        List<StoredEntry> entries = node.queries().entriesOf(ChainId.DATA, applied.header().height(), applied.hash()).orElse(List.of());
        List<LiveRecord> out = new ArrayList<>(entries.size());
        for (StoredEntry e : entries) {
            if (!e.valid()) {
                continue;
            }
            RecordEntry re = RecordEntry.decode(e.raw());
            SensorRecord r = re.signed().record();
            out.add(new LiveRecord(stationOfDevice.apply(r.deviceId()), r.deviceId(), r.seq(), r.sampleTimeMs(), re.receiptTimeMs(),
                    r.statusFlags(), r.readings(), e.height(), e.id()));
        }
        if (out.isEmpty()) {
            return;
        }
        List<LiveRecord> batch = List.copyOf(out);
        for (Consumer<List<LiveRecord>> s : subscribers) {
            try {
                s.accept(batch);
            } catch (RuntimeException ex) {
                // one screen's fault must not starve the others
                System.err.println("live feed subscriber failed: " + ex);
            }
        }
    }

    @Override
    public void close() {
        unsubscribe.run();
        reader.shutdownNow();
    }
}
