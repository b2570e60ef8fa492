package org.waterchain.it.devices;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.waterchain.devices.ingest.RecordIngest;
import org.waterchain.devices.ingest.SystemAlarm;
import org.waterchain.it.LedgerFiles;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.NodeConfig;

/** A real single-member demo alliance node with the ingest in front of it, as the app wires them. */
final class DemoNode implements AutoCloseable {
    final KeyPair regulator = KeyPair.generate();
    final DemoAlliance.Genesis genesis;
    final LedgerNode node;
    final RecordIngest ingest;
    final List<SystemAlarm> alarms = new CopyOnWriteArrayList<>();

    DemoNode(Path dir) throws java.io.IOException {
        genesis = DemoAlliance.create(regulator, List.of(), System.currentTimeMillis());
        DataDirectory.create(dir, NodeConfig.singleMember("n1", LedgerFiles.freePort(), genesis.blocks()), regulator, genesis.blocks());
        node = LedgerNode.start(DataDirectory.open(dir));
        // no hold-off: every occurrence raises its own alarm, so tests can count them
        ingest = new RecordIngest(node, System::currentTimeMillis, alarms::add, 0, 1_000);
    }

    List<SystemAlarm> alarms(SystemAlarm.Kind kind) {
        return alarms.stream().filter(a -> a.kind() == kind).toList();
    }

    @Override
    public void close() {
        ingest.close();
        node.close();
    }
}
