package org.waterchain.ledger.chain;

import java.util.ArrayList;
import java.util.List;
import org.waterchain.ledger.codec.CanonicalReader;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.crypto.SigningDomain;

/**
 * A signed block as proposed for ordering and as stored: header, the proposer's signature over the header
 * hash, and the entries' encodings. Entries stay encoded here; each replica decodes and validates them.
 */
public record Block(BlockHeader header, byte[] signature, List<byte[]> entries) {
    public Block {
        signature = signature.clone();
        entries = List.copyOf(entries);
    }

    public static Block seal(ChainId chain, long height, byte[] previousHash, long timeMs, List<byte[]> entries,
                             KeyPair proposer) {
        List<byte[]> ids = new ArrayList<>(entries.size());
        for (byte[] e : entries) {
            ids.add(EntryId.of(e));
        }
        BlockHeader h = new BlockHeader(chain, height, previousHash, timeMs, MerkleTree.root(ids), entries.size(),
                proposer.publicKey());
        return new Block(h, SigningDomain.BLOCK.sign(proposer, h.hash()), entries);
    }

    public boolean signatureValid() {
        return SigningDomain.BLOCK.verify(header.proposerKey(), header.hash(), signature);
    }

    public byte[] encode() {
        byte[] h = header.encode();
        int size = h.length + 80;
        for (byte[] e : entries) {
            size += e.length + 4;
        }
        CanonicalWriter w = new CanonicalWriter(size).bytes16(h).raw(signature).u32(entries.size());
        for (byte[] e : entries) {
            w.bytes32(e);
        }
        return w.toByteArray();
    }

    public static Block decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes);
        BlockHeader h = BlockHeader.decode(r.bytes16("block.header"));
        byte[] sig = r.raw(64, "block.signature");
        long n = r.u32("block.entryCount");
        List<byte[]> entries = new ArrayList<>((int) Math.min(n, 1 << 16));
        for (long i = 0; i < n; i++) {
            entries.add(r.bytes32("block.entry[" + i + "]"));
        }
        r.expectEnd("block");
        return new Block(h, sig, entries);
    }
}
