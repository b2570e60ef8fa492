package org.waterchain.devices.replay;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.waterchain.devices.ingest.RecordIngest;
import org.waterchain.devices.ingest.SigningSink;
import org.waterchain.ledger.crypto.KeyPair;

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
        ReplayReport report;
        try (CsvReplay replay = CsvReplay.open(file, mapping, options, sink)) {
            while (!replay.finished() && !cancelled.getAsBoolean()) {
                replay.advanceTo(replay.currentTimeMs() + DAY_MS);
                progress.accept(replay.report());
            }
            report = replay.report();
        }
        sink.awaitCommitted(5, TimeUnit.MINUTES);
        return report;
    }
}
