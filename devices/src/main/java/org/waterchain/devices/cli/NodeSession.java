package org.waterchain.devices.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import org.waterchain.devices.ingest.RecordIngest;
import org.waterchain.devices.ingest.SystemAlarm;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.LedgerNode;

/** A node opened from its data directory with the ingest in front of it; system alarms go to stderr. */
final class NodeSession implements AutoCloseable {
    final DataDirectory dir;
    final LedgerNode node;
    final RecordIngest ingest;

    NodeSession(Path data, PrintStream alarms) {
        if (!DataDirectory.isInitialized(data)) {
            throw new DevicesCli.UserError(data + " is not a node data directory: create one with"
                    + " `java -jar ledger/target/waterchain-node.jar init --data " + data + "` (or `demo`)");
        }
        dir = DataDirectory.open(data);
        node = LedgerNode.start(dir);
        ingest = new RecordIngest(node, System::currentTimeMillis, a -> alarms.println(format(a)));
    }

    static String format(SystemAlarm a) {
        return String.format("%s ALARM %s on %s%s: %s%s", Instant.ofEpochMilli(a.timeMs()), a.kind(), a.source(),
                a.deviceId() == null ? "" : " (device " + a.deviceId() + ")", a.detail(),
                a.occurrences() > 1 ? " [x" + a.occurrences() + "]" : "");
    }

    @Override
    public void close() {
        ingest.close();
        node.close();
    }
}
