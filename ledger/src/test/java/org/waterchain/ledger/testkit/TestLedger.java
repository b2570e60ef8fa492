package org.waterchain.ledger.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.chain.EntryId;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.demo.DemoAlliance.Genesis;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.store.LedgerDatabase;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.store.Tip;
import org.waterchain.ledger.validation.ApplyOutcome;
import org.waterchain.ledger.validation.ApplyOutcome.Applied;
import org.waterchain.ledger.validation.BlockApplier;
import org.waterchain.ledger.validation.BlockPreparer;
import org.waterchain.ledger.validation.EntryResult;
import org.waterchain.ledger.validation.Violation;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.OutPoint;
import org.waterchain.ledger.value.Output;
import org.waterchain.ledger.value.Transfer;
import org.waterchain.ledger.value.ValueEntry;

/**
 * A real ledger for tests: the demo alliance's genesis applied to a SQLite file, a real applier, and helpers
 * that sign records, transfers and registry changes with real keys and seal blocks on the current tips.
 */
public final class TestLedger implements AutoCloseable {
    /** 2024-01-01T00:00:00Z: genesis time of every test ledger. */
    public static final long T0 = 1_704_067_200_000L;
    public static final long HOUR = 3_600_000L;

    public final KeyPair validator;
    public final Genesis genesis;
    public final Path file;
    public final LedgerDatabase db;
    public final BlockApplier applier;
    private final BlockPreparer preparer;
    private long clock = T0;
    private long nonce = 1_000_000;
    private final List<LedgerQueries> readers = new ArrayList<>();

    private TestLedger(Path file, KeyPair validator, Genesis genesis, BlockPreparer preparer) {
        this.file = file;
        this.validator = validator;
        this.genesis = genesis;
        this.preparer = preparer;
        this.db = LedgerDatabase.open(file);
        this.applier = new BlockApplier(db);
    }

    /** A new demo alliance (fresh random keys) with its genesis applied, in {@code dir}/ledger.db. */
    public static TestLedger create(Path dir) {
        KeyPair validator = KeyPair.generate();
        return create(dir.resolve("ledger.db"), validator, DemoAlliance.create(validator, List.of(), T0),
                BlockPreparer.onAllCores());
    }

    /** The given genesis applied to a new database file. */
    public static TestLedger create(Path file, KeyPair validator, Genesis genesis, BlockPreparer preparer) {
        TestLedger l = new TestLedger(file, validator, genesis, preparer);
        for (Block b : genesis.blocks()) {
            Applied a = assertInstanceOf(Applied.class, l.apply(b), "genesis block must apply");
            for (EntryResult r : a.results()) {
                assertTrue(r.valid(), () -> "genesis entry " + r.index() + " refused: " + r.reason());
            }
        }
        return l;
    }

    /** Opens an existing ledger file (e.g. after a restart) with a new applier. */
    public static TestLedger reopen(Path file, KeyPair validator, Genesis genesis, BlockPreparer preparer) {
        TestLedger l = new TestLedger(file, validator, genesis, preparer);
        l.clock = Math.max(l.applier.tip(ChainId.DATA).timeMs(), l.applier.tip(ChainId.VALUE).timeMs());
        return l;
    }

    /**
     * Read access as the app has it, on a LedgerQueries of its own: each call gets a new one (closed with the
     * ledger), so that a stale pooled read connection shows up in LedgerQueriesTest only, not in every rule test.
     */
    public LedgerQueries queries() {
        LedgerQueries q = new LedgerQueries(file);
        readers.add(q);
        return q;
    }

    public ApplyOutcome apply(Block b) {
        return applier.apply(preparer.prepare(b), null);
    }

    /** The next block of the chain on its tip, a minute after the last block, sealed by the validator. */
    public Block next(ChainId chain, List<byte[]> entries) {
        return next(chain, entries, validator);
    }

    public Block next(ChainId chain, List<byte[]> entries, KeyPair proposer) {
        Tip tip = applier.tip(chain);
        return Block.seal(chain, tip.height() + 1, tip.hash(), tick(), entries, proposer);
    }

    public long tick() {
        clock += 60_000;
        return clock;
    }

    /** Seals and applies a block that must be appended. */
    public Applied append(ChainId chain, byte[]... entries) {
        return append(next(chain, List.of(entries)));
    }

    public Applied append(Block b) {
        ApplyOutcome o = apply(b);
        if (o instanceof ApplyOutcome.Rejected r) {
            fail("block " + b.header().chain() + " #" + b.header().height() + " rejected: " + r.violation().reason());
        }
        return (Applied) o;
    }

    /** Appends a block of one entry and returns its result. */
    public EntryResult appendOne(ChainId chain, byte[] entry) {
        return append(chain, entry).results().get(0);
    }

    /** Appends a block of one entry that must be valid. */
    public Applied appendValid(ChainId chain, byte[]... entries) {
        Applied a = append(chain, entries);
        for (EntryResult r : a.results()) {
            assertTrue(r.valid(), () -> "entry " + r.index() + " refused: " + r.reason());
        }
        return a;
    }

