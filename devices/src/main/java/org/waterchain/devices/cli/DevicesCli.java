package org.waterchain.devices.cli;

import java.io.PrintWriter;
import org.waterchain.ledger.node.NodeException;
import org.waterchain.ledger.store.StorageException;
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
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable t = ex;
            while (t.getCause() != null && !isUserError(t)) {
                t = t.getCause();
            }
            PrintWriter err = cmd.getErr();
            if (isUserError(t)) {
                err.println("error: " + t.getMessage());
                return EXIT_USAGE;
            }
            err.println("error: " + ex);
            ex.printStackTrace(err);
            return 1;
        });
        return cl.execute(args);
    }

    private static boolean isUserError(Throwable t) {
        return t instanceof NodeException || t instanceof StorageException || t instanceof IllegalArgumentException
                || t instanceof UserError || t instanceof org.waterchain.devices.replay.ReplayException
                || t instanceof org.waterchain.devices.modbus.ConfigException || t instanceof java.io.IOException;
    }

    /** A mistake the user can fix from the message alone. */
    static final class UserError extends RuntimeException {
        UserError(String message) {
            super(message);
        }
    }
}
