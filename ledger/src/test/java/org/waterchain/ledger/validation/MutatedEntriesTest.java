package org.waterchain.ledger.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.ledger.chain.ChainId.DATA;
import static org.waterchain.ledger.chain.ChainId.VALUE;
import static org.waterchain.ledger.testkit.TestLedger.out;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RegisterFactory;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;
import org.waterchain.ledger.testkit.TestLedger;
import org.waterchain.ledger.validation.ApplyOutcome.Applied;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.Output;

/**
 * Entries are attacker-controlled bytes: whatever they hold, the block applies and each entry gets a verdict
 * with a stable code. No mutation may escape as an exception (which would stop the replica on that block).
 */
class MutatedEntriesTest {
    @TempDir
    Path dir;

    private static List<byte[]> mutants(List<byte[]> seeds, Random rnd, int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] e = seeds.get(rnd.nextInt(seeds.size())).clone();
            switch (rnd.nextInt(4)) {
                case 0 -> e[rnd.nextInt(e.length)] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> e[1 + rnd.nextInt(e.length - 1)] = (byte) rnd.nextInt(256);
                case 2 -> e = Arrays.copyOf(e, rnd.nextInt(e.length));
                default -> {
                    e = Arrays.copyOf(e, e.length + 1 + rnd.nextInt(4));
                    e[e.length - 1] = (byte) rnd.nextInt(256);
                }
            }
            out.add(e);
        }
        return out;
    }

    private static void assertEveryEntryHasAVerdict(Applied a) {
        for (EntryResult r : a.results()) {
            if (!r.valid()) {
                String code = r.reason().substring(0, r.reason().indexOf(':'));
                assertTrue(Arrays.stream(Violation.Code.values()).anyMatch(c -> c.name().equals(code)), r.reason());
            }
        }
    }

    @Test
    void mutatedEntriesGetVerdictsNeverExceptions() {
        try (TestLedger l = TestLedger.create(dir)) {
            KeyPair alice = KeyPair.generate();
            byte[] mint = l.mintDrops(alice.address(), 1000);
            l.appendValid(VALUE, mint);
            GeoPoint p = new GeoPoint(121.2, 24.9);
            List<byte[]> valueSeeds = List.of(
                    l.transfer(List.of(out(mint, 0)), List.of(new Output(Asset.DROP, 400, KeyPair.generate().address()),
                            new Output("POLLUTION:CU", 1, alice.address())), "memo".getBytes(), alice, l.validator),
                    l.registry(new RegisterDevice("R04-Z", "R04", KeyPair.generate().publicKey(), true, "m")),
                    l.registry(new RegisterFactory("F-9", "n", "i", p, List.of("CU", "ZN"), 10, "R10", alice.address())),
                    l.registry(new AddChannel("C99", "n", "R04", "J9", 12.5, List.of(p, p))),
                    l.registry(new SetStandard("PH", 6, Double.NaN, 0.5)));
            List<byte[]> dataSeeds = List.of(l.record("R04-A", 1), l.record("M02-A", 1));
            Random rnd = new Random(20240101);
            for (int round = 0; round < 6; round++) {
                for (ChainId chain : ChainId.values()) {
                    List<byte[]> entries = mutants(chain == DATA ? dataSeeds : valueSeeds, rnd, 300);
                    Applied a = l.append(l.next(chain, entries));
                    assertEquals(300, a.results().size());
                    assertEveryEntryHasAVerdict(a);
                }
            }
        }
    }
}
