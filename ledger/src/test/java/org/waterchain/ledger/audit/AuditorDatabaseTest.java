package org.waterchain.ledger.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.ledger.audit.AuditFixture.audit;
import static org.waterchain.ledger.audit.AuditFixture.edit;
import static org.waterchain.ledger.chain.ChainId.DATA;
import static org.waterchain.ledger.chain.ChainId.VALUE;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.validation.BlockPreparer;
import org.waterchain.ledger.value.Output;
import org.waterchain.ledger.value.Transfer;
import org.waterchain.ledger.value.ValueEntry;

/** The audit of a node's database file: clean when untouched; every hand edit found and located. */
class AuditorDatabaseTest {
    @TempDir
    static Path shared;
    static AuditFixture fixture;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        fixture = AuditFixture.build(shared);
    }

    private Path copy() {
        return fixture.copy(dir, "edited.db");
    }

    private static void assertFound(AuditReport r, ChainId chain, long height, String text) {
        assertFalse(r.clean(), "the edit must be found");
        assertTrue(r.findings().stream().anyMatch(f -> f.chain() == chain && f.height() == height && f.what().contains(text)),
                () -> "expected a finding on the " + chain + " chain at height " + height + " containing '" + text
                        + "', got:\n" + r.summary());
    }

    private static void assertAllFindings(AuditReport r, Predicate<Finding> where, String what) {
        for (Finding f : r.findings()) {
            assertTrue(where.test(f), () -> "finding outside " + what + ": " + f + "\n" + r.summary());
        }
    }

    @Test
    void untouchedDatabaseIsClean() {
        AuditReport r = audit(copy());
        assertTrue(r.clean(), r::summary);
        assertEquals(fixture.blockCount, r.blocks());
        assertEquals(Hex.of(fixture.valueGenesisHash), r.allianceId());
        assertTrue(r.entries() > 50, "genesis registry plus records and transfers: " + r.entries());
        assertTrue(r.signatures() >= r.blocks() + r.entries());
        assertTrue(r.summary().startsWith("CLEAN"), r.summary());
    }

    @Test
    void progressIsReportedAndCancellingIsNotClean() {
        List<Long> done = new ArrayList<>();
        AuditReport r = new Auditor(BlockPreparer.onAllCores()).auditDatabase(copy(), (d, t) -> {
            assertEquals(fixture.blockCount, t);
            done.add(d);
        }, () -> false);
        assertTrue(r.clean(), r::summary);
        assertEquals(fixture.blockCount, done.size());
        assertEquals((long) fixture.blockCount, done.get(done.size() - 1));

        AuditReport cancelled = new Auditor(BlockPreparer.onAllCores()).auditDatabase(copy(), (d, t) -> { }, () -> true);
        assertTrue(cancelled.cancelled());
        assertFalse(cancelled.clean());
    }

    @Test
    void changedByteOfARecordEntryIsFoundOnTheDataChainAtItsHeight() {
        Path db = copy();
        byte[] raw = AuditFixture.raw(db, 0, fixture.secondRecordsHeight, 0);
        raw[raw.length - 120] ^= 0x01; // inside the signed body: a reading of R04-A#2
        edit(db, "UPDATE entries SET raw = ? WHERE chain = 0 AND height = ? AND idx = 0", raw, fixture.secondRecordsHeight);
        AuditReport r = audit(db);
        assertFound(r, DATA, fixture.secondRecordsHeight, "BLOCK_MERKLE_MISMATCH");
        assertFound(r, DATA, fixture.secondRecordsHeight, "entry 0: stored id does not match its content");
        assertAllFindings(r, f -> f.chain() == DATA && f.height() == fixture.secondRecordsHeight, "the edited block");
    }

    @Test
    void changedRecordEntryWithAMatchingIdIsStillFound() {
        Path db = copy();
        byte[] raw = AuditFixture.raw(db, 0, fixture.recordsHeight, 1);
        raw[raw.length - 1] ^= 0x01; // receipt time: not signed by the device, but covered by the block's Merkle root
        edit(db, "UPDATE entries SET raw = ?, id = ? WHERE chain = 0 AND height = ? AND idx = 1", raw,
                org.waterchain.ledger.chain.EntryId.of(raw), fixture.recordsHeight);
        AuditReport r = audit(db);
        assertFound(r, DATA, fixture.recordsHeight, "BLOCK_MERKLE_MISMATCH");
        assertAllFindings(r, f -> f.chain() == DATA && f.height() == fixture.recordsHeight, "the edited block");
    }

    @Test
    void changedAmountInTheOutputsTableIsFoundOnTheValueChainAtTheTransactionsHeight() {
        Path db = copy();
        edit(db, "UPDATE outputs SET amount = amount + 1 WHERE txid = ? AND vout = 0",
                org.waterchain.ledger.testkit.TestLedger.txid(fixture.transfer));
        AuditReport r = audit(db);
        assertFound(r, VALUE, fixture.transferHeight, "outputs row");
        assertAllFindings(r, f -> f.chain() == VALUE && f.height() == fixture.transferHeight, "the transaction's height");
    }

    @Test
    void changedAmountInsideARawTransferIsFoundAtItsHeight() {
        Path db = copy();
        ValueEntry e = ValueEntry.decode(AuditFixture.raw(db, 1, fixture.transferHeight, 0));
        Transfer t = e.transfer();
        List<Output> outs = new ArrayList<>(t.outputs());
        Output first = outs.get(0);
        outs.set(0, new Output(first.asset(), first.amount() + 1, first.owner()));
        byte[] edited = new ValueEntry(e.type(), new Transfer(t.inputs(), outs, t.memo(), t.nonce()).encode(), e.witnesses()).encode();
        edit(db, "UPDATE entries SET raw = ? WHERE chain = 1 AND height = ? AND idx = 0", edited, fixture.transferHeight);
        AuditReport r = audit(db);
        assertFound(r, VALUE, fixture.transferHeight, "BLOCK_MERKLE_MISMATCH");
        Finding first0 = r.findings().get(0);
        assertEquals(VALUE, first0.chain(), r.summary());
        assertEquals(fixture.transferHeight, first0.height(), r.summary());
        assertAllFindings(r, f -> f.chain() == DATA || f.height() == fixture.transferHeight,
                "the transfer's block (the data chain may echo the stopped value replay)");
    }

    @ParameterizedTest
    @EnumSource(ChainId.class)
    void changedBlockHashIsFoundNamingChainAndHeight(ChainId chain) {
        Path db = copy();
        edit(db, "UPDATE blocks SET hash = ? WHERE chain = ? AND height = 1", new byte[32], chain.code());
        AuditReport r = audit(db);
        assertFound(r, chain, 1, "stored block hash");
        assertAllFindings(r, f -> f.chain() == chain && f.height() == 1, "the edited block");
    }

    @Test
    void validEntryMarkedInvalidIsFound() {
        Path db = copy();
        edit(db, "UPDATE entries SET valid = 0 WHERE chain = 0 AND height = ? AND idx = 0", fixture.recordsHeight);
        AuditReport r = audit(db);
        assertFound(r, DATA, fixture.recordsHeight, "entry 0 is stored as invalid");
        assertAllFindings(r, f -> f.chain() == DATA && f.height() == fixture.recordsHeight, "the edited block");
    }

    @Test
    void invalidEntryMarkedValidIsFound() {
        Path db = copy();
        edit(db, "UPDATE entries SET valid = 1 WHERE chain = 0 AND height = ? AND idx = ?", fixture.recordsHeight,
                fixture.staleIndex);
        AuditReport r = audit(db);
        assertFound(r, DATA, fixture.recordsHeight, "entry " + fixture.staleIndex + " is stored as valid but replay finds it invalid (STALE_SEQUENCE");
    }

    @Test
    void invalidTransferMarkedValidIsFound() {
        Path db = copy();
        edit(db, "UPDATE entries SET valid = 1, reason = NULL WHERE chain = 1 AND height = ? AND idx = 1", fixture.transferHeight);
        assertFound(audit(db), VALUE, fixture.transferHeight, "entry 1 is stored as valid but replay finds it invalid (MISSING_INPUT");
    }

    @Test
    void editedReasonIsFound() {
        Path db = copy();
        edit(db, "UPDATE entries SET reason = 'MALFORMED: nothing' WHERE chain = 0 AND height = ? AND idx = ?",
                fixture.recordsHeight, fixture.staleIndex);
        assertFound(audit(db), DATA, fixture.recordsHeight, "entry " + fixture.staleIndex);
    }

    @Test
    void deletedRecordsRowIsFoundAtItsHeight() {
        Path db = copy();
        edit(db, "DELETE FROM records WHERE height = ? AND idx = 1", fixture.secondRecordsHeight);
        AuditReport r = audit(db);
        assertFound(r, DATA, fixture.secondRecordsHeight, "missing from the store");
        assertAllFindings(r, f -> f.chain() == DATA && f.height() == fixture.secondRecordsHeight, "the deleted row's block");
    }

    @Test
    void insertedRecordsRowIsFound() {
        Path db = copy();
        edit(db, "INSERT INTO records(station_id, sample_time, height, idx, device_id, seq) VALUES ('R04', 1, ?, 9, 'R04-A', 99)",
                fixture.secondRecordsHeight);
        assertFound(audit(db), DATA, fixture.secondRecordsHeight, "is stored but replaying the chains does not produce it");
    }

    @Test
    void deletedEntryRowIsFound() {
        Path db = copy();
        edit(db, "DELETE FROM entries WHERE chain = 0 AND height = ? AND idx = 1", fixture.secondRecordsHeight);
        assertFound(audit(db), DATA, fixture.secondRecordsHeight, "BLOCK_MERKLE_MISMATCH");
    }

    @Test
    void editedDeviceSequenceIsFound() {
        Path db = copy();
        edit(db, "UPDATE device_sequences SET last_seq = 1000 WHERE last_seq = 3");
        AuditReport r = audit(db);
        assertFalse(r.clean());
        assertTrue(r.findings().stream().allMatch(f -> f.chain() == DATA && f.what().startsWith("device_sequences row")), r::summary);
    }

    @Test
    void editedRegistryRowIsFoundAtItsHeight() {
        Path db = copy();
        edit(db, "UPDATE registry SET active = 0 WHERE kind = 'device' AND key = 'R07-B'");
        AuditReport r = audit(db);
        assertFound(r, VALUE, fixture.registryHeight, "registry row");
    }

    @Test
    void spentOutputMarkedUnspentIsFound() {
        Path db = copy();
        edit(db, "UPDATE outputs SET spent_by = NULL, spent_height = NULL WHERE txid = ? AND vout = 0",
                org.waterchain.ledger.testkit.TestLedger.txid(fixture.transfer));
        assertFound(audit(db), VALUE, fixture.transferHeight, "outputs row");
    }

    /** The stored block time feeds the next block's time check after a restart; an edit of it must be found too. */
    @ParameterizedTest
    @EnumSource(ChainId.class)
    void editedBlockTimeColumnIsFound(ChainId chain) {
        Path db = copy();
        edit(db, "UPDATE blocks SET time_ms = time_ms + 86400000 WHERE chain = ? AND height = 1", chain.code());
        AuditReport r = audit(db);
        assertFalse(r.clean(), "blocks.time_ms differs from the signed header's time but the audit says:\n" + r.summary());
        assertTrue(r.findings().stream().anyMatch(f -> f.chain() == chain && f.height() == 1), r::summary);
    }
}
