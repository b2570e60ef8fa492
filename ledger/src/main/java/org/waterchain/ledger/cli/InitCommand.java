package org.waterchain.ledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.NodeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a new node: its key, and the genesis of a demo alliance (Taoyuan-like district) in which"
                + " it is the regulator and sole validator.")
final class InitCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "data directory to create")
    Path data;

    @Option(names = "--node-id", defaultValue = "n1", description = "this node's id in the Raft group (default: ${DEFAULT-VALUE})")
    String nodeId;

    @Option(names = "--port", defaultValue = "0", description = "Raft gRPC port on 127.0.0.1 (0: pick a free one now)")
    int port;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(data);
        init(data, nodeId, port);
        DataDirectory dir = DataDirectory.open(data);
        System.out.println("initialised node " + nodeId + " in " + data.toAbsolutePath());
        System.out.println("  alliance " + dir.config().allianceId());
        System.out.println("  node address " + dir.nodeKey().address());
        System.out.println("  raft " + dir.config().members().get(0).address());
        return 0;
    }

    static void init(Path data, String nodeId, int port) throws Exception {
        KeyPair key = KeyPair.generate();
        DemoAlliance.Genesis g = DemoAlliance.create(key, List.of(), System.currentTimeMillis());
        int p = port == 0 ? NodeCli.freePort() : port;
        NodeConfig cfg = NodeConfig.singleMember(nodeId, p, g.blocks());
        DataDirectory.create(data, cfg, key, g.blocks());
        DemoAlliance.writeKeys(data.resolve("keys").resolve("demo-keys.json"), g);
    }
}
