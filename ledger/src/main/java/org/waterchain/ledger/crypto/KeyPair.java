package org.waterchain.ledger.crypto;

import java.util.Arrays;

/** An Ed25519 key pair of a device, member or validator. The secret never leaves this object except to be stored. */
public final class KeyPair {
    private final byte[] secret;
    private final byte[] publicKey;

    private KeyPair(byte[] secret) {
        this.secret = secret.clone();
        this.publicKey = Ed25519.publicKeyOf(this.secret);
    }

    public static KeyPair generate() {
        return new KeyPair(Ed25519.newSecretKey());
    }

    public static KeyPair fromSecret(byte[] secret) {
        return new KeyPair(secret);
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public Address address() {
        return Address.of(publicKey);
    }

    public byte[] sign(byte[] message) {
        return Ed25519.sign(secret, message);
    }

    /** For the keystore only. */
    public byte[] exportSecret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "KeyPair[" + address() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyPair k && Arrays.equals(publicKey, k.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }
}
