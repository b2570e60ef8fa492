package org.waterchain.ledger.audit;

import static org.waterchain.ledger.chain.ChainId.DATA;
import static org.waterchain.ledger.chain.ChainId.VALUE;
import static org.waterchain.ledger.testkit.TestLedger.out;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.testkit.SqliteDump;
import org.waterchain.ledger.testkit.TestLedger;
import org.waterchain.ledger.validation.ApplyOutcome.Applied;
import org.waterchain.ledger.validation.BlockPreparer;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.Output;

/**
 * A small closed ledger to audit: records, mints, transfers, a registry change and some invalid entries on
 * both chains. The places of interesting entries are kept so tests can edit exactly them.
 */
final class AuditFixture {
    final Path file;
    final byte[] valueGenesisHash;
    /** data #1: R04-A#1, R06-A#1, M02-A#1 valid; index 3 a stale replay (invalid). */
    final long recordsHeight = 1;
    final int staleIndex = 3;
    /** data #2: R04-A#2 (index 0), R06-A#2 (index 1). */
    final long secondRecordsHeight = 2;
    /** value #2: alice pays bob 300 (index 0); index 1 spends a missing input (invalid). */
    final long transferHeight;
    final byte[] transfer;
    /** value #3: the plant registers device R07-B. */
    final long registryHeight;
    final int blockCount;

    private AuditFixture(Path file, byte[] valueGenesisHash, long transferHeight, byte[] transfer, long registryHeight,
                         int blockCount) {
        this.file = file;
        this.valueGenesisHash = valueGenesisHash;
        this.transferHeight = transferHeight;
        this.transfer = transfer;
        this.registryHeight = registryHeight;
        this.blockCount = blockCount;
    }

    static AuditFixture build(Path dir) {
        KeyPair alice = KeyPair.generate();
        KeyPair bob = KeyPair.generate();
        KeyPair carol = KeyPair.generate();
        KeyPair r07b = KeyPair.generate();
        try (TestLedger l = TestLedger.create(dir)) {
            byte[] genesisHash = l.applier.tip(VALUE).hash();
            l.append(DATA, l.record("R04-A", 1), l.record("R06-A", 1), l.record("M02-A", 1), l.record("R04-A", 1));
            byte[] mint = l.mintDrops(alice.address(), 1000);
            l.appendValid(VALUE, mint, l.mint(bob.address(), 50, Asset.ALLOWANCE));
            l.appendValid(DATA, l.record("R04-A", 2), l.record("R06-A", 2));
            byte[] pay = l.transfer(List.of(out(mint, 0)), List.of(new Output(Asset.DROP, 300, bob.address()),
                    new Output(Asset.DROP, 700, alice.address())), "hello".getBytes(), alice);
            Applied t = l.append(VALUE, pay, l.transfer(List.of(new org.waterchain.ledger.value.OutPoint(new byte[32], 0)),
                    List.of(new Output(Asset.DROP, 1, bob.address())), new byte[0], alice));
            Applied r = l.appendValid(VALUE, l.registry(new RegisterDevice("R07-B", "R07", r07b.publicKey(), false, "m"),
                    l.member("plant")));
            l.appendValid(DATA, TestLedger.recordEntry(TestLedger.sensorRecord("R07-B", 1, TestLedger.T0, 0), r07b),
                    l.record("R04-A", 3));
            l.appendValid(VALUE, l.transfer(List.of(out(pay, 0)), List.of(new Output(Asset.DROP, 100, carol.address()),
                    new Output(Asset.DROP, 200, bob.address())), new byte[0], bob));
            return new AuditFixture(l.file, genesisHash, t.header().height(), pay, r.header().height(),
                    (int) (l.db.lastBlockSeq() + 1));
        }
    }

    /** A fresh copy of the closed ledger, to edit by hand. */
    Path copy(Path dir, String name) {
        try {
            Path target = dir.resolve(name);
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            for (String suffix : List.of("-wal", "-shm")) {
                Path side = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(side)) {
                    Files.copy(side, target.resolveSibling(target.getFileName() + suffix), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One hand edit through plain JDBC, as someone with the file would make it. */
    static void edit(Path db, String sql, Object... args) {
        try (Connection c = SqliteDump.connect(db); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            int n = ps.executeUpdate();
            if (n != 1) {
                throw new IllegalStateException("edit changed " + n + " rows: " + sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] raw(Path db, int chain, long height, int idx) {
        try (Connection c = SqliteDump.connect(db);
             PreparedStatement ps = c.prepareStatement("SELECT raw FROM entries WHERE chain = ? AND height = ? AND idx = ?")) {
            ps.setInt(1, chain);
            ps.setLong(2, height);
            ps.setInt(3, idx);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static AuditReport audit(Path db) {
        return new Auditor(BlockPreparer.onAllCores()).auditDatabase(db, (done, total) -> { }, () -> false);
    }
}
