package org.waterchain.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.record.RecordEntry;

/**
 * End-to-end ingest into a single-member node: submit signed records, the block producer cuts and signs blocks,
 * Ratis orders them (gRPC server on 127.0.0.1, log on disk), the state machine verifies every signature, applies
 * the rules and writes one SQLite transaction per block; a record counts when its receipt arrives. The records
 * are signed before each invocation (that is the devices' work) and that time is not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 5, time = 8)
public class IngestBench {
    static final int BATCH = 10_000;

    Path root;
    LedgerNode node;
    List<BenchLedgers.Device> devices;
    List<byte[]> next;

    @Setup(Level.Trial)
    public void startNode() throws Exception {
        root = Files.createTempDirectory("wc-bench-ingest");
        KeyPair key = KeyPair.generate();
        DemoAlliance.Genesis g = DemoAlliance.create(key, List.of(), System.currentTimeMillis());
        devices = BenchLedgers.devices(g);
        node = LedgerNode.start(BenchLedgers.newNodeDirectory(root.resolve("node"), g, key));
    }

    @Setup(Level.Invocation)
    public void signBatch() {
        next = BenchLedgers.signNext(devices, BATCH, BenchLedgers.YEAR_START);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long ingest() throws Exception {
        List<CompletableFuture<Receipt>> receipts = new ArrayList<>(BATCH);
        for (byte[] raw : next) {
            receipts.add(node.submit(RecordEntry.decode(raw)));
        }
        long valid = 0;
        for (CompletableFuture<Receipt> f : receipts) {
            if (f.get(120, TimeUnit.SECONDS).valid()) {
                valid++;
            }
        }
        if (valid != BATCH) {
            throw new IllegalStateException((BATCH - valid) + " records were refused");
        }
        return valid;
    }

    @TearDown(Level.Trial)
    public void stopNode() {
        System.out.printf("# ingest node: data chain at #%d%n", node.tip(ChainId.DATA).height());
        node.close();
        BenchLedgers.deleteTree(root);
    }
}
