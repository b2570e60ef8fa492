package org.waterchain.devices.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.waterchain.ledger.cli.NodeCli;
import org.waterchain.ledger.node.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", description = "The demo without hardware: a demo-alliance node (made in ~/.waterchain/demo on first use) fed by"
        + " the simulated stations of the Taoyuan-like district, signed by their registered device keys, an hour every 5 s, with"
        + " pollution events now and then. Ctrl-C stops; the next start continues the same chains.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data", description = "data directory (default: ~/.waterchain/demo)")
    Path data;

    @Option(names = "--speed", defaultValue = "720", description = "simulated seconds per wall second (default: ${DEFAULT-VALUE})")
    double speed;

    @Override
    public Integer call() throws Exception {
        Path dir = data != null ? data : Path.of(System.getProperty("user.home"), ".waterchain", "demo");
        if (!DataDirectory.isInitialized(dir)) {
            Files.createDirectories(dir);
            int exit = NodeCli.run("init", "--data", dir.toString());
            if (exit != 0) {
                return exit;
            }
            System.out.println("created the demo alliance in " + dir);
        }
        SimulateCommand simulate = new SimulateCommand();
        simulate.data = dir;
        simulate.speed = speed;
        simulate.seed = System.currentTimeMillis();
        simulate.statsEvery = 5;
        // one event the user sees soon, besides the simulator's own background events
        simulate.events.add("F-PCB-01:CU:1.5:20m:2h");
        System.out.println("inspect the ledger meanwhile: java -jar ledger/target/waterchain-node.jar query --data " + dir + " --station M02");
        return simulate.call();
    }
}
