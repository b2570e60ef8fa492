package org.waterchain.devices.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.waterchain.devices.enroll.DeviceEnrollment;
import org.waterchain.ledger.node.Receipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "retire", description = "Retire a device: its key may sign no more records.")
final class RetireCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "the node's data directory")
    Path data;

    @Option(names = "--device", required = true, description = "device id")
    String device;

    @Override
    public Integer call() throws Exception {
        try (NodeSession s = new NodeSession(data, System.err)) {
            Receipt r = new DeviceEnrollment(s.node, s.dir.nodeKey(), s.ingest).retire(device).get(30, TimeUnit.SECONDS);
            if (!r.valid()) {
                System.err.println("refused by the ledger: " + r.reason());
                return 1;
            }
            System.out.printf("retired %s: value chain block %d%n", device, r.height());
            return 0;
        }
    }
}
