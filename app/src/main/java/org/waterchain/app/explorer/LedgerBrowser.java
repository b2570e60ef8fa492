package org.waterchain.app.explorer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.waterchain.ledger.chain.BlockHeader;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.store.LedgerQueries.EntryProof;
import org.waterchain.ledger.store.StoredBlock;
import org.waterchain.ledger.store.StoredEntry;
import org.waterchain.ledger.store.StoredRecord;
import org.waterchain.ledger.value.ValueEntry;

/**
 * The explorer's reads of the ledger, for worker threads only (never the FX thread). Long reads (a station's
 * records over weeks, an id looked up by scanning the data chain) go in chunks, report progress and stop at
 * the next chunk once cancelled, by throwing {@link CancellationException}.
 *
 * <p>The block list, a block's entries and the id lookups are single SQL reads on {@link LedgerQueries}' own
 * connections: per-entry calls would cost one query per entry of a block of thousands.
 */
public final class LedgerBrowser {
    /** Progress and cancellation of one piece of work, as the task running it sees them. */
    public interface Work {
        void progress(long done, long total);

        boolean cancelled();

        Work NONE = new Work() {
            @Override
            public void progress(long done, long total) {}

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }

    /** A block and its entries as stored. */
    public record BlockContent(BlockRow row, BlockHeader header, List<StoredEntry> entries) {
        public BlockContent {
            entries = List.copyOf(entries);
        }
    }

    /** At most this many records are listed, newest first: a table of more helps nobody. */
    static final int MAX_RECORDS = 5_000;
    /** Address history listed, newest first. */
    static final int MAX_HISTORY = 1_000;
    /** Records are read a day of sample time at a time. */
    static final long RECORD_CHUNK_MS = 24 * 3_600_000L;
    /** The data chain is scanned for an id this many blocks at a time. */
    static final int SCAN_BLOCKS = 500;

    private final LedgerQueries q;
    private final Formats formats;

    public LedgerBrowser(LedgerQueries q, Formats formats) {
        this.q = q;
        this.formats = formats;
    }

    public LedgerNames names() {
        return LedgerNames.load(q);
    }

    public long tip(ChainId chain) {
        return q.tip(chain).height();
    }

