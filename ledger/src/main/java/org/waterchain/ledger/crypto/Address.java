package org.waterchain.ledger.crypto;

import java.util.Arrays;

/**
 * An account on the value chain: version byte and the first 20 bytes of SHA-256(public key), written in
 * Base58 with a 4-byte double-SHA-256 checksum, so a mistyped address is refused instead of losing funds.
 * Text form starts with "W" for version 0x49.
 */
public final class Address implements Comparable<Address> {
    public static final int HASH_SIZE = 20;
    private static final byte VERSION = 0x49;

    private final byte[] hash;
    private final String text;

    private Address(byte[] hash) {
        this.hash = hash;
        this.text = encode(hash);
    }

    public static Address of(byte[] publicKey) {
        if (publicKey == null || publicKey.length != Ed25519.PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("an address is made from a 32-byte Ed25519 public key");
        }
        return new Address(Arrays.copyOf(Hashes.sha256(publicKey), HASH_SIZE));
    }

    public static Address fromHash(byte[] hash) {
        if (hash.length != HASH_SIZE) {
            throw new IllegalArgumentException("address hash must be " + HASH_SIZE + " bytes");
        }
        return new Address(hash.clone());
    }

    /** Parses the text form; the message says whether the text is malformed or only mistyped. */
    public static Address parse(String text) {
        byte[] raw;
        try {
            raw = Base58.decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an address: " + e.getMessage(), e);
        }
        if (raw.length != 1 + HASH_SIZE + 4 || raw[0] != VERSION) {
            throw new IllegalArgumentException("'" + text + "' is not a WaterChain address");
        }
        byte[] body = Arrays.copyOf(raw, 1 + HASH_SIZE);
        if (!Arrays.equals(checksum(body), Arrays.copyOfRange(raw, 1 + HASH_SIZE, raw.length))) {
            throw new IllegalArgumentException("'" + text + "' has a wrong checksum: mistyped address?");
        }
        return new Address(Arrays.copyOfRange(raw, 1, 1 + HASH_SIZE));
    }

    public byte[] hash() {
        return hash.clone();
    }

    private static String encode(byte[] hash) {
        byte[] body = new byte[1 + HASH_SIZE];
        body[0] = VERSION;
        System.arraycopy(hash, 0, body, 1, HASH_SIZE);
        byte[] full = Arrays.copyOf(body, body.length + 4);
        System.arraycopy(checksum(body), 0, full, body.length, 4);
        return Base58.encode(full);
    }

    private static byte[] checksum(byte[] body) {
        return Arrays.copyOf(Hashes.sha256(Hashes.sha256(body)), 4);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && Arrays.equals(hash, a.hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public int compareTo(Address o) {
        return Arrays.compareUnsigned(hash, o.hash);
    }
}
