package org.waterchain.ledger.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.ledger.chain.ChainId.DATA;
import static org.waterchain.ledger.chain.ChainId.VALUE;
import static org.waterchain.ledger.testkit.TestLedger.HOUR;
import static org.waterchain.ledger.testkit.TestLedger.T0;
import static org.waterchain.ledger.testkit.TestLedger.recordEntry;
import static org.waterchain.ledger.testkit.TestLedger.sensorRecord;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.testkit.TestLedger;
import org.waterchain.ledger.value.Asset;

class LedgerQueriesTest {
    @TempDir
    Path dir;
    TestLedger ledger;

    @BeforeEach
    void open() {
        ledger = TestLedger.create(dir);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private byte[] r04(long seq, long hoursAfterGenesis) {
        return recordEntry(sensorRecord("R04-A", seq, T0 + hoursAfterGenesis * HOUR, 0), ledger.device("R04-A"));
    }

    @Test
    void latestRecordIsTheNewestSampleNotTheLastCommitted() {
        ledger.append(DATA, r04(1, 3), r04(2, 1));
        ledger.append(DATA, r04(3, 5), r04(4, 2)); // a late batch result committed last
        ledger.append(DATA, r04(4, 9)); // stale: invalid, never the latest
        try (LedgerQueries q = new LedgerQueries(ledger.file)) {
            StoredRecord latest = q.latestRecord("R04").orElseThrow();
            assertEquals(T0 + 5 * HOUR, latest.record().sampleTimeMs());
            assertEquals(3, latest.record().seq());
            assertTrue(q.latestRecord("R09").isEmpty(), "a station without records");
        }
    }

    @Test
    void recordsOfOneStationInTimeOrderWithinTheHalfOpenRange() {
        // sample times arrive out of order (a batch analyser reports late); sequence numbers still increase
        ledger.append(DATA, r04(1, 3), ledger.record("R06-A", 2), r04(2, 1));
        ledger.append(DATA, r04(3, 2), r04(4, 5), r04(5, 0), ledger.record("R06-A", 3));
        ledger.append(DATA, r04(4, 4)); // stale: invalid, never listed
        try (LedgerQueries q = new LedgerQueries(ledger.file)) {
            List<StoredRecord> recs = q.records("R04", T0 + HOUR, T0 + 5 * HOUR);
            assertEquals(List.of(T0 + HOUR, T0 + 2 * HOUR, T0 + 3 * HOUR),
                    recs.stream().map(r -> r.record().sampleTimeMs()).toList(), "from inclusive, to exclusive, oldest first");
            assertEquals(List.of(2L, 3L, 1L), recs.stream().map(r -> r.record().seq()).toList());
            assertTrue(recs.stream().allMatch(r -> r.stationId().equals("R04") && r.record().deviceId().equals("R04-A")));
            assertEquals(5, q.records("R04", Long.MIN_VALUE, Long.MAX_VALUE).size());
            assertEquals(List.of(), q.records("R04", T0 + 6 * HOUR, T0 + 9 * HOUR));
            assertEquals(List.of(), q.records("R04", T0 + 2 * HOUR, T0 + 2 * HOUR), "an empty range");
            assertEquals(2, q.records("R06", Long.MIN_VALUE, Long.MAX_VALUE).size());
            StoredRecord first = recs.get(0);
            assertEquals(1, first.height());
            assertEquals(2, first.index());
            assertArrayEquals(TestLedger.id(r04(2, 1)), first.entryId());
        }
    }

    /** The app keeps one LedgerQueries open while the node applies blocks: a later query must see later blocks. */
    @Test
    void pooledQueriesSeeBlocksAppliedAfterTheirFirstUse() {
        KeyPair alice = KeyPair.generate();
        try (LedgerQueries q = new LedgerQueries(ledger.file)) {
            for (int i = 1; i <= 6; i++) {
                ledger.appendValid(VALUE, ledger.mintDrops(alice.address(), 10));
                ledger.appendValid(DATA, ledger.record("R04-A", i));
                assertEquals(Map.of(Asset.DROP, 10L * i), q.balances(alice.address()), "after mint " + i);
                assertEquals(i, q.records("R04", Long.MIN_VALUE, Long.MAX_VALUE).size(), "after record " + i);
                assertEquals(i, q.tip(DATA).height());
                assertEquals(i, q.lastSequence(ledger.device("R04-A").publicKey()));
            }
        }
    }

    @Test
    void entriesProveAgainstTheirBlockHeader() {
        byte[] a = ledger.record("R04-A", 1);
        byte[] b = ledger.record("R06-A", 1);
        byte[] c = ledger.record("R07-A", 1);
        ledger.append(DATA, a, b, c);
        try (LedgerQueries q = new LedgerQueries(ledger.file)) {
            for (byte[] e : List.of(a, b, c)) {
                LedgerQueries.EntryProof p = q.prove(TestLedger.id(e)).orElseThrow();
                assertTrue(p.verifies());
                assertEquals(DATA, p.entry().chain());
                assertArrayEquals(e, p.entry().raw());
            }
            assertFalse(q.prove(new byte[32]).isPresent());
            assertEquals(3, q.block(DATA, 1).orElseThrow().entryIds().size());
        }
    }

    @Test
    void duplicateSubmissionIsFoundAsItsValidOccurrence() {
        byte[] r = ledger.record("R04-A", 1);
        ledger.append(DATA, r);
        ledger.append(DATA, r);
        try (LedgerQueries q = new LedgerQueries(ledger.file)) {
            StoredEntry e = q.entry(TestLedger.id(r)).orElseThrow();
            assertTrue(e.valid());
            assertEquals(1, e.height());
        }
    }
}
