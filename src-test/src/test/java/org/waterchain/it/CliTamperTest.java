package org.waterchain.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.record.SignedRecord;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.OutPoint;
import org.waterchain.ledger.value.Output;
import org.waterchain.ledger.value.Transfer;
import org.waterchain.ledger.value.ValueEntry;

/**
 * Editing the SQLite ledger by hand (plain JDBC, as an insider with file access would) must make
 * {@code verify --data} exit 3 and locate the edit: the chain and the block height.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CliTamperTest {
    private static final Pattern FINDING = Pattern.compile("\\b(data|value) chain, height (-?\\d+)\\b");

    @TempDir
    static Path tmp;
    static Path base;

    @BeforeAll
    static void loadDemo() {
        base = tmp.resolve("base");
        NodeJar.ok("init", "--data", base);
        NodeJar.ok("load-demo", "--data", base, "--records", 2500);
    }

    @Test
    void editedRecordValueInARawEntryIsLocated() throws Exception {
        Path dir = copy("raw");
        Path db = dir.resolve("ledger.db");
        List<Object[]> blocks = LedgerFiles.select(db, "SELECT height, COUNT(*) FROM entries WHERE chain = 0 GROUP BY height ORDER BY height");
        assertTrue(blocks.size() >= 3, "the load spans several data blocks: " + blocks.size());
        Object[] middle = blocks.get(blocks.size() / 2);
        long height = ((Number) middle[0]).longValue();
        long inBlock = ((Number) middle[1]).longValue();
        Object[] row = LedgerFiles.select(db, "SELECT idx, raw FROM entries WHERE chain = 0 AND height = ? AND idx = ?",
                height, inBlock / 2).get(0);
        int idx = ((Number) row[0]).intValue();
        RecordEntry entry = RecordEntry.decode((byte[]) row[1]);
        SensorRecord rec = entry.signed().record();
        List<Reading> readings = new ArrayList<>(rec.readings());
        Reading r0 = readings.get(0);
        readings.set(0, new Reading(r0.quantityCode(), r0.value() + 1.5, r0.quality())); // a nicer pH, say
        SensorRecord forged = new SensorRecord(rec.deviceId(), rec.seq(), rec.sampleTimeMs(), rec.statusFlags(), readings);
        byte[] forgedRaw = new RecordEntry(new SignedRecord(forged.encode(), entry.signed().signature(), entry.signed().signerKey()),
                entry.receiptTimeMs()).encode();
        assertEquals(((byte[]) row[1]).length, forgedRaw.length, "same size: only the value's bytes differ");
        assertEquals(1, LedgerFiles.update(db, "UPDATE entries SET raw = ? WHERE chain = 0 AND height = ? AND idx = ?",
                forgedRaw, height, idx));

        assertAlteredAt(dir, "data", height);
    }

    @Test
    void editedBlockHashIsLocated() throws Exception {
        Path dir = copy("hash");
        Path db = dir.resolve("ledger.db");
        List<Long> heights = longs(db, "SELECT height FROM blocks WHERE chain = 0 ORDER BY height");
        long height = heights.get(heights.size() - 2);
        byte[] hash = (byte[]) LedgerFiles.select(db, "SELECT hash FROM blocks WHERE chain = 0 AND height = ?", height).get(0)[0];
        hash[5] ^= 0x01;
        assertEquals(1, LedgerFiles.update(db, "UPDATE blocks SET hash = ? WHERE chain = 0 AND height = ?", hash, height));

        assertAlteredAt(dir, "data", height);
    }

    @Test
    void editedTransactionAmountIsLocated() throws Exception {
        Path dir = copy("value");
        KeyPair alice = KeyPair.generate();
        KeyPair bob = KeyPair.generate();
        Receipt mint;
        Receipt transfer;
        Receipt mint2;
        ValueEntry transferTx;
        try (LedgerNode node = LedgerNode.start(DataDirectory.open(dir))) {
            KeyPair nodeKey = node.directory().nodeKey(); // the demo regulator: holds the DROP licence
            ValueEntry mintTx = ValueEntry.signed(new Transfer(List.of(), List.of(new Output(Asset.DROP, 100, alice.address())),
                    new byte[0], 1), nodeKey);
            mint = await(node, mintTx);
            transferTx = ValueEntry.signed(new Transfer(List.of(new OutPoint(mintTx.txid(), 0)),
                    List.of(new Output(Asset.DROP, 60, bob.address()), new Output(Asset.DROP, 40, alice.address())),
                    "rent".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 2), alice);
            transfer = await(node, transferTx);
            mint2 = await(node, ValueEntry.signed(new Transfer(List.of(), List.of(new Output(Asset.DROP, 5, bob.address())),
                    new byte[0], 3), nodeKey));
            assertEquals(java.util.Map.of(Asset.DROP, 65L), node.queries().balances(bob.address()));
        }
        assertTrue(mint.height() < transfer.height() && transfer.height() < mint2.height(),
                "three separate value blocks: " + mint.height() + ", " + transfer.height() + ", " + mint2.height());
        NodeJar.Result clean = NodeJar.ok("verify", "--data", dir);
        assertTrue(clean.out().startsWith("CLEAN"), clean.describe());

        Path db = dir.resolve("ledger.db");
        assertEquals(1, LedgerFiles.update(db, "UPDATE outputs SET amount = 6000 WHERE txid = ? AND vout = 0", transferTx.txid()));

        assertAlteredAt(dir, "value", transfer.height());
    }

    private static Receipt await(LedgerNode node, ValueEntry e) throws Exception {
        Receipt r = node.submit(e).get(60, TimeUnit.SECONDS);
        assertTrue(r.valid(), "transaction should be valid: " + r.reason());
        return r;
    }

    /** verify exits 3, and every finding names the expected chain and height (and there is at least one). */
    private static void assertAlteredAt(Path dir, String chain, long height) {
        NodeJar.Result v = NodeJar.run("verify", "--data", dir);
        System.out.println("tampered " + chain + " chain at height " + height + ":\n" + v.out());
        assertEquals(3, v.exit(), "an altered ledger exits 3\n" + v.describe());
        assertTrue(v.out().startsWith("ALTERED"), v.describe());
        Set<String> located = new TreeSet<>();
        Matcher m = FINDING.matcher(v.out());
        while (m.find()) {
            located.add(m.group(1) + " chain, height " + m.group(2));
        }
        assertEquals(Set.of(chain + " chain, height " + height), located,
                "the findings locate the edit and nothing else\n" + v.describe());
        assertFalse(v.all().contains("\tat "), "no stack trace\n" + v.describe());
    }

    private static Path copy(String name) {
        Path dir = tmp.resolve(name);
        LedgerFiles.copyTree(base, dir);
        return dir;
    }

    private static List<Long> longs(Path db, String sql, Object... params) throws Exception {
        List<Long> out = new ArrayList<>();
        for (Object[] r : LedgerFiles.select(db, sql, params)) {
            out.add(((Number) r[0]).longValue());
        }
        return out;
    }
}
