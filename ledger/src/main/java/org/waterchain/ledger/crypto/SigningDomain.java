package org.waterchain.ledger.crypto;

import java.nio.charset.StandardCharsets;

/**
 * Domain separation: each kind of signed message is prefixed with its own tag before signing, so a
 * signature over a sensor record can never be replayed as a signature over a transaction or block.
 */
public enum SigningDomain {
    RECORD("WaterChain/record/v1"),
    TRANSACTION("WaterChain/tx/v1"),
    BLOCK("WaterChain/block/v1");

    private final byte[] prefix;

    SigningDomain(String tag) {
        byte[] t = tag.getBytes(StandardCharsets.US_ASCII);
        prefix = new byte[t.length + 1];
        System.arraycopy(t, 0, prefix, 0, t.length);
        // the trailing zero ends the tag so no tag is a prefix of another message
    }

    public byte[] message(byte[] body) {
        byte[] m = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, m, 0, prefix.length);
        System.arraycopy(body, 0, m, prefix.length, body.length);
        return m;
    }

    public byte[] sign(KeyPair key, byte[] body) {
        return key.sign(message(body));
    }

    public boolean verify(byte[] publicKey, byte[] body, byte[] signature) {
        return Ed25519.verify(publicKey, message(body), signature);
    }
}
