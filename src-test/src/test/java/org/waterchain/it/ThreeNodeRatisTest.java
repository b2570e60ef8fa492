package org.waterchain.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.audit.AuditReport;
import org.waterchain.ledger.audit.Auditor;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.consensus.RatisOrdering.Member;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.demo.DemoReadings;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.GenesisFile;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.NodeConfig;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.record.SignedRecord;
import org.waterchain.ledger.registry.StationKind;
import org.waterchain.ledger.store.Tip;
import org.waterchain.ledger.validation.BlockPreparer;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.OutPoint;
import org.waterchain.ledger.value.Output;
import org.waterchain.ledger.value.Transfer;
import org.waterchain.ledger.value.ValueEntry;

/**
 * Three replicas in one Ratis group over gRPC on 127.0.0.1, each with its own data directory and SQLite file:
 * a mixed load (records and transactions, some of them invalid) submitted through one member must leave three
 * identical databases, each passing the full audit.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ThreeNodeRatisTest {
    private static final long HOUR = 3_600_000L;
    private static final int RECORDS = 5000;
    private static final int EXTRA_RECORDS = 2000;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    @Test
    void threeReplicasEndWithIdenticalAuditedDatabases() throws Exception {
        KeyPair[] keys = {KeyPair.generate(), KeyPair.generate(), KeyPair.generate()};
        DemoAlliance.Genesis g = DemoAlliance.create(keys[0], List.of(keys[1], keys[2]), System.currentTimeMillis());
        int[] ports = LedgerFiles.freePorts(3);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(new Member("n" + (i + 1), "127.0.0.1:" + ports[i]));
        }
        String alliance = GenesisFile.allianceId(g.blocks());
        Path[] dirs = new Path[3];
        for (int i = 0; i < 3; i++) {
            dirs[i] = tmp.resolve("n" + (i + 1));
            DataDirectory.create(dirs[i], new NodeConfig("n" + (i + 1), members, alliance), keys[i], g.blocks());
            DemoAlliance.writeKeys(dirs[i].resolve("keys/demo-keys.json"), g);
        }

        // start blocks until a leader is elected, which needs two of the three: start them together
        long t0 = System.nanoTime();
        ExecutorService starter = Executors.newFixedThreadPool(3);
        List<Future<LedgerNode>> starting = new ArrayList<>();
        for (Path d : dirs) {
            starting.add(starter.submit(() -> LedgerNode.start(DataDirectory.open(d))));
        }
        LedgerNode[] nodes = new LedgerNode[3];
        try {
            for (int i = 0; i < 3; i++) {
                nodes[i] = starting.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            starter.shutdown();
            System.out.printf("3 nodes up in %d ms; leader: %s%n", (System.nanoTime() - t0) / 1_000_000,
                    Arrays.stream(nodes).filter(LedgerNode::isLeader).map(n -> n.directory().config().nodeId()).toList());
            runLoad(nodes, g, keys);
            awaitEqualTips(nodes);
            // ALICE: mints 0, 3, 6, 9; paid 300 to BOB twice, received 300 from CAROL twice. BOB: mints 1, 4, 7, 10,
            // +300 twice, -300 twice, -300 onward to CAROL. CAROL: mints 2, 5, 8, 11, +300 twice, -300 twice, +300 onward.
            // (Read once all replicas have applied everything: a receipt obtained through a follower comes from the
            // leader's state machine, and the follower's own replica may still be applying that block.)
            for (LedgerNode n : nodes) {
                String id = n.directory().config().nodeId();
                assertEquals(Map.of(Asset.DROP, 4018L), n.queries().balances(ALICE.address()), "ALICE on " + id);
                assertEquals(Map.of(Asset.DROP, 3722L), n.queries().balances(BOB.address()), "BOB on " + id);
                assertEquals(Map.of(Asset.DROP, 4326L, Asset.ALLOWANCE, 3L), n.queries().balances(CAROL.address()), "CAROL on " + id);
            }
        } finally {
            for (LedgerNode n : nodes) {
                if (n != null) {
                    n.close();
                }
            }
            starter.shutdownNow();
        }

        Map<String, List<String>> reference = LedgerFiles.dump(dirs[0].resolve("ledger.db"));
        assertEquals(RECORDS + EXTRA_RECORDS, reference.get("records").size(), "every valid record is indexed");
        for (int i = 1; i < 3; i++) {
            Map<String, List<String>> other = LedgerFiles.dump(dirs[i].resolve("ledger.db"));
            assertEquals(reference.keySet(), other.keySet(), "same tables on n1 and n" + (i + 1));
            for (String table : reference.keySet()) {
                assertSameRows(table, reference.get(table), other.get(table), i + 1);
            }
        }
        StringBuilder counts = new StringBuilder();
        reference.forEach((t, rows) -> counts.append(t).append('=').append(rows.size()).append(' '));
        System.out.println("three identical databases: " + counts.toString().trim());

        for (Path d : dirs) {
            AuditReport r = new Auditor(BlockPreparer.onAllCores()).auditDatabase(d.resolve("ledger.db"), (x, y) -> { }, () -> false);
            System.out.print(r.summary());
            assertTrue(r.clean(), r.summary());
        }
    }

    private static final KeyPair ALICE = KeyPair.generate();
    private static final KeyPair BOB = KeyPair.generate();
    private static final KeyPair CAROL = KeyPair.generate();

    private static void runLoad(LedgerNode[] nodes, DemoAlliance.Genesis g, KeyPair[] validators) throws Exception {
        LedgerNode node = nodes[0];
        long t0 = System.nanoTime();
        Map<String, StationKind> kinds = new HashMap<>();
        DemoAlliance.STATIONS.forEach(s -> kinds.put(s.id() + "-A", s.kind()));
        List<String> devices = new ArrayList<>(g.deviceKeys().keySet());
        long genesisTime = g.blocks().get(0).header().timeMs();
        long epoch = genesisTime - genesisTime % HOUR;
        SplittableRandom rnd = new SplittableRandom(7);
        Map<String, Long> seq = new HashMap<>();
        List<RecordEntry> good = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            String d = devices.get(i % devices.size());
            long s = seq.merge(d, 1L, Long::sum);
            long time = epoch + s * HOUR;
            SensorRecord r = new SensorRecord(d, s, time, 0, DemoReadings.sample(kinds.get(d), time, rnd));
            good.add(new RecordEntry(r.sign(g.deviceKeys().get(d)), System.currentTimeMillis()));
        }
        // phase 1: all records, then a few invalid ones; mints (valid and not) on the value chain meanwhile
        List<CompletableFuture<Receipt>> recordReceipts = new ArrayList<>();
        good.forEach(e -> recordReceipts.add(node.submit(e)));
        RecordEntry first = good.get(1);
        String r06 = "R06-A";
        SensorRecord wrongKey = new SensorRecord(r06, 1_000_000, epoch, 0, DemoReadings.sample(StationKind.REGULAR, epoch, rnd));
        SensorRecord unknown = new SensorRecord("X99-A", 1, epoch, 0, DemoReadings.sample(StationKind.REGULAR, epoch, rnd));
        SignedRecord other = good.get(8).signed();
        Map<CompletableFuture<Receipt>, String> invalidRecords = new java.util.LinkedHashMap<>();
        invalidRecords.put(node.submit(new RecordEntry(first.signed(), first.receiptTimeMs() + 1)), "STALE_SEQUENCE");
        invalidRecords.put(node.submit(new RecordEntry(wrongKey.sign(KeyPair.generate()), System.currentTimeMillis())), "DEVICE_KEY_MISMATCH");
        invalidRecords.put(node.submit(new RecordEntry(unknown.sign(KeyPair.generate()), System.currentTimeMillis())), "UNKNOWN_DEVICE");
        invalidRecords.put(node.submit(new RecordEntry(new SignedRecord(good.get(1).signed().body(), other.signature(),
                other.signerKey()), System.currentTimeMillis())), "BAD_SIGNATURE");

        KeyPair issuer = validators[0];
        KeyPair[] owners = {ALICE, BOB, CAROL};
        List<ValueEntry> mints = new ArrayList<>();
        List<CompletableFuture<Receipt>> mintReceipts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ValueEntry m = ValueEntry.signed(new Transfer(List.of(), List.of(new Output(Asset.DROP, 1000 + i, owners[i % 3].address())),
                    new byte[0], i), issuer);
            mints.add(m);
            mintReceipts.add(node.submit(m));
        }
        mintReceipts.add(node.submit(ValueEntry.signed(new Transfer(List.of(), List.of(new Output(Asset.ALLOWANCE, 3, CAROL.address())),
                new byte[0], 99), issuer)));
        Map<CompletableFuture<Receipt>, String> invalidValue = new java.util.LinkedHashMap<>();
        invalidValue.put(node.submit(ValueEntry.signed(new Transfer(List.of(), List.of(new Output(Asset.DROP, 5, ALICE.address())),
                new byte[0], 1), ALICE)), "MINT_WITHOUT_LICENCE");
        invalidValue.put(node.submit(ValueEntry.signed(new Transfer(List.of(), List.of(new Output(Asset.DROP, 5, ALICE.address())),
                new byte[0], 2), validators[1])), "MINT_WITHOUT_LICENCE");
        invalidValue.put(node.submit(ValueEntry.signed(new Transfer(List.of(), List.of(new Output("GOLD", 5, ALICE.address())),
                new byte[0], 3), issuer)), "INVALID_ASSET");

        for (CompletableFuture<Receipt> f : recordReceipts) {
            Receipt r = f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(r.valid(), "record should be valid: " + r.reason());
        }
        for (CompletableFuture<Receipt> f : mintReceipts) {
            Receipt r = f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(r.valid(), "mint should be valid: " + r.reason());
        }
        assertInvalid(invalidRecords);
        assertInvalid(invalidValue);

        // phase 2: spend the mints (valid), plus spends that break the UTXO rules
        List<CompletableFuture<Receipt>> spends = new ArrayList<>();
        List<ValueEntry> spendEntries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            KeyPair owner = owners[i % 3];
            KeyPair to = owners[(i + 1) % 3];
            long amount = 1000 + i;
            ValueEntry t = ValueEntry.signed(new Transfer(List.of(new OutPoint(mints.get(i).txid(), 0)),
                    List.of(new Output(Asset.DROP, 300, to.address()), new Output(Asset.DROP, amount - 300, owner.address())),
                    new byte[0], 100 + i), owner);
            spendEntries.add(t);
            spends.add(node.submit(t));
        }
        invalidValue.clear();
        // mint 7 belongs to BOB (7 % 3 == 1); ALICE signs
        invalidValue.put(node.submit(ValueEntry.signed(new Transfer(List.of(new OutPoint(mints.get(7).txid(), 0)),
                List.of(new Output(Asset.DROP, 10, ALICE.address())), new byte[0], 200), ALICE)), "NOT_OWNER");
        // mint 6 belongs to ALICE: 1006 in, 1506 out
        invalidValue.put(node.submit(ValueEntry.signed(new Transfer(List.of(new OutPoint(mints.get(6).txid(), 0)),
                List.of(new Output(Asset.DROP, 1506, BOB.address())), new byte[0], 201), ALICE)), "OVERSPEND");
        invalidValue.put(node.submit(ValueEntry.signed(new Transfer(List.of(new OutPoint(new byte[32], 0)),
                List.of(new Output(Asset.DROP, 1, BOB.address())), new byte[0], 202), ALICE)), "MISSING_INPUT");
        for (CompletableFuture<Receipt> f : spends) {
            Receipt r = f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(r.valid(), "transfer should be valid: " + r.reason());
        }
        assertInvalid(invalidValue);

        // phase 3: double spend and duplicate of phase-2 transfers, and a valid onward spend
        invalidValue.clear();
        invalidValue.put(node.submit(ValueEntry.signed(new Transfer(List.of(new OutPoint(mints.get(0).txid(), 0)),
                List.of(new Output(Asset.DROP, 1000, CAROL.address())), new byte[0], 300), ALICE)), "DOUBLE_SPEND");
        invalidValue.put(node.submit(spendEntries.get(1)), "DUPLICATE");
        // the same mint with one more witness is the same transaction, not a second mint
        invalidValue.put(node.submit(ValueEntry.signed(mints.get(3).transfer(), issuer, validators[2])), "DUPLICATE");
        // transfer 0 paid 300 to BOB at output 0
        Receipt onward = node.submit(ValueEntry.signed(new Transfer(List.of(new OutPoint(spendEntries.get(0).txid(), 0)),
                List.of(new Output(Asset.DROP, 300, CAROL.address())), new byte[0], 301), BOB)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(onward.valid(), onward.reason());
        assertInvalid(invalidValue);
        System.out.printf("load of %d records + %d transactions committed through n1 in %d ms; tips: data #%d, value #%d%n",
                RECORDS + 4, 12 + 1 + 3 + 6 + 3 + 4, (System.nanoTime() - t0) / 1_000_000,
                node.tip(ChainId.DATA).height(), node.tip(ChainId.VALUE).height());

        // phase 4: two members propose data blocks at once, n1 for four stations, another member for the other
        // three: racing proposals at the same height are refused as stale and retried, in order, until all commit
        LedgerNode second = nodes[1].isLeader() ? nodes[2] : nodes[1];
        long t4 = System.nanoTime();
        List<CompletableFuture<Receipt>> both = new ArrayList<>();
        for (int i = 0; i < EXTRA_RECORDS; i++) {
            int dev = i % devices.size();
            String d = devices.get(dev);
            long s = seq.merge(d, 1L, Long::sum);
            long time = epoch + s * HOUR;
            SensorRecord r = new SensorRecord(d, s, time, 0, DemoReadings.sample(kinds.get(d), time, rnd));
            both.add((dev < 4 ? node : second).submit(new RecordEntry(r.sign(g.deviceKeys().get(d)), System.currentTimeMillis())));
        }
        for (CompletableFuture<Receipt> f : both) {
            Receipt r = f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(r.valid(), "record through two proposers should be valid: " + r.reason());
        }
        System.out.printf("%d more records through n1 and %s concurrently in %d ms; tips: data #%d%n", EXTRA_RECORDS,
                second.directory().config().nodeId(), (System.nanoTime() - t4) / 1_000_000, node.tip(ChainId.DATA).height());
    }

    private static void assertInvalid(Map<CompletableFuture<Receipt>, String> expected) throws Exception {
        for (Map.Entry<CompletableFuture<Receipt>, String> e : expected.entrySet()) {
            Receipt r = e.getKey().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertFalse(r.valid(), "expected invalid " + e.getValue());
            assertTrue(r.reason().startsWith(e.getValue()), "expected " + e.getValue() + ", got " + r.reason());
        }
    }

    private static void awaitEqualTips(LedgerNode[] nodes) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long t0 = System.nanoTime();
        while (true) {
            boolean same = true;
            for (ChainId c : ChainId.values()) {
                Tip t = nodes[0].tip(c);
                for (LedgerNode n : nodes) {
                    same &= n.tip(c).height() == t.height() && Arrays.equals(n.tip(c).hash(), t.hash());
                }
            }
            if (same) {
                System.out.printf("replicas converged %d ms after the last receipt: data #%d, value #%d%n",
                        (System.nanoTime() - t0) / 1_000_000, nodes[0].tip(ChainId.DATA).height(), nodes[0].tip(ChainId.VALUE).height());
                return;
            }
            if (System.nanoTime() > deadline) {
                StringBuilder sb = new StringBuilder();
                for (LedgerNode n : nodes) {
                    sb.append(n.directory().config().nodeId()).append(": data #").append(n.tip(ChainId.DATA).height())
                            .append(", value #").append(n.tip(ChainId.VALUE).height()).append('\n');
                }
                fail("replicas did not converge within " + WAIT + "\n" + sb);
            }
            Thread.sleep(20);
        }
    }

    private static void assertSameRows(String table, List<String> a, List<String> b, int node) {
        if (a.equals(b)) {
            return;
        }
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (!a.get(i).equals(b.get(i))) {
                fail("table " + table + " differs between n1 and n" + node + " at row " + i + ":\n  n1: " + a.get(i)
                        + "\n  n" + node + ": " + b.get(i));
            }
        }
        fail("table " + table + ": n1 has " + a.size() + " rows, n" + node + " has " + b.size());
    }
}
