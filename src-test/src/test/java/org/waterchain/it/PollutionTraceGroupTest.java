package org.waterchain.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.consensus.RatisOrdering.Member;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.GenesisFile;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.NodeConfig;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.trace.PollutionTraceService;
import org.waterchain.ledger.trace.TraceOutcome;
import org.waterchain.ledger.trace.TracePlan;
import org.waterchain.ledger.trace.TraceResult;
import org.waterchain.ledger.trace.Traces;
import org.waterchain.ledger.value.ValueEntry;

/**
 * Pollution tracing in a three-member Ratis group: only the member whose key holds the POLLUTION:* licence runs the
 * trigger; every replica checks its transfers against its own copy of the data chain and ends with the same
 * pathways, the same trace index and the same coins; and any replica plans the same transfers from its own ledger.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PollutionTraceGroupTest {
    private static final long HOUR = 3_600_000L;
    /** 2024-01-01T05:00:00Z. */
    private static final long T = 1_704_085_200_000L;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Map<String, Double> CU = Map.of("M02", 0.358, "R10", 0.595, "R12", 0.482, "R07", 0.429,
            "R06", 0.299, "R04", 0.271);

    @TempDir
    Path tmp;

    @Test
    void theLicensedMemberTracesAndEveryReplicaAgrees() throws Exception {
        KeyPair[] keys = {KeyPair.generate(), KeyPair.generate(), KeyPair.generate()};
        DemoAlliance.Genesis g = DemoAlliance.create(keys[0], List.of(keys[1], keys[2]), T - 24 * HOUR);
        int[] ports = LedgerFiles.freePorts(3);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(new Member("n" + (i + 1), "127.0.0.1:" + ports[i]));
        }
        Path[] dirs = new Path[3];
        for (int i = 0; i < 3; i++) {
            dirs[i] = tmp.resolve("n" + (i + 1));
            DataDirectory.create(dirs[i], new NodeConfig("n" + (i + 1), members, GenesisFile.allianceId(g.blocks())), keys[i],
                    g.blocks());
        }
        ExecutorService starter = Executors.newFixedThreadPool(3);
        List<Future<LedgerNode>> starting = new ArrayList<>();
        for (Path d : dirs) {
            starting.add(starter.submit(() -> LedgerNode.start(DataDirectory.open(d))));
        }
        LedgerNode[] nodes = new LedgerNode[3];
        List<PollutionTraceService> services = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                nodes[i] = starting.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            CompletableFuture<TraceOutcome> heard = new CompletableFuture<>();
            for (int i = 0; i < 3; i++) {
                Optional<PollutionTraceService> s = PollutionTraceService.startIfLicensed(nodes[i], keys[i], heard::complete);
                assertEquals(i == 0, s.isPresent(), "only n1's key holds the POLLUTION:* licence");
                s.ifPresent(services::add);
            }

            // the stations report through n2; the hour after T closes T
            List<CompletableFuture<Receipt>> fs = new ArrayList<>();
            long seq = 0;
            for (long hour : new long[] {T, T + HOUR}) {
                seq++;
                for (DemoAlliance.DemoStation s : DemoAlliance.STATIONS) {
                    double cu = hour == T ? CU.getOrDefault(s.id(), 0.05) : 0.05;
                    SensorRecord r = new SensorRecord(s.id() + "-A", seq, hour + 600_000, 0, List.of(new Reading(Quantity.CU, cu)));
                    fs.add(nodes[1].submit(new RecordEntry(r.sign(g.deviceKeys().get(s.id() + "-A")), hour + 601_000)));
                }
            }
            for (CompletableFuture<Receipt> f : fs) {
                Receipt r = f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertTrue(r.valid(), r.reason());
            }
            TraceOutcome outcome = heard.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(outcome.succeeded(), () -> outcome.failure() + " " + outcome.receipts());
            assertEquals(7, outcome.receipts().size());
            long last = outcome.receipts().stream().mapToLong(Receipt::height).max().orElseThrow();

            TracePlan replanned = PollutionTraceService.planFrom(nodes[2].queries(), Quantity.CU, T);
            List<ValueEntry> mine = replanned.signed(keys[0]);
            for (int i = 0; i < mine.size(); i++) {
                byte[] stored = nodes[0].queries().entryAt(ChainId.VALUE, outcome.receipts().get(i).height(),
                        outcome.receipts().get(i).index()).orElseThrow().raw();
                assertArrayEquals(stored, mine.get(i).encode(), "n3 plans transfer " + i + " to the byte");
            }

            TraceResult reference = null;
            for (LedgerNode n : nodes) {
                awaitValueHeight(n, last);
                TraceResult r = new Traces(n.queries()).extract(Quantity.CU, T);
                assertEquals(List.of("R04", "R06", "R07", "R10", "R12", "M02"), r.pathways().get(0).stations());
                if (reference == null) {
                    reference = r;
                } else {
                    assertEquals(reference, r, "pathways on " + n.directory().config().nodeId());
                }
            }
        } finally {
            services.forEach(PollutionTraceService::close);
            for (LedgerNode n : nodes) {
                if (n != null) {
                    n.close();
                }
            }
            starter.shutdownNow();
        }
        Map<String, List<String>> n1 = LedgerFiles.dump(dirs[0].resolve("ledger.db"));
        assertEquals(7, n1.get("pollution_steps").size());
        for (int i = 1; i < 3; i++) {
            Map<String, List<String>> other = LedgerFiles.dump(dirs[i].resolve("ledger.db"));
            for (String table : List.of("pollution_steps", "outputs", "address_history")) {
                assertEquals(n1.get(table), other.get(table), table + " on n" + (i + 1));
            }
        }
    }

    /** Waits until the replica has applied the value chain up to {@code height} (it may lag the leader). */
    private static void awaitValueHeight(LedgerNode n, long height) throws Exception {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        Runnable unsubscribe = n.subscribe(a -> {
            if (a.header().chain() == ChainId.VALUE && a.header().height() >= height) {
                reached.complete(null);
            }
        });
        try {
            if (n.tip(ChainId.VALUE).height() < height) {
                reached.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            unsubscribe.run();
        }
    }
}
