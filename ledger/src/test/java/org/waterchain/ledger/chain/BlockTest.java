package org.waterchain.ledger.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.crypto.Hashes;
import org.waterchain.ledger.crypto.KeyPair;

class BlockTest {
    private final KeyPair proposer = KeyPair.generate();
    private final byte[] prev = Hashes.sha256(new byte[] {7});
    private final List<byte[]> entries = List.of(new byte[] {1, 1, 1}, new byte[] {2}, new byte[0], new byte[300]);

    private static void assertSameHeader(BlockHeader a, BlockHeader b) {
        assertEquals(a.chain(), b.chain());
        assertEquals(a.height(), b.height());
        assertArrayEquals(a.previousHash(), b.previousHash());
        assertEquals(a.timeMs(), b.timeMs());
        assertArrayEquals(a.merkleRoot(), b.merkleRoot());
        assertEquals(a.entryCount(), b.entryCount());
        assertArrayEquals(a.proposerKey(), b.proposerKey());
        assertArrayEquals(a.encode(), b.encode());
    }

    @Test
    void headerRoundTrips() {
        for (ChainId chain : ChainId.values()) {
            BlockHeader h = new BlockHeader(chain, 123_456_789_012L, prev, -5, Hashes.sha256(new byte[] {1}), 17,
                    proposer.publicKey());
            BlockHeader back = BlockHeader.decode(h.encode());
            assertSameHeader(h, back);
            assertArrayEquals(Hashes.sha256(h.encode()), back.hash());
            assertEquals(1 + 1 + 8 + 32 + 8 + 32 + 4 + 32, h.encode().length);
        }
    }

    @Test
    void blockRoundTrips() {
        Block b = Block.seal(ChainId.VALUE, 9, prev, 1_700_000_000_000L, entries, proposer);
        Block back = Block.decode(b.encode());
        assertSameHeader(b.header(), back.header());
        assertArrayEquals(b.signature(), back.signature());
        assertEquals(entries.size(), back.entries().size());
        for (int i = 0; i < entries.size(); i++) {
            assertArrayEquals(entries.get(i), back.entries().get(i));
        }
        assertArrayEquals(b.encode(), back.encode());
        assertTrue(back.signatureValid());
    }

    @Test
    void emptyBlockRoundTripsWithTheEmptyRoot() {
        Block b = Block.seal(ChainId.DATA, 0, new byte[32], 0, List.of(), proposer);
        assertArrayEquals(MerkleTree.EMPTY_ROOT, b.header().merkleRoot());
        assertEquals(0, b.header().entryCount());
        assertArrayEquals(b.encode(), Block.decode(b.encode()).encode());
    }

    @Test
    void sealCommitsToEntriesAndProposer() {
        Block b = Block.seal(ChainId.DATA, 3, prev, 1000, entries, proposer);
        List<byte[]> ids = new ArrayList<>();
        entries.forEach(e -> ids.add(EntryId.of(e)));
        assertArrayEquals(MerkleTree.root(ids), b.header().merkleRoot());
        assertEquals(entries.size(), b.header().entryCount());
        assertArrayEquals(proposer.publicKey(), b.header().proposerKey());
        assertTrue(b.signatureValid());
    }

    @Test
    void signatureFailsAfterAnyHeaderFieldChanges() {
        Block b = Block.seal(ChainId.DATA, 3, prev, 1000, entries, proposer);
        BlockHeader h = b.header();
        List<BlockHeader> altered = List.of(
                new BlockHeader(ChainId.VALUE, h.height(), h.previousHash(), h.timeMs(), h.merkleRoot(), h.entryCount(), h.proposerKey()),
                new BlockHeader(h.chain(), h.height() + 1, h.previousHash(), h.timeMs(), h.merkleRoot(), h.entryCount(), h.proposerKey()),
                new BlockHeader(h.chain(), h.height(), new byte[32], h.timeMs(), h.merkleRoot(), h.entryCount(), h.proposerKey()),
                new BlockHeader(h.chain(), h.height(), h.previousHash(), h.timeMs() + 1, h.merkleRoot(), h.entryCount(), h.proposerKey()),
                new BlockHeader(h.chain(), h.height(), h.previousHash(), h.timeMs(), new byte[32], h.entryCount(), h.proposerKey()),
                new BlockHeader(h.chain(), h.height(), h.previousHash(), h.timeMs(), h.merkleRoot(), h.entryCount() - 1, h.proposerKey()),
                new BlockHeader(h.chain(), h.height(), h.previousHash(), h.timeMs(), h.merkleRoot(), h.entryCount(), KeyPair.generate().publicKey()));
        for (BlockHeader a : altered) {
            assertFalse(new Block(a, b.signature(), entries).signatureValid(), "altered header " + a);
        }
        byte[] sig = b.signature();
        sig[10] ^= 0x20;
        assertFalse(new Block(h, sig, entries).signatureValid(), "altered signature");
    }

    @Test
    void decodeRefusesTrailingBytes() {
        byte[] enc = Block.seal(ChainId.DATA, 3, prev, 1000, entries, proposer).encode();
        byte[] longer = Arrays.copyOf(enc, enc.length + 1);
        DecodeException e = assertThrows(DecodeException.class, () -> Block.decode(longer));
        assertEquals("block: 1 unexpected trailing bytes", e.getMessage());
    }

    @Test
    void decodeRefusesTruncation() {
        byte[] enc = Block.seal(ChainId.DATA, 3, prev, 1000, entries, proposer).encode();
        DecodeException e = assertThrows(DecodeException.class, () -> Block.decode(Arrays.copyOf(enc, enc.length - 1)));
        assertTrue(e.getMessage().startsWith("block.entry[3]"), e.getMessage());
    }

    @Test
    void headerDecodeRefusesUnknownVersionChainAndTrailingBytes() {
        byte[] enc = new BlockHeader(ChainId.DATA, 1, prev, 1, prev, 0, proposer.publicKey()).encode();
        byte[] v2 = enc.clone();
        v2[0] = 2;
        assertEquals("header.version: unsupported 2", assertThrows(DecodeException.class, () -> BlockHeader.decode(v2)).getMessage());
        byte[] chain7 = enc.clone();
        chain7[1] = 7;
        assertEquals("header.chain: unknown chain id 7",
                assertThrows(DecodeException.class, () -> BlockHeader.decode(chain7)).getMessage());
        byte[] longer = Arrays.copyOf(enc, enc.length + 2);
        assertEquals("header: 2 unexpected trailing bytes",
                assertThrows(DecodeException.class, () -> BlockHeader.decode(longer)).getMessage());
        byte[] negative = new CanonicalWriter().u8(1).u8(0).i64(-1).raw(prev).i64(0).raw(prev).u32(0).raw(prev).toByteArray();
        assertThrows(DecodeException.class, () -> BlockHeader.decode(negative));
    }

    @Test
    void headerRefusesBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> new BlockHeader(ChainId.DATA, 0, new byte[31], 0, prev, 0, prev));
        assertThrows(IllegalArgumentException.class, () -> new BlockHeader(ChainId.DATA, -1, prev, 0, prev, 0, prev));
    }
}
