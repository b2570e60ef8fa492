package org.waterchain.devices.replay;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.waterchain.devices.ingest.RecordIngest;
import org.waterchain.devices.ingest.SigningSink;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.node.Receipt;

/**
 * A recorded series imported into the ledger as fast as the node takes it, signed by the gateway, a day of
 * recorded time at a time so progress can be shown and a cancel is heard between steps. Returns once what was
 * submitted is committed.
 */
public final class LedgerImport {
    private static final long DAY_MS = 86_400_000L;

    private LedgerImport() {}

    public static ReplayReport run(Path file, ColumnMapping mapping, ReplayOptions options, RecordIngest ingest, KeyPair gateway,
            String source, BooleanSupplier cancelled, Consumer<ReplayReport> progress) throws Exception {
        SigningSink sink = SigningSink.gateway(ingest, source, gateway);
        AtomicReference<CompletableFuture<Receipt>> last = new AtomicReference<>();
        ReplayReport report;
        try (CsvReplay replay = CsvReplay.open(file, mapping, options, sample -> {
            if (sink.offer(sample) instanceof RecordIngest.Outcome.Submitted sub) {
                last.set(sub.receipt());
            }
        })) {
            while (!replay.finished() && !cancelled.getAsBoolean()) {
                replay.advanceTo(replay.currentTimeMs() + DAY_MS);
                progress.accept(replay.report());
            }
            report = replay.report();
        }
        if (last.get() != null) {
            // blocks commit in order: once the last receipt is in, everything before it is committed too
            last.get().get(5, TimeUnit.MINUTES);
        }
        return report;
    }
}
