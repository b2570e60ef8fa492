package org.waterchain.ledger.cli;

import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.waterchain.ledger.node.NodeException;
import org.waterchain.ledger.store.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless ledger node for regulators' servers: {@code java -jar waterchain-node.jar <command>}. */
@Command(name = "waterchain-node", mixinStandardHelpOptions = true, version = "WaterChain node 0.1.0",
        description = "Headless WaterChain ledger node: two chains (sensor records; transactions and registry)"
                + " ordered by Apache Ratis, stored in SQLite, auditable end to end.",
        subcommands = {InitCommand.class, RunCommand.class, DemoCommand.class, LoadDemoCommand.class,
                VerifyCommand.class, QueryCommand.class, ProveCommand.class, ExportCommand.class, TraceCommand.class,
                CommandLine.HelpCommand.class})
public final class NodeCli {
    /** Exit code when the audit finds the ledger altered. */
    public static final int EXIT_ALTERED = 3;
    /** Exit code for a user error: bad directory, bad argument. */
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        // gRPC logs through java.util.logging; keep its INFO lines off the operator's console.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new NodeCli());
        handleErrors(cl, NodeCli::isUserError);
        return cl.execute(args);
    }

    /**
     * The project's CLIs answer a user error with its message and {@link #EXIT_USAGE}, anything else with its
     * trace and 1 (a bug). {@code userError} says which is which.
     */
    public static void handleErrors(CommandLine cl, java.util.function.Predicate<Throwable> userError) {
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable t = ex;
            while (t.getCause() != null && !userError.test(t)) {
                t = t.getCause();
            }
            PrintWriter err = cmd.getErr();
            if (userError.test(t)) {
                err.println("error: " + t.getMessage());
                return EXIT_USAGE;
            }
            err.println("error: " + ex);
            ex.printStackTrace(err);
            return 1;
        });
    }

    /** Errors whose message is the whole story for the user; anything else is a bug and shows its trace. */
    public static boolean isUserError(Throwable t) {
        return t instanceof NodeException || t instanceof StorageException || t instanceof IllegalArgumentException;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new NodeException("no free TCP port for the Raft server: " + e.getMessage(), e);
        }
    }

    static List<String> peerList(String spec) {
        return spec == null || spec.isBlank() ? List.of() : List.of(spec.split(","));
    }

    static Path defaultDemoDir() {
        return Path.of(System.getProperty("user.home"), ".waterchain", "demo");
    }
}
