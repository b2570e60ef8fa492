package org.waterchain.ledger.cli;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.Receipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "load-demo", mixinStandardHelpOptions = true,
        description = "Submit N signed synthetic hourly records from the registered demo devices through the real"
                + " ordering path, wait until all are committed, and report the rate.")
final class LoadDemoCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "the node's data directory (initialised by init)")
    Path data;

    @Option(names = "--records", required = true, description = "number of records to submit")
    int records;

    @Option(names = "--acks", description = "append the id of every acknowledged (committed) record to this file")
    Path acks;

    @Override
    public Integer call() throws Exception {
        if (records < 0) {
            throw new IllegalArgumentException("--records must not be negative");
        }
        try (LedgerNode node = LedgerNode.start(DataDirectory.open(data));
             DemoLoad load = new DemoLoad(node);
             BufferedWriter ackOut = acks == null ? null : Files.newBufferedWriter(acks,
                     java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            long t0 = System.nanoTime();
            int batch = 2000;
            long valid = 0;
            for (int done = 0; done < records; done += batch) {
                List<CompletableFuture<Receipt>> fs = load.next(Math.min(batch, records - done));
                CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).join();
                for (CompletableFuture<Receipt> f : fs) {
                    Receipt r = f.join();
                    if (r.valid()) {
                        valid++;
                    } else {
                        System.err.println("invalid: " + r.reason());
                    }
                    if (ackOut != null) {
                        ackOut.write(r.entryIdHex());
                        ackOut.newLine();
                    }
                }
                if (ackOut != null) {
                    ackOut.flush();
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("committed %d records (%d valid) in %.2f s: %.0f records/s%n", records, valid, s, records / s);
            return valid == records ? 0 : 1;
        }
    }
}