    public KeyPair device(String deviceId) {
        KeyPair k = genesis.deviceKeys().get(deviceId);
        if (k == null) {
            throw new IllegalArgumentException("no demo device " + deviceId);
        }
        return k;
    }

    public KeyPair member(String name) {
        KeyPair k = genesis.memberKeys().get(name);
        if (k == null) {
            throw new IllegalArgumentException("no demo member " + name);
        }
        return k;
    }

    // ---- entries ----

    public static SensorRecord sensorRecord(String deviceId, long seq, long sampleTimeMs, int flags) {
        return new SensorRecord(deviceId, seq, sampleTimeMs, flags,
                List.of(new Reading(Quantity.PH, 7.0 + seq % 10 / 10.0), new Reading(Quantity.EC, 400 + seq)));
    }

    public static byte[] recordEntry(SensorRecord r, KeyPair signer) {
        return new RecordEntry(r.sign(signer), r.sampleTimeMs() + 1_000).encode();
    }

    /** A record of a demo device signed by its own key, sampled {@code seq} hours after genesis. */
    public byte[] record(String deviceId, long seq) {
        return recordEntry(sensorRecord(deviceId, seq, T0 + seq * HOUR, 0), device(deviceId));
    }

    public long nonce() {
        return nonce++;
    }

    /** A registry change signed by the validator (a regulator). */
    public byte[] registry(RegistryAction a) {
        return registry(a, validator);
    }

    public byte[] registry(RegistryAction a, KeyPair signer) {
        return ValueEntry.signed(a, nonce(), signer).encode();
    }

    /** A mint by the validator, who holds the DROP, ALLOWANCE and POLLUTION:* licences. */
    public byte[] mint(Address to, long amount, String asset) {
        return transfer(List.of(), List.of(new Output(asset, amount, to)), new byte[0], validator);
    }

    public byte[] mintDrops(Address to, long amount) {
        return mint(to, amount, Asset.DROP);
    }

    public byte[] transfer(List<OutPoint> inputs, List<Output> outputs, byte[] memo, KeyPair... signers) {
        return ValueEntry.signed(new Transfer(inputs, outputs, memo, nonce()), signers).encode();
    }

    public static byte[] id(byte[] entry) {
        return EntryId.of(entry);
    }

    /** The transaction id outputs are referenced by (witnesses excluded). */
    public static byte[] txid(byte[] entry) {
        return ValueEntry.decode(entry).txid();
    }

    public static OutPoint out(byte[] entry, int index) {
        return new OutPoint(txid(entry), index);
    }

    // ---- state ----

    /** Ordered dump of the derived tables (records, UTXOs, history, registry, sequences). */
    public String stateDump() {
        return SqliteDump.tables(file, SqliteDump.DERIVED);
    }

    /** Ordered dump of every table of the file. */
    public String fullDump() {
        return SqliteDump.all(file);
    }

    /** The entry as stored: valid flag and reason. */
    public StoredVerdict stored(ChainId chain, long height, int idx) {
        try (Connection c = SqliteDump.connect(file);
             PreparedStatement ps = c.prepareStatement("SELECT valid, reason, id FROM entries WHERE chain = ? AND height = ? AND idx = ?")) {
            ps.setInt(1, chain.code());
            ps.setLong(2, height);
            ps.setInt(3, idx);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    fail("no stored entry " + chain + " #" + height + "/" + idx);
                }
                return new StoredVerdict(rs.getInt(1) == 1, rs.getString(2), rs.getBytes(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public record StoredVerdict(boolean valid, String reason, byte[] id) {}

    /**
     * Asserts that entry {@code idx} of an applied block is invalid with a reason starting with {@code code},
     * both in the apply result and as stored; returns the reason.
     */
    public String assertInvalid(Applied a, int idx, Violation.Code code) {
        EntryResult r = a.results().get(idx);
        assertFalse(r.valid(), () -> "entry " + idx + " should be invalid with " + code);
        assertTrue(r.reason().startsWith(code.name() + ": "), () -> "reason should start with " + code + ": " + r.reason());
        StoredVerdict s = stored(a.header().chain(), a.header().height(), idx);
        assertFalse(s.valid(), "stored as invalid");
        assertEquals(r.reason(), s.reason(), "stored reason");
        assertTrue(Arrays.equals(r.id(), s.id()), "stored id");
        return r.reason();
    }

    /** Appends one entry in its own block; asserts it is refused with {@code code} and changes no derived table. */
    public String assertRefused(ChainId chain, byte[] entry, Violation.Code code) {
        String before = stateDump();
        Applied a = append(chain, entry);
        String reason = assertInvalid(a, 0, code);
        assertEquals(before, stateDump(), "a refused entry must not change the state");
        return reason;
    }

    public static List<byte[]> list(byte[]... entries) {
        return new ArrayList<>(List.of(entries));
    }

    @Override
    public void close() {
        readers.forEach(LedgerQueries::close);
        readers.clear();
        db.close();
    }
}
