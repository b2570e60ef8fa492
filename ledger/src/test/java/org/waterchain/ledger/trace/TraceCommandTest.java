package org.waterchain.ledger.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.ledger.trace.TraceFixture.T;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.cli.NodeCli;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.demo.DemoAlliance.Genesis;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.testkit.TestLedger;

/** {@code waterchain-node trace}: traced events and pathways printed from a node's data directory. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TraceCommandTest {
    @TempDir
    static Path tmp;
    static Path dir;

    @BeforeAll
    static void traceOnce() throws Exception {
        KeyPair regulator = KeyPair.generate();
        Genesis g = DemoAlliance.create(regulator, List.of(), TestLedger.T0);
        dir = tmp.resolve("node");
        try (LedgerNode node = TraceFixture.startNode(dir, regulator, g);
             PollutionTraceService service = PollutionTraceService.start(node, regulator, null)) {
            List<String> stations = DemoAlliance.STATIONS.stream().map(DemoAlliance.DemoStation::id).toList();
            for (RecordEntry e : new TraceFixture.Records(g).hour(stations, T + 60_000, TraceFixture.TAOYUAN_CU)) {
                node.submit(e).get(60, TimeUnit.SECONDS);
            }
            for (Receipt r : service.trace(Quantity.CU, T).get(60, TimeUnit.SECONDS)) {
                assertTrue(r.valid(), r.reason());
            }
        }
    }

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, NodeCli.run(args), () -> "exit code; output:\n" + out);
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsTracedEvents() {
        assertEquals("2024-01-01T05:00:00Z CU    sources R04, 6 stations, 7 transactions\n",
                run("trace", "--data", dir.toString(), "--list"));
        assertEquals("no traced pollution events\n", run("trace", "--data", dir.toString(), "--list", "--from", "2024-01-02T00:00:00Z"));
    }

    @Test
    void printsThePathwaysOfATracedHour() {
        String out = run("trace", "--data", dir.toString(), "--quantity", "cu", "--at", "2024-01-01T05:42:00Z");
        assertEquals("""
                CU at 2024-01-01T05:00:00Z: 1 pathway, 7 transactions, collection address %s
                pathway 1: source R04
                  with the flow: R04 (0.271) -> R06 (0.299) -> R07 (0.429) -> R10 (0.595) -> R12 (0.482) -> M02 (0.358)
                  coins passed: M02 -> R10, M02 -> R12, R06 -> R04, R07 -> R06, R10 -> R07, R12 -> R07
                  minted at: M02
                """.formatted(PollutionAddresses.collection(Quantity.CU, T)), out);
        assertTrue(run("trace", "--data", dir.toString(), "--quantity", "CU", "--at", "2024-01-01T06:00:00Z")
                .startsWith("CU at 2024-01-01T06:00:00Z has not been traced"));
    }
}
