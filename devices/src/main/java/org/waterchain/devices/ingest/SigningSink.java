package org.waterchain.devices.ingest;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.waterchain.devices.sample.Sample;
import org.waterchain.devices.sample.SampleSink;
import org.waterchain.devices.signing.GatewayKeys;
import org.waterchain.devices.signing.RecordSigner;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.node.Receipt;

/**
 * Signs samples from sources that do not sign themselves and offers them to the ingest: Modbus transmitters
 * and replayed series through the node's gateway, simulated sensor nodes with their own keys. Each device's
 * signer starts above the last sequence number the ingest has seen for its key, so a restart never replays.
 */
public final class SigningSink implements SampleSink {
    private final RecordIngest ingest;
    private final String source;
    private final Function<String, RecordSigner> newSigner;
    private final Map<String, RecordSigner> signers = new ConcurrentHashMap<>();
    private final AtomicReference<CompletableFuture<Receipt>> lastReceipt = new AtomicReference<>();

    private SigningSink(RecordIngest ingest, String source, Function<String, RecordSigner> newSigner) {
        this.ingest = ingest;
        this.source = source;
        this.newSigner = newSigner;
    }

    /** The node's gateway signs, with a key derived per device; records carry the gateway-signed flag. */
    public static SigningSink gateway(RecordIngest ingest, String source, KeyPair gateway) {
        return new SigningSink(ingest, source, id -> {
            KeyPair k = GatewayKeys.deviceKey(gateway, id);
            return new RecordSigner(id, k, true, ingest.lastSequence(k.publicKey()));
        });
    }

    /** Devices that hold their own keys (simulated sensor nodes). */
    public static SigningSink selfSigned(RecordIngest ingest, String source, Map<String, KeyPair> deviceKeys) {
        Map<String, KeyPair> keys = Map.copyOf(deviceKeys);
        return new SigningSink(ingest, source, id -> {
            KeyPair k = keys.get(id);
            if (k == null) {
                throw new IllegalArgumentException("no key for simulated device " + id);
            }
            return new RecordSigner(id, k, false, ingest.lastSequence(k.publicKey()));
        });
    }

    @Override
    public void accept(Sample s) {
        offer(s);
    }

    public RecordIngest.Outcome offer(Sample s) {
        RecordSigner signer = signers.computeIfAbsent(s.deviceId(), newSigner);
        // signed and offered under one lock, so numbers reach the ingest in the order they were handed out
        synchronized (signer) {
            RecordIngest.Outcome o = ingest.offer(source, signer.sign(s));
            if (o instanceof RecordIngest.Outcome.Submitted sub) {
                lastReceipt.set(sub.receipt());
            }
            return o;
        }
    }

    /**
     * Waits until everything this sink submitted is committed (or refused): blocks commit in order, so the
     * last receipt coming in means every earlier one has.
     */
    public void awaitCommitted(long timeout, TimeUnit unit) throws Exception {
        CompletableFuture<Receipt> last = lastReceipt.get();
        if (last != null) {
            last.get(timeout, unit);
        }
    }
}
