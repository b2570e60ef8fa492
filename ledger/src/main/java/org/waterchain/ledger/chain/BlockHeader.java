package org.waterchain.ledger.chain;

import org.waterchain.ledger.codec.CanonicalReader;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.crypto.Hashes;

/**
 * A block header. Its hash is SHA-256 of this encoding; the proposer signs that hash. Height counts
 * blocks of this chain from genesis at 0; it is never the Raft index, which Ratis shares with its own entries.
 */
public record BlockHeader(ChainId chain, long height, byte[] previousHash, long timeMs, byte[] merkleRoot,
                          int entryCount, byte[] proposerKey) {
    public static final int VERSION = 1;

    public BlockHeader {
        previousHash = previousHash.clone();
        merkleRoot = merkleRoot.clone();
        proposerKey = proposerKey.clone();
        if (previousHash.length != 32 || merkleRoot.length != 32 || proposerKey.length != 32) {
            throw new IllegalArgumentException("header hashes and keys are 32 bytes");
        }
        if (height < 0 || entryCount < 0) {
            throw new IllegalArgumentException("negative height or entry count");
        }
    }

    public byte[] encode() {
        return new CanonicalWriter(128).u8(VERSION).u8(chain.code()).i64(height).raw(previousHash).i64(timeMs)
                .raw(merkleRoot).u32(entryCount).raw(proposerKey).toByteArray();
    }

    public byte[] hash() {
        return Hashes.sha256(encode());
    }

    public static BlockHeader decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes);
        int version = r.u8("header.version");
        if (version != VERSION) {
            throw new DecodeException("header.version: unsupported " + version);
        }
        ChainId chain;
        try {
            chain = ChainId.of(r.u8("header.chain"));
        } catch (IllegalArgumentException e) {
            throw new DecodeException("header.chain: " + e.getMessage());
        }
        long height = r.i64("header.height");
        byte[] prev = r.raw(32, "header.previousHash");
        long time = r.i64("header.time");
        byte[] root = r.raw(32, "header.merkleRoot");
        long count = r.u32("header.entryCount");
        byte[] proposer = r.raw(32, "header.proposer");
        r.expectEnd("header");
        if (height < 0 || count > Integer.MAX_VALUE) {
            throw new DecodeException("header: height or entry count out of range");
        }
        return new BlockHeader(chain, height, prev, time, root, (int) count, proposer);
    }
}
