package org.waterchain.ledger.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.trace.Pathway;
import org.waterchain.ledger.trace.PollutionContract;
import org.waterchain.ledger.trace.TraceResult;
import org.waterchain.ledger.trace.TracedEvent;
import org.waterchain.ledger.trace.Traces;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Print traced pollution events (--list), or the pathways of one (--quantity and --at), read back from"
                + " the pollution-coin transactions on the value chain. Read-only: works beside a running node.")
final class TraceCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "the node's data directory")
    java.nio.file.Path data;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--list", required = true, description = "list traced events")
        boolean list;

        @ArgGroup(exclusive = false)
        One one;
    }

    static final class One {
        @Option(names = "--quantity", required = true, description = "quantity symbol, e.g. CU")
        String quantity;

        @Option(names = "--at", required = true,
                description = "a time in the traced hour: ISO-8601 like 2026-01-01T05:00:00Z, or epoch ms")
        String at;
    }

    @Option(names = "--from", description = "with --list: time points from (inclusive), ISO-8601 or epoch ms")
    String from;

    @Option(names = "--to", description = "with --list: time points to (exclusive), ISO-8601 or epoch ms")
    String to;

    @Override
    public Integer call() {
        DataDirectory dir = DataDirectory.open(data);
        try (LedgerQueries q = new LedgerQueries(dir.existingDatabase())) {
            Traces traces = new Traces(q);
            if (what.list) {
                List<TracedEvent> events = traces.tracedEvents(QueryCommand.parseTime(from, Long.MIN_VALUE, "--from"),
                        QueryCommand.parseTime(to, Long.MAX_VALUE, "--to"));
                if (events.isEmpty()) {
                    System.out.println("no traced pollution events");
                }
                for (TracedEvent e : events) {
                    System.out.printf("%s %-5s sources %s, %d stations, %d transactions%s%n", Instant.ofEpochMilli(e.timePointMs()),
                            e.quantity(), String.join(" ", e.sources()), e.stations(), e.transactionCount(),
                            e.complete() ? "" : " (under way: coins not yet collected)");
                }
                return 0;
            }
            Quantity quantity = Quantity.bySymbol(what.one.quantity).orElseThrow(() -> new IllegalArgumentException(
                    "--quantity '" + what.one.quantity + "' is not a known quantity symbol"));
            long t = PollutionContract.timePointOf(QueryCommand.parseTime(what.one.at, 0, "--at"));
            print(traces.extract(quantity, t));
            return 0;
        }
    }

    private static void print(TraceResult r) {
        String when = Instant.ofEpochMilli(r.timePointMs()).toString();
        if (!r.traced()) {
            System.out.println(r.quantity() + " at " + when + " has not been traced: no coins at its collection address "
                    + r.collection());
            return;
        }
        System.out.printf("%s at %s: %d pathway%s, %d transactions, collection address %s%n", r.quantity(), when,
                r.pathways().size(), r.pathways().size() == 1 ? "" : "s", r.transactionCount(), r.collection());
        int i = 1;
        for (Pathway p : r.pathways()) {
            System.out.printf("pathway %d: source%s %s%n", i++, p.sources().size() == 1 ? "" : "s", String.join(", ", p.sources()));
            System.out.println("  with the flow: " + p.stations().stream()
                    .map(s -> s + " (" + p.observed().get(s) + ")").collect(Collectors.joining(" -> ")));
            if (!p.edges().isEmpty()) {
                System.out.println("  coins passed: "
                        + p.edges().stream().map(Pathway.Edge::toString).collect(Collectors.joining(", ")));
            }
            System.out.println("  minted at: " + String.join(", ", p.mints()));
        }
    }
}
