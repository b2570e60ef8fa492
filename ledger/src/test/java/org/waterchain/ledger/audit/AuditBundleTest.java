package org.waterchain.ledger.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.node.NodeException;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.validation.BlockPreparer;

/**
 * The portable audit bundle: a clean export audits clean; any changed byte is reported (a finding, or for a
 * file that is no bundle at all a NodeException with a plain message), never an unexpected exception or a hang.
 */
class AuditBundleTest {
    @TempDir
    static Path shared;
    static AuditFixture fixture;
    static Path bundle;
    /** The bundle's content, decompressed. */
    static byte[] plain;
    static Layout layout;

    @TempDir
    Path dir;

    /** Where things stand in the decompressed bundle. */
    record Layout(long countOffset, List<BlockAt> blocks, int tipsOffset) {}

    record BlockAt(int lengthOffset, int headerOffset, int signatureOffset, ChainId chain, long height, List<EntryAt> entries) {}

    record EntryAt(int rawOffset, int rawLength, int validOffset, int reasonOffset, boolean valid) {}

    @BeforeAll
    static void export() throws IOException {
        fixture = AuditFixture.build(shared);
        bundle = shared.resolve("ledger.bundle");
        try (LedgerQueries q = new LedgerQueries(fixture.file)) {
            assertEquals(fixture.blockCount, AuditBundle.export(q, bundle));
        }
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(bundle))) {
            plain = in.readAllBytes();
        }
        layout = parse(plain);
    }

    private static Layout parse(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b);
        int magicLen = buf.getShort() & 0xFFFF;
        buf.position(2 + magicLen);
        int countOffset = buf.position();
        long count = buf.getLong();
        List<BlockAt> blocks = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            int lengthOffset = buf.position();
            int len = buf.getInt();
            int start = buf.position();
            int headerLen = buf.getShort() & 0xFFFF;
            int headerOffset = buf.position();
            ChainId chain = ChainId.of(b[headerOffset + 1]);
            long height = ByteBuffer.wrap(b, headerOffset + 2, 8).getLong();
            buf.position(headerOffset + headerLen);
            int sigOffset = buf.position();
            buf.position(sigOffset + 64);
            long n = buf.getInt() & 0xFFFF_FFFFL;
            List<EntryAt> entries = new ArrayList<>();
            for (long e = 0; e < n; e++) {
                int rawLen = buf.getInt();
                int rawOffset = buf.position();
                buf.position(rawOffset + rawLen);
                int validOffset = buf.position();
                boolean valid = buf.get() == 1;
                int reasonOffset = buf.position();
                int reasonLen = buf.getShort() & 0xFFFF;
                buf.position(reasonOffset + 2 + reasonLen);
                entries.add(new EntryAt(rawOffset, rawLen, validOffset, reasonOffset, valid));
            }
            assertEquals(start + len, buf.position(), "block " + i + " parsed to its end");
            blocks.add(new BlockAt(lengthOffset, headerOffset, sigOffset, chain, height, entries));
        }
        int tips = buf.position();
        assertEquals(b.length, tips + 64, "two tip hashes close the bundle");
        return new Layout(countOffset, blocks, tips);
    }

    private Path withPlain(Consumer<byte[]> change) throws IOException {
        byte[] edited = plain.clone();
        change.accept(edited);
        assertFalse(Arrays.equals(plain, edited), "the change must change something");
        Path out = dir.resolve("edited.bundle");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(edited);
        }
        Files.write(out, bytes.toByteArray());
        return out;
    }

    private static AuditReport audit(Path b) {
        return new Auditor(BlockPreparer.onAllCores()).auditBundle(b, (d, t) -> { }, () -> false);
    }

    /** The audit of a changed bundle must report the change: a finding, or a plain NodeException for a non-bundle. */
    private static AuditReport assertReported(Path b) {
        AuditReport r;
        try {
            r = audit(b);
        } catch (NodeException e) {
            assertTrue(e.getMessage().contains(b.toString()), e.getMessage());
            return null;
        } catch (RuntimeException e) {
            throw new AssertionError("a changed bundle must be reported, not fail with " + e, e);
        }
        assertFalse(r.clean(), () -> "the change was not found:\n" + r.summary());
        return r;
    }

    private static void assertFinding(AuditReport r, ChainId chain, long height, String text) {
        assertTrue(r.findings().stream().anyMatch(f -> f.chain() == chain && f.height() == height && f.what().contains(text)),
                () -> "expected a finding on " + chain + " #" + height + " containing '" + text + "':\n" + r.summary());
    }

    private static BlockAt block(ChainId chain, long height) {
        return layout.blocks().stream().filter(b -> b.chain() == chain && b.height() == height).findFirst().orElseThrow();
    }

    @Test
    void exportedBundleAuditsClean() {
        AuditReport r = audit(bundle);
        assertTrue(r.clean(), r::summary);
        assertEquals(fixture.blockCount, r.blocks());
        assertEquals(fixture.blockCount, layout.blocks().size());
        assertEquals(AuditFixture.audit(fixture.copy(dir, "same.db")).entries(), r.entries());
    }

    @Test
    void bundleAndDatabaseAgreeOnTheAlliance() {
        assertEquals(AuditFixture.audit(fixture.copy(dir, "same.db")).allianceId(), audit(bundle).allianceId());
    }

    @Test
    void changedHeaderByteIsFound() throws IOException {
        BlockAt b = block(ChainId.DATA, 2);
        AuditReport r = assertReported(withPlain(p -> p[b.headerOffset() + 45] ^= 1)); // inside the time field
        assertFinding(r, ChainId.DATA, 2, "BLOCK_BAD_SIGNATURE");
    }

    @Test
    void changedSignatureByteIsFound() throws IOException {
        BlockAt b = block(ChainId.VALUE, 1);
        AuditReport r = assertReported(withPlain(p -> p[b.signatureOffset() + 3] ^= 0x40));
        assertFinding(r, ChainId.VALUE, 1, "BLOCK_BAD_SIGNATURE");
    }

    @Test
    void changedEntryByteIsFound() throws IOException {
        BlockAt b = block(ChainId.VALUE, fixture.transferHeight);
        EntryAt e = b.entries().get(0);
        AuditReport r = assertReported(withPlain(p -> p[e.rawOffset() + e.rawLength() / 3] ^= 0x10));
        assertFinding(r, ChainId.VALUE, fixture.transferHeight, "BLOCK_MERKLE_MISMATCH");
    }

    @Test
    void validEntryClaimedInvalidIsFound() throws IOException {
        BlockAt b = block(ChainId.DATA, 1);
        AuditReport r = assertReported(withPlain(p -> p[b.entries().get(0).validOffset()] = 0));
        assertFinding(r, ChainId.DATA, 1, "entry 0 is stored as invalid");
    }

    @Test
    void invalidEntryClaimedValidIsFound() throws IOException {
        BlockAt b = block(ChainId.DATA, 1);
        EntryAt stale = b.entries().get(fixture.staleIndex);
        assertFalse(stale.valid());
        AuditReport r = assertReported(withPlain(p -> p[stale.validOffset()] = 1));
        assertFinding(r, ChainId.DATA, 1, "entry " + fixture.staleIndex + " is stored as valid");
    }

    @Test
    void validFlagOtherThanZeroOrOneIsReported() throws IOException {
        BlockAt b = block(ChainId.DATA, 1);
        AuditReport r = assertReported(withPlain(p -> p[b.entries().get(0).validOffset()] = 2));
        assertTrue(r == null || r.findings().stream().anyMatch(f -> f.what().contains("bundle.valid")), () -> r.summary());
    }

    @Test
    void changedReasonIsFound() throws IOException {
        BlockAt b = block(ChainId.DATA, 1);
        EntryAt stale = b.entries().get(fixture.staleIndex);
        AuditReport r = assertReported(withPlain(p -> p[stale.reasonOffset() + 4] ^= 0x01));
        assertFinding(r, ChainId.DATA, 1, "entry " + fixture.staleIndex);
    }

    @Test
    void changedTipHashIsFound() throws IOException {
        AuditReport r = assertReported(withPlain(p -> p[layout.tipsOffset() + 40] ^= 1));
        long valueTip = layout.blocks().stream().filter(b -> b.chain() == ChainId.VALUE).mapToLong(BlockAt::height).max().orElseThrow();
        assertFinding(r, ChainId.VALUE, valueTip, "the bundle states tip");
    }

    @Test
    void fewerBlocksThanExportedIsFound() throws IOException {
        assertReported(withPlain(p -> p[(int) layout.countOffset() + 7] -= 1));
    }

    @Test
    void everyBlockLengthChangeIsReported() throws IOException {
        for (BlockAt b : layout.blocks()) {
            assertReported(withPlain(p -> p[b.lengthOffset() + 3] ^= 0x01));
        }
    }

    /** A block length is attacker-controlled: an absurd one must be reported, not kill the audit's reader thread. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void absurdBlockLengthIsReported() throws IOException {
        BlockAt b = block(ChainId.DATA, 1);
        assertReported(withPlain(p -> ByteBuffer.wrap(p).putInt(b.lengthOffset(), Integer.MAX_VALUE)));
    }

    @Test
    void changedMagicIsAPlainError() throws IOException {
        Path b = withPlain(p -> p[5] ^= 0x20);
        try {
            audit(b);
            fail("a file with another magic is no bundle");
        } catch (NodeException e) {
            assertEquals(b + " is not a WaterChain audit bundle", e.getMessage());
        }
    }

    @Test
    void truncatedBundleIsReported() throws IOException {
        byte[] gz = Files.readAllBytes(bundle);
        for (int keep : new int[] {gz.length - 20, gz.length / 2, gz.length / 5, 30}) {
            Path t = dir.resolve("truncated-" + keep + ".bundle");
            Files.write(t, Arrays.copyOf(gz, keep));
            assertReported(t);
        }
    }

    /** gzip ends with CRC-32 and length of the content: a bundle cut there (or with a changed CRC) is damaged. */
    @Test
    void bundleWithoutItsGzipTrailerIsReported() throws IOException {
        byte[] gz = Files.readAllBytes(bundle);
        Path cut = dir.resolve("no-trailer.bundle");
        Files.write(cut, Arrays.copyOf(gz, gz.length - 8));
        assertReported(cut);
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 8] ^= 1;
        Path crc = dir.resolve("bad-crc.bundle");
        Files.write(crc, badCrc);
        assertReported(crc);
    }

    /** Nothing may follow the closing tip hashes: extra data would be unaudited content. */
    @Test
    void dataAfterTheClosingTipsIsReported() throws IOException {
        Path b = dir.resolve("longer.bundle");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(plain);
            gz.write(new byte[] {0, 0, 0, 1, 42});
        }
        Files.write(b, bytes.toByteArray());
        assertReported(b);
    }

    @Test
    void changedCompressedByteIsReported() throws IOException {
        byte[] gz = Files.readAllBytes(bundle);
        for (int pos = 20; pos < gz.length - 12; pos += Math.max(1, gz.length / 12)) {
            byte[] bad = gz.clone();
            bad[pos] ^= 0x08;
            Path t = dir.resolve("flipped-" + pos + ".bundle");
            Files.write(t, bad);
            assertReported(t);
        }
    }

    @Test
    void emptyAndForeignFilesArePlainErrors() throws IOException {
        Path empty = dir.resolve("empty.bundle");
        Files.write(empty, new byte[0]);
        assertReported(empty);
        Path text = dir.resolve("text.bundle");
        Files.writeString(text, "not a bundle");
        assertReported(text);
        Path gzOther = dir.resolve("other.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("hello".getBytes());
        }
        Files.write(gzOther, bytes.toByteArray());
        assertReported(gzOther);
    }
}
