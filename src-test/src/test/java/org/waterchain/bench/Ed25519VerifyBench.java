package org.waterchain.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.waterchain.ledger.crypto.Ed25519;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.crypto.SigningDomain;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.record.RecordEntry;

/**
 * The ceiling: raw BouncyCastle Ed25519 verifications per second (no key cache) of real record signatures (domain-separated
 * record bodies of the demo stations), on every core and on one. Ingest and audit each verify one signature per
 * entry, so their rates are best read as a fraction of this.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 3, time = 5)
public class Ed25519VerifyBench {
    private static final int N = 1024;
    byte[][] keys = new byte[N][];
    byte[][] messages = new byte[N][];
    byte[][] signatures = new byte[N][];

    @Setup(Level.Trial)
    public void sign() {
        KeyPair validator = KeyPair.generate();
        DemoAlliance.Genesis g = DemoAlliance.create(validator, List.of(), BenchLedgers.YEAR_START);
        List<byte[]> raws = BenchLedgers.signNext(BenchLedgers.devices(g), N, BenchLedgers.YEAR_START);
        for (int i = 0; i < N; i++) {
            RecordEntry e = RecordEntry.decode(raws.get(i));
            keys[i] = e.signed().signerKey();
            messages[i] = SigningDomain.RECORD.message(e.signed().body());
            signatures[i] = e.signed().signature();
            if (!Ed25519.verify(keys[i], messages[i], signatures[i])) {
                throw new IllegalStateException("benchmark signature does not verify");
            }
        }
    }

    /** Per-thread position in the signature table. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    @Threads(Threads.MAX)
    public boolean verifyAllCores(Cursor c) {
        int i = c.next++ & (N - 1);
        return Ed25519.verifyUncached(keys[i], messages[i], signatures[i]);
    }

    /** What the node's verification does: decoded public points of recent signers are reused. */
    @Benchmark
    @Threads(Threads.MAX)
    public boolean verifyCachedKeysAllCores(Cursor c) {
        int i = c.next++ & (N - 1);
        return Ed25519.verify(keys[i], messages[i], signatures[i]);
    }

    @Benchmark
    @Threads(1)
    public boolean verifyOneCore(Cursor c) {
        int i = c.next++ & (N - 1);
        return Ed25519.verifyUncached(keys[i], messages[i], signatures[i]);
    }
}