    /** Blocks of a chain with heights in [from, to], newest first. */
    public List<BlockRow> blocks(ChainId chain, long from, long to, LedgerNames names) {
        return q.query("blocks of the " + chain.label() + " chain", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT b.height, b.hash, b.header,"
                    + " (SELECT COUNT(*) FROM entries e WHERE e.chain = b.chain AND e.height = b.height AND e.valid = 0)"
                    + " FROM blocks b WHERE b.chain = ? AND b.height BETWEEN ? AND ? ORDER BY b.height DESC")) {
                ps.setInt(1, chain.code());
                ps.setLong(2, from);
                ps.setLong(3, to);
                List<BlockRow> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        BlockHeader h = BlockHeader.decode(rs.getBytes(3));
                        out.add(row(h, rs.getBytes(2), rs.getInt(4), names));
                    }
                }
                return out;
            }
        });
    }

    private static BlockRow row(BlockHeader h, byte[] hash, int invalid, LedgerNames names) {
        return new BlockRow(h.chain(), h.height(), h.timeMs(), h.entryCount(), invalid,
                names.who(Address.of(h.proposerKey())), hash);
    }

    public Optional<BlockContent> block(ChainId chain, long height, LedgerNames names) {
        Optional<StoredBlock> stored = q.block(chain, height);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        List<StoredEntry> entries = q.query("entries of " + Formats.block(chain, height), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT idx, id, raw, valid, reason FROM entries WHERE chain = ? AND height = ? ORDER BY idx")) {
                ps.setInt(1, chain.code());
                ps.setLong(2, height);
                return entries(chain, height, ps);
            }
        });
        int invalid = (int) entries.stream().filter(e -> !e.valid()).count();
        StoredBlock b = stored.get();
        return Optional.of(new BlockContent(row(b.header(), b.hash(), invalid, names), b.header(), entries));
    }

    private static List<StoredEntry> entries(ChainId chain, long height, PreparedStatement ps) throws java.sql.SQLException {
        List<StoredEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredEntry(chain, height, rs.getInt(1), rs.getBytes(2), rs.getBytes(3), rs.getInt(4) == 1,
                        rs.getString(5)));
            }
        }
        return out;
    }

    /** The proof of an entry, from its bytes as stored now (not from what a result list held). */
    public Optional<EntryProof> prove(StoredEntry e) {
        return q.entryAt(e.chain(), e.height(), e.index()).map(q::prove);
    }

    public SearchResult search(SearchQuery query, TimeRange range, long nowMs, LedgerNames names, Work w) {
        if (query instanceof SearchQuery.ForStation s) {
            return records(s.stationId(), null, range, nowMs, names, w);
        } else if (query instanceof SearchQuery.ForDevice d) {
            Optional<String> station = names.stationOf(d.deviceId());
            if (station.isEmpty()) {
                return SearchResult.entries("Device " + d.deviceId() + " is not in the registry", List.of(), List.of());
            }
            return records(station.get(), d.deviceId(), range, nowMs, names, w);
        } else if (query instanceof SearchQuery.ForAddress a) {
            return address(a.address(), names);
        } else if (query instanceof SearchQuery.ById id) {
            return byId(id.id(), w);
        } else if (query instanceof SearchQuery.AtBlock b) {
            long tip = tip(b.chain());
            if (b.height() > tip) {
                return SearchResult.entries("The " + b.chain().label() + " chain has no block #" + b.height()
                        + (tip < 0 ? " yet" : "; its newest is #" + tip), List.of(), List.of());
            }
            return SearchResult.block(Formats.block(b.chain(), b.height()), b.chain(), b.height());
        }
        throw new IllegalArgumentException(((SearchQuery.Problem) query).message());
    }

    /**
     * Valid records of a station (of one device when {@code deviceId} is set) in the range, newest first, read
     * a day at a time from the newest day back.
     */
    SearchResult records(String stationId, String deviceId, TimeRange range, long nowMs, LedgerNames names, Work w) {
        long[] span = sampleSpan(stationId);
        String what = deviceId == null ? "Records of station " + names.station(stationId)
                : "Records of device " + deviceId + " (at " + names.station(stationId) + ")";
        List<Field> facts = new ArrayList<>();
        facts.add(Field.plain("Range", range.label() + (range == TimeRange.ALL ? "" : " before " + formats.time(nowMs))));
        if (span == null) {
            return SearchResult.entries(what + ": none on the ledger", facts, List.of());
        }
        facts.add(Field.plain("On the ledger", "samples from " + formats.time(span[0]) + " to " + formats.time(span[1])));
        long to = Math.max(nowMs, span[1]) + 1;
        long from = Math.max(range.from(nowMs), span[0]);
        List<StoredEntry> out = new ArrayList<>();
        boolean more = false;
        for (long end = to; end > from; end -= RECORD_CHUNK_MS) {
            checkCancelled(w);
            long start = Math.max(from, end - RECORD_CHUNK_MS);
            List<StoredRecord> chunk = q.records(stationId, start, end);
            for (int i = chunk.size() - 1; i >= 0; i--) {
                StoredRecord r = chunk.get(i);
                if (deviceId != null && !deviceId.equals(r.record().deviceId())) {
                    continue;
                }
                if (out.size() == MAX_RECORDS) {
                    more = true;
                    break;
                }
                out.add(new StoredEntry(ChainId.DATA, r.height(), r.index(), r.entryId(), r.entry().encode(), true, null));
            }
            w.progress(to - start, to - from);
            if (more) {
                break;
            }
        }
        String title = what + ", " + range.label() + ": " + (more ? "the newest " + Formats.count(out.size()) + " records (there are more)"
                : Formats.count(out.size()) + (out.size() == 1 ? " record" : " records"));
        return SearchResult.entries(title, facts, out);
    }

    /** Earliest and latest sample time of a station's valid records, or null when it has none. */
    private long[] sampleSpan(String stationId) {
        return q.query("sample times of " + stationId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MIN(sample_time), MAX(sample_time), COUNT(*) > 0 FROM records WHERE station_id = ?")) {
                ps.setString(1, stationId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(3) ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
                }
            }
        });
    }

    SearchResult address(Address a, LedgerNames names) {
        Map<String, Long> balances = q.balances(a);
        List<Field> facts = new ArrayList<>();
        names.member(a).ifPresent(m -> facts.add(Field.plain("Member", m.name())));
        if (balances.isEmpty()) {
            facts.add(Field.plain("Balance", "nothing unspent"));
        }
        balances.forEach((asset, amount) -> facts.add(Field.plain("Balance", Formats.amount(asset, amount))));
        List<StoredEntry> history = q.history(a, MAX_HISTORY);
        String title = "Address " + names.addressWithName(a) + ": " + (history.size() == MAX_HISTORY
                ? "the newest " + Formats.count(history.size()) + " transactions"
                : Formats.count(history.size()) + (history.size() == 1 ? " transaction" : " transactions"));
        return SearchResult.entries(title, facts, history);
    }

    /**
     * An id may be a value-chain entry (indexed), a transaction id that outputs reference (the entry id without
     * witnesses), a block hash, or a data-chain entry, which only a scan finds (every occurrence is listed: an
     * entry submitted twice stays in the later block as a DUPLICATE).
     */
    SearchResult byId(byte[] id, Work w) {
        String hex = Formats.shortHex(id);
        List<StoredEntry> value = q.query("value entry " + hex, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT height, idx, raw, valid, reason FROM entries WHERE chain = 1 AND id = ? ORDER BY height, idx")) {
                ps.setBytes(1, id);
                return withId(ChainId.VALUE, id, ps);
            }
        });
        if (!value.isEmpty()) {
            return SearchResult.entries("Value-chain entry " + hex, List.of(Field.mono("Entry id", Hex.of(id))), value);
        }
        List<StoredEntry> tx = byTxid(id);
        if (!tx.isEmpty()) {
            return SearchResult.entries("Transaction " + hex, List.of(Field.mono("Transaction id", Hex.of(id))), tx);
        }
        Optional<SearchResult.BlockRef> block = q.query("block " + hex, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT chain, height FROM blocks WHERE hash = ?")) {
                ps.setBytes(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new SearchResult.BlockRef(ChainId.of(rs.getInt(1)), rs.getLong(2)))
                            : Optional.empty();
                }
            }
        });
        if (block.isPresent()) {
            return SearchResult.block("Block " + hex, block.get().chain(), block.get().height());
        }
        List<StoredEntry> data = scanDataChain(id, w);
        if (!data.isEmpty()) {
            return SearchResult.entries("Data-chain entry " + hex, List.of(Field.mono("Entry id", Hex.of(id))), data);
        }
        return SearchResult.entries("No entry, transaction or block has the id " + hex, List.of(Field.mono("Id", Hex.of(id))),
                List.of());
    }

    private static List<StoredEntry> withId(ChainId chain, byte[] id, PreparedStatement ps) throws java.sql.SQLException {
        List<StoredEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredEntry(chain, rs.getLong(1), rs.getInt(2), id, rs.getBytes(3), rs.getInt(4) == 1, rs.getString(5)));
            }
        }
        return out;
    }

    /** Only a valid transfer makes outputs, so the outputs table knows the block of every transaction id that matters. */
    private List<StoredEntry> byTxid(byte[] txid) {
        List<Long> heights = q.query("transaction", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT height FROM outputs WHERE txid = ?")) {
                ps.setBytes(1, txid);
                List<Long> hs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hs.add(rs.getLong(1));
                    }
                }
                return hs;
            }
        });
        List<StoredEntry> out = new ArrayList<>();
        for (long h : heights) {
            for (StoredEntry e : block(ChainId.VALUE, h, LedgerNames.NONE).map(BlockContent::entries).orElse(List.of())) {
                try {
                    if (Arrays.equals(ValueEntry.decode(e.raw()).txid(), txid)) {
                        out.add(e);
                    }
                } catch (DecodeException | IllegalArgumentException ignored) {
                    // an undecodable entry has no transaction id
                }
            }
        }
        return out;
    }

    private List<StoredEntry> scanDataChain(byte[] id, Work w) {
        long tip = tip(ChainId.DATA);
        List<StoredEntry> out = new ArrayList<>();
        for (long from = 0; from <= tip; from += SCAN_BLOCKS) {
            checkCancelled(w);
            long start = from;
            out.addAll(q.query("data entry " + Formats.shortHex(id), c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT height, idx, raw, valid, reason FROM entries"
                        + " WHERE chain = 0 AND height >= ? AND height < ? AND id = ? ORDER BY height, idx")) {
                    ps.setLong(1, start);
                    ps.setLong(2, start + SCAN_BLOCKS);
                    ps.setBytes(3, id);
                    return withId(ChainId.DATA, id, ps);
                }
            }));
            w.progress(Math.min(tip + 1, from + SCAN_BLOCKS), tip + 1);
        }
        return out;
    }

    private static void checkCancelled(Work w) {
        if (w.cancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
