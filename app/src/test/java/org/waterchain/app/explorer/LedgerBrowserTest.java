package org.waterchain.app.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.store.StoredEntry;
import org.waterchain.ledger.value.ValueEntry;

/** The explorer's reads against a real SQLite ledger written by the ledger's own applier. */
class LedgerBrowserTest {
    @TempDir
    static Path dir;
    static ExplorerLedger ledger;
    static LedgerQueries queries;
    static LedgerBrowser browser;
    static LedgerNames names;
    static final Formats UTC = new Formats(ZoneOffset.UTC);
    /** Just after R04-A's last record. */
    static final long NOW = ExplorerLedger.r04Time(ExplorerLedger.R04_RECORDS) + 60_000;

    /** Counts progress calls; cancels after a given number of them. */
    static final class Recording implements LedgerBrowser.Work {
        final List<long[]> calls = new ArrayList<>();
        int cancelAfter = Integer.MAX_VALUE;

        @Override
        public void progress(long done, long total) {
            calls.add(new long[] {done, total});
        }

        @Override
        public boolean cancelled() {
            return calls.size() >= cancelAfter;
        }
    }

    @BeforeAll
    static void build() {
        ledger = ExplorerLedger.build(dir);
        queries = new LedgerQueries(ledger.file);
        browser = new LedgerBrowser(queries, UTC);
        names = browser.names();
    }

    @AfterAll
    static void close() {
        queries.close();
    }

    @Test
    void namesComeFromTheRegistry() {
        assertEquals("R04", names.stationOf("R04-A").orElseThrow());
        assertEquals("R04 Branch 3 head gate", names.station("R04"));
        assertEquals("Water Resources Department (demo)", names.who(ledger.validator.address()));
    }

    @Test
    void theBlockListIsNewestFirstWithInvalidCountsAndProposers() {
        long tip = browser.tip(ChainId.DATA);
        assertEquals(ExplorerLedger.R04_RECORDS, tip, "genesis, the first block of three, then one block per further record");
        List<BlockRow> rows = browser.blocks(ChainId.DATA, 0, tip, names);
        assertEquals(tip + 1, rows.size());
        assertEquals(tip, rows.get(0).height());
        BlockRow first = rows.get(rows.size() - 2);
        assertEquals(1, first.height());
        assertEquals(3, first.entries());
        assertEquals(1, first.invalid(), "the repeated record is kept, invalid");
        assertEquals("Water Resources Department (demo)", first.proposer());
        assertEquals(0, rows.get(rows.size() - 1).entries(), "the data genesis is empty");
        assertEquals(List.of(3L, 2L), browser.blocks(ChainId.DATA, 2, 3, names).stream().map(BlockRow::height).toList());
    }

    @Test
    void aBlocksEntriesAreAllThereInOrder() {
        LedgerBrowser.BlockContent b = browser.block(ChainId.DATA, ledger.firstRecords, names).orElseThrow();
        assertEquals(3, b.entries().size());
        assertArrayEquals(ledger.firstR04Id, b.entries().get(0).id());
        assertFalse(b.entries().get(ledger.staleIndex).valid());
        assertEquals(1, b.row().invalid());
        assertTrue(browser.block(ChainId.DATA, 999, names).isEmpty());
    }

    @Test
    void aStationsRecordsAreListedNewestFirstWithinTheRange() {
        Recording w = new Recording();
        SearchResult all = browser.search(new SearchQuery.ForStation("R04"), TimeRange.ALL, NOW, names, w);
        assertEquals(ExplorerLedger.R04_RECORDS, all.entries().size());
        List<Long> seqs = all.entries().stream().map(e -> RecordEntry.decode(e.raw()).signed().record().seq()).toList();
        assertEquals(ExplorerLedger.R04_RECORDS, seqs.get(0), "newest first");
        assertEquals(1L, seqs.get(seqs.size() - 1));
        assertTrue(all.title().startsWith("Records of station R04 Branch 3 head gate, everything: 16 records"), all.title());
        assertTrue(w.calls.size() >= 4, "four days of samples are read a day at a time");
        long[] last = w.calls.get(w.calls.size() - 1);
        assertEquals(last[1], last[0], "progress ends at its total");

        SearchResult day = browser.search(new SearchQuery.ForStation("R04"), TimeRange.DAY, NOW, names, LedgerBrowser.Work.NONE);
        assertEquals(4, day.entries().size(), "one record every 6 hours: the last 24 h hold 4");
        for (StoredEntry e : day.entries()) {
            assertTrue(e.valid());
            assertTrue(RecordEntry.decode(e.raw()).signed().record().sampleTimeMs() >= NOW - 24 * ExplorerLedger.HOUR);
        }
    }

    @Test
    void listedRecordsKeepTheirPlaceAndBytesSoTheyCanBeProved() {
        SearchResult r = browser.search(new SearchQuery.ForStation("R04"), TimeRange.ALL, NOW, names, LedgerBrowser.Work.NONE);
        StoredEntry oldest = r.entries().get(r.entries().size() - 1);
        assertEquals(ledger.firstRecords, oldest.height());
        assertEquals(0, oldest.index());
        assertArrayEquals(ledger.firstR04Id, oldest.id());
        ProofReport proof = ProofReport.of(browser.prove(oldest).orElseThrow(), names, UTC);
        assertTrue(proof.verified(), proof::verdict);
    }

