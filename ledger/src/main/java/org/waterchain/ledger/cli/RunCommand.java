package org.waterchain.ledger.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.trace.PollutionTraceService;
import org.waterchain.ledger.trace.TraceOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Serve the node until stopped (Ctrl-C or SIGTERM).")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "the node's data directory")
    Path data;

    @Override
    public Integer call() throws Exception {
        try (LedgerNode node = LedgerNode.start(DataDirectory.open(data))) {
            serve(node);
        }
        return 0;
    }

    static void serve(LedgerNode node) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "shutdown"));
        node.subscribe(b -> System.out.printf("%s block #%d %s... %d entries (%d invalid)%n", b.header().chain().label(),
                b.header().height(), Hex.of(b.hash()).substring(0, 12), b.results().size(), b.invalidCount()));
        System.out.printf("node %s serving %s: data chain at #%d, value chain at #%d%n", node.directory().config().nodeId(),
                node.directory().root(), node.tip(ChainId.DATA).height(), node.tip(ChainId.VALUE).height());
        // a node licensed for pollution coins traces exceedances itself; every replica checks what it submits
        Optional<PollutionTraceService> tracing = PollutionTraceService.startIfLicensed(node, node.directory().nodeKey(),
                RunCommand::report);
        tracing.ifPresent(t -> System.out.println("this node's key is licensed for pollution coins: it traces exceedances"));
        try {
            stop.await();
        } finally {
            tracing.ifPresent(PollutionTraceService::close);
        }
        System.out.println("stopping");
    }

    private static void report(TraceOutcome o) {
        String when = java.time.Instant.ofEpochMilli(o.timePointMs()).toString();
        if (o.succeeded()) {
            System.out.printf("traced %s at %s: %d transfers%n", o.quantity(), when, o.receipts().size());
        } else {
            System.out.printf("trace of %s at %s did not complete: %s%n", o.quantity(), when, o.reason());
        }
    }
}
