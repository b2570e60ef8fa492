package org.waterchain.ledger.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.ledger.chain.ChainId.DATA;
import static org.waterchain.ledger.chain.ChainId.VALUE;
import static org.waterchain.ledger.testkit.TestLedger.HOUR;
import static org.waterchain.ledger.testkit.TestLedger.T0;
import static org.waterchain.ledger.testkit.TestLedger.out;
import static org.waterchain.ledger.testkit.TestLedger.recordEntry;
import static org.waterchain.ledger.testkit.TestLedger.sensorRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.record.StatusFlags;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RetireDevice;
import org.waterchain.ledger.testkit.SqliteDump;
import org.waterchain.ledger.testkit.TestLedger;
import org.waterchain.ledger.validation.ApplyOutcome.Applied;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.OutPoint;
import org.waterchain.ledger.value.Output;

/** The same blocks in the same order give byte-identical databases, whatever the cores, restarts or transport. */
class DeterminismTest {
    @TempDir
    Path dir;

    /** ~20 mixed blocks built on {@code a}, which applies each as it is built; returns them in apply order. */
    private static List<Block> build(TestLedger a) {
        List<Block> blocks = new ArrayList<>();
        KeyPair alice = KeyPair.generate();
        KeyPair bob = KeyPair.generate();
        KeyPair spare = KeyPair.generate();
        String[] devices = {"R04-A", "R06-A", "R07-A", "R09-A", "R10-A", "R12-A", "M02-A"};
        long[] seq = new long[devices.length];
        byte[] mint = null;
        byte[] lastPay = null;
        for (int round = 0; round < 10; round++) {
            // data block: one record per device, plus a stale replay and garbage now and then
            List<byte[]> records = new ArrayList<>();
            for (int d = 0; d < devices.length; d++) {
                records.add(a.record(devices[d], ++seq[d])); // R09-A is retired in round 5: invalid from then on
            }
            if (round % 3 == 1) {
                records.add(a.record("R04-A", 1)); // stale
                records.add(new byte[] {1, 2, 3}); // malformed
                records.add(recordEntry(sensorRecord("R06-A", seq[1] + 1, T0 + round * HOUR, StatusFlags.GATEWAY_SIGNED),
                        a.device("R06-A"))); // flag mismatch
            }
            if (round == 4) {
                for (int i = 0; i < 100; i++) { // a big block takes the parallel preparation path
                    records.add(a.record("R12-A", ++seq[5]));
                }
            }
            if (round >= 7) {
                records.add(recordEntry(sensorRecord("R04-B", round, T0 + round * HOUR, 0), spare));
            }
            Block dataBlock = a.next(DATA, records);
            a.append(dataBlock);
            blocks.add(dataBlock);

            // value block: mints, payments, invalid spends, registry changes
            List<byte[]> value = new ArrayList<>();
            switch (round) {
                case 0 -> {
                    mint = a.mintDrops(alice.address(), 10_000);
                    value.add(mint);
                    value.add(a.mint(bob.address(), 50, Asset.ALLOWANCE));
                }
                case 1 -> {
                    lastPay = a.transfer(List.of(out(mint, 0)), List.of(new Output(Asset.DROP, 1_000, bob.address()),
                            new Output(Asset.DROP, 9_000, alice.address())), "first".getBytes(), alice);
                    value.add(lastPay);
                    value.add(a.transfer(List.of(out(mint, 0)), List.of(new Output(Asset.DROP, 10_000, bob.address())),
                            new byte[0], alice)); // double spend in the same block
                }
                case 2 -> {
                    value.add(mint); // duplicate
                    value.add(a.transfer(List.of(out(lastPay, 1)), List.of(new Output(Asset.DROP, 9_001, bob.address())),
                            new byte[0], alice)); // overspend
                    value.add(a.transfer(List.of(new OutPoint(new byte[32], 0)), List.of(new Output(Asset.DROP, 1, bob.address())),
                            new byte[0], alice)); // missing
                }
                case 3 -> value.add(a.transfer(List.of(), List.of(new Output(Asset.DROP, 1, bob.address())), new byte[0], bob));
                case 5 -> value.add(a.registry(new RetireDevice("R09-A")));
                case 6 -> value.add(a.registry(new RegisterDevice("R04-B", "R04", spare.publicKey(), false, "spare"),
                        a.member("plant")));
                default -> {
                    byte[] pay = a.transfer(List.of(out(lastPay, 1)), List.of(new Output(Asset.DROP, 100, bob.address()),
                            new Output(Asset.DROP, 9_000 - 100 * (round - 3), alice.address())), new byte[75], alice);
                    value.add(pay);
                    lastPay = pay;
                    value.add(new byte[] {17, 0, 0, 0});
                }
            }
            Block valueBlock = a.next(VALUE, value);
            a.append(valueBlock);
            blocks.add(valueBlock);
        }
        return blocks;
    }

    @Test
    void twoReplicasApplyingTheSameBlocksHaveIdenticalDatabases() {
        KeyPair validator = KeyPair.generate();
        var genesis = org.waterchain.ledger.demo.DemoAlliance.create(validator, List.of(), T0);
        List<Block> blocks;
        List<String> verdictsC = new ArrayList<>();
        try (TestLedger a = TestLedger.create(dir.resolve("a.db"), validator, genesis, BlockPreparer.onAllCores())) {
            blocks = build(a);
        }
        assertTrue(blocks.size() >= 20, "at least 20 blocks");

        // replica B: one core, blocks through their wire encoding, and a restart every five blocks
        Path bFile = dir.resolve("b.db");
        BlockPreparer oneCore = new BlockPreparer(1);
        List<String> verdictsB = new ArrayList<>();
        TestLedger b = TestLedger.create(bFile, validator, genesis, oneCore);
        try {
            for (int i = 0; i < blocks.size(); i++) {
                if (i > 0 && i % 5 == 0) {
                    b.close();
                    b = TestLedger.reopen(bFile, validator, genesis, oneCore);
                }
                Applied applied = b.append(Block.decode(blocks.get(i).encode()));
                applied.results().forEach(r -> verdictsB.add(r.valid() + " " + r.reason()));
            }
        } finally {
            b.close();
        }
        // replica C: the same blocks again on a fresh file, all cores, no restart
        Path cFile = dir.resolve("c.db");
        try (TestLedger c = TestLedger.create(cFile, validator, genesis, BlockPreparer.onAllCores())) {
            for (Block blk : blocks) {
                c.append(blk).results().forEach(r -> verdictsC.add(r.valid() + " " + r.reason()));
            }
        }
        assertEquals(verdictsC, verdictsB);
        assertTrue(verdictsC.stream().filter(v -> v.startsWith("false")).count() >= 15, "the run includes invalid entries");
        assertTrue(verdictsC.stream().filter(v -> v.startsWith("true")).count() >= 150, "and many valid ones");

        String dumpA = SqliteDump.all(dir.resolve("a.db"));
        String dumpB = SqliteDump.all(bFile);
        String dumpC = SqliteDump.all(cFile);
        assertEquals(dumpA, dumpB);
        assertEquals(dumpA, dumpC);
        for (String table : List.of("blocks", "entries", "records", "outputs", "address_history", "registry", "device_sequences")) {
            assertTrue(dumpA.contains("== " + table + " "), table);
        }
    }
}
