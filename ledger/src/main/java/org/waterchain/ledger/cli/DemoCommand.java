package org.waterchain.ledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.LedgerNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a demo node: initialise ~/.waterchain/demo on first use, then serve while the demo stations"
                + " sign hourly records, one demo hour per --interval, until stopped.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data", description = "data directory (default: ~/.waterchain/demo)")
    Path data;

    @Option(names = "--interval-ms", defaultValue = "1000", description = "wall time per demo hour (default: ${DEFAULT-VALUE})")
    long intervalMs;

    @Override
    public Integer call() throws Exception {
        Path dir = data != null ? data : NodeCli.defaultDemoDir();
        if (!DataDirectory.isInitialized(dir)) {
            Files.createDirectories(dir);
            InitCommand.init(dir, "n1", 0);
            System.out.println("created the demo alliance in " + dir);
        }
        try (LedgerNode node = LedgerNode.start(DataDirectory.open(dir));
             DemoLoad load = DemoLoad.start(node, intervalMs)) {
            System.out.printf("demo: %d stations each sign one record per demo hour (every %d ms); Ctrl-C stops,"
                    + " the next start continues the same chains%n", load.deviceCount(), intervalMs);
            System.out.printf("      inspect it meanwhile: java -jar ledger/target/waterchain-node.jar query --data %s --station R04%n", dir);
            RunCommand.serve(node);
        }
        return 0;
    }
}
