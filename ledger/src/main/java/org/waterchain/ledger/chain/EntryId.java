package org.waterchain.ledger.chain;

import org.waterchain.ledger.crypto.Hashes;

/** Ids of entries: SHA-256 over a 0x00 byte and the entry's encoding; that is also its Merkle leaf. */
public final class EntryId {
    static final byte LEAF = 0x00;
    static final byte NODE = 0x01;

    private EntryId() {}

    public static byte[] of(byte[] encodedEntry) {
        return Hashes.sha256(LEAF, encodedEntry);
    }
}
