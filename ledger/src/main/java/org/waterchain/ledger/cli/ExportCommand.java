package org.waterchain.ledger.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.waterchain.ledger.audit.AuditBundle;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.store.LedgerQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a portable audit bundle of both chains; check it anywhere with: verify --bundle FILE")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "the node's data directory")
    Path data;

    @Option(names = "--out", required = true, description = "bundle file to write")
    Path out;

    @Override
    public Integer call() {
        DataDirectory dir = DataDirectory.open(data);
        // one snapshot, so the tips written at the end match the blocks even while the node appends
        try (LedgerQueries q = LedgerQueries.snapshot(dir.existingDatabase(), java.util.Map.of())) {
            long n = AuditBundle.export(q, out);
            System.out.println("wrote " + n + " blocks to " + out);
        }
        return 0;
    }
}
