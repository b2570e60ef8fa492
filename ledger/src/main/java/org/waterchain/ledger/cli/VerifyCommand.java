package org.waterchain.ledger.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.waterchain.ledger.audit.AuditReport;
import org.waterchain.ledger.audit.Auditor;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.NodeException;
import org.waterchain.ledger.validation.BlockPreparer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Full audit: re-verify every hash, Merkle root, signature and validity verdict by replaying both"
                + " chains, and compare every derived table. Exit 0 when clean, 3 when anything was altered"
                + " (each finding names the chain and height).")
final class VerifyCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--data", description = "a node's data directory (the node may be stopped)")
        Path data;

        @Option(names = "--bundle", description = "an audit bundle written by export")
        Path bundle;
    }

    @Override
    public Integer call() {
        Auditor auditor = new Auditor(BlockPreparer.onAllCores());
        AuditReport report;
        if (source.bundle != null) {
            if (!java.nio.file.Files.isRegularFile(source.bundle)) {
                throw new NodeException("audit bundle " + source.bundle + " does not exist");
            }
            report = auditor.auditBundle(source.bundle, (d, t) -> { }, () -> false);
        } else {
            DataDirectory dir = DataDirectory.open(source.data);
            report = auditor.auditDatabase(dir.existingDatabase(), (d, t) -> { }, () -> false);
        }
        System.out.print(report.summary());
        return report.clean() ? 0 : NodeCli.EXIT_ALTERED;
    }
}