    @Test
    void aDevicesRecordsAreThoseItSigned() {
        SearchResult r = browser.search(new SearchQuery.ForDevice("R06-A"), TimeRange.ALL, NOW, names, LedgerBrowser.Work.NONE);
        assertEquals(1, r.entries().size());
        assertTrue(r.title().startsWith("Records of device R06-A (at R06 Dapu bridge)"), r.title());
        SearchResult none = browser.search(new SearchQuery.ForDevice("R09-A"), TimeRange.ALL, NOW, names, LedgerBrowser.Work.NONE);
        assertTrue(none.entries().isEmpty());
        assertTrue(none.title().endsWith("none on the ledger"), none.title());
    }

    @Test
    void aCancelledSearchStopsAtTheNextChunk() {
        Recording w = new Recording();
        w.cancelAfter = 2;
        assertThrows(CancellationException.class,
                () -> browser.search(new SearchQuery.ForStation("R04"), TimeRange.ALL, NOW, names, w));
        assertEquals(2, w.calls.size());
    }

    @Test
    void aRecordIdIsFoundByScanningTheDataChainEveryOccurrence() {
        Recording w = new Recording();
        SearchResult r = browser.search(new SearchQuery.ById(ledger.firstR04Id), TimeRange.ALL, NOW, names, w);
        assertEquals(2, r.entries().size(), "the record and its repetition");
        assertTrue(r.entries().get(0).valid());
        assertEquals(ledger.staleIndex, r.entries().get(1).index());
        assertFalse(r.entries().get(1).valid());
        assertTrue(r.title().startsWith("Data-chain entry "), r.title());
        assertFalse(w.calls.isEmpty(), "a scan reports progress");
    }

    @Test
    void aTransactionIsFoundByEntryIdAndByTransactionId() {
        byte[] entryId = org.waterchain.ledger.chain.EntryId.of(ledger.pay);
        SearchResult byEntry = browser.search(new SearchQuery.ById(entryId), TimeRange.ALL, NOW, names, LedgerBrowser.Work.NONE);
        assertEquals(1, byEntry.entries().size());
        assertEquals(ledger.payHeight, byEntry.entries().get(0).height());
        SearchResult byTx = browser.search(new SearchQuery.ById(ValueEntry.decode(ledger.pay).txid()), TimeRange.ALL, NOW, names,
                LedgerBrowser.Work.NONE);
        assertEquals(1, byTx.entries().size());
        assertArrayEquals(entryId, byTx.entries().get(0).id());
        assertTrue(byTx.title().startsWith("Transaction "), byTx.title());
    }

    @Test
    void aBlockHashOpensTheBlock() {
        byte[] hash = queries.block(ChainId.DATA, 3).orElseThrow().hash();
        SearchResult r = browser.search(new SearchQuery.ById(hash), TimeRange.ALL, NOW, names, LedgerBrowser.Work.NONE);
        assertEquals(new SearchResult.BlockRef(ChainId.DATA, 3), r.openBlock().orElseThrow());
    }

    @Test
    void anUnknownIdIsAResultNotAnError() {
        SearchResult r = browser.search(new SearchQuery.ById(new byte[32]), TimeRange.ALL, NOW, names, LedgerBrowser.Work.NONE);
        assertTrue(r.entries().isEmpty());
        assertTrue(r.title().startsWith("No entry, transaction or block has the id 000000000000"), r.title());
    }

    @Test
    void anAddressShowsBalancesAndHistory() {
        SearchResult alice = browser.search(new SearchQuery.ForAddress(ledger.alice.address()), TimeRange.ALL, NOW, names,
                LedgerBrowser.Work.NONE);
        assertTrue(alice.facts().contains(Field.plain("Balance", "700 DROP")), alice.facts()::toString);
        assertEquals(2, alice.entries().size(), "paid by the mint, then paid and paying in the transfer");
        assertEquals(ledger.payHeight, alice.entries().get(0).height(), "newest first");
        SearchResult bob = browser.search(new SearchQuery.ForAddress(ledger.bob.address()), TimeRange.ALL, NOW, names,
                LedgerBrowser.Work.NONE);
        assertTrue(bob.facts().contains(Field.plain("Balance", "300 DROP")), bob.facts()::toString);
        assertEquals(1, bob.entries().size());
        assertEquals(Hex.of(org.waterchain.ledger.chain.EntryId.of(ledger.pay)), Hex.of(bob.entries().get(0).id()));
    }

    @Test
    void aBlockPastTheTipSaysWhereTheTipIs() {
        SearchResult r = browser.search(new SearchQuery.AtBlock(ChainId.VALUE, 50), TimeRange.ALL, NOW, names, LedgerBrowser.Work.NONE);
        assertTrue(r.openBlock().isEmpty());
        assertEquals("The value chain has no block #50; its newest is #" + ledger.payHeight, r.title());
        assertEquals(new SearchResult.BlockRef(ChainId.VALUE, 1),
                browser.search(new SearchQuery.AtBlock(ChainId.VALUE, 1), TimeRange.ALL, NOW, names, LedgerBrowser.Work.NONE)
                        .openBlock().orElseThrow());
    }
}
