package org.waterchain.ledger.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.ledger.chain.ChainId.VALUE;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.testkit.TestLedger;
import org.waterchain.ledger.validation.ApplyOutcome.Applied;
import org.waterchain.ledger.validation.EntryResult;
import org.waterchain.ledger.validation.Violation;
import org.waterchain.ledger.value.ValueEntry;

/**
 * Alarm entries are attacker-controlled bytes like any other: flipped, overwritten, cut or extended, each gets a
 * verdict with a stable code, never an exception that would stop the replica; the journal holds only valid ones.
 */
class MutatedAlarmEntriesTest {
    @TempDir
    Path dir;

    @Test
    void mutatedAlarmEntriesGetVerdictsNeverExceptions() {
        try (TestLedger l = TestLedger.create(dir)) {
            long t = TestLedger.T0 + TestLedger.HOUR;
            List<byte[]> seeds = List.of(
                    ValueEntry.signed(new AlarmEvent(1, "R04 EC HIGH", AlarmAction.RAISE, "R04", "EC HIGH", 3, 912.5, t, "", "",
                            0), l.validator).encode(),
                    ValueEntry.signed(new AlarmEvent(2, "R04 EC HIGH", AlarmAction.SHELVE, "R04", "EC HIGH", 3, Double.NaN, t,
                            "Chen Wei", "flushing", t + TestLedger.HOUR), l.validator).encode());
            Random rnd = new Random(18);
            int valid = 0;
            for (int round = 0; round < 4; round++) {
                List<byte[]> entries = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
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
                    entries.add(e);
                }
                Applied a = l.append(l.next(VALUE, entries));
                assertEquals(300, a.results().size());
                for (EntryResult r : a.results()) {
                    if (r.valid()) {
                        valid++;
                    } else {
                        String code = r.reason().substring(0, r.reason().indexOf(':'));
                        assertTrue(Arrays.stream(Violation.Code.values()).anyMatch(c -> c.name().equals(code)), r.reason());
                    }
                }
            }
            assertEquals(valid, l.queries().count("alarm_journal"));
        }
    }
}
