package org.waterchain.devices.cli;

import org.waterchain.ledger.cli.NodeCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Sensors to ledger from a terminal: {@code java -jar waterchain-devices.jar <command>}. */
@Command(name = "waterchain-devices", mixinStandardHelpOptions = true, version = "WaterChain devices 0.1.0",
        description = "Connects sensors to a WaterChain node: the project's sensor node over serial/USB, Modbus RTU"
                + " transmitters, a simulated station network and replays of recorded CSV series.",
        subcommands = {PortsCommand.class, ListenCommand.class, EnrollCommand.class, RetireCommand.class,
                SimulateCommand.class, ReplayCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class})
public final class DevicesCli {
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new DevicesCli());
        NodeCli.handleErrors(cl, t -> NodeCli.isUserError(t) || t instanceof UserError
                || t instanceof org.waterchain.devices.replay.ReplayException
                || t instanceof org.waterchain.devices.modbus.ConfigException || t instanceof java.io.IOException);
        return cl.execute(args);
    }

    /** A mistake the user can fix from the message alone. */
    static final class UserError extends RuntimeException {
        UserError(String message) {
            super(message);
        }
    }
}
