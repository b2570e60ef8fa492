package org.waterchain.ledger.crypto;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ed25519 signatures (RFC 8032, pure) through BouncyCastle's low-level API. The JDK's own provider is
 * several times slower, and verification dominates both ingest and audit.
 */
public final class Ed25519 {
    public static final int PUBLIC_KEY_SIZE = 32;
    public static final int SECRET_KEY_SIZE = 32;
    public static final int SIGNATURE_SIZE = 64;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_CACHED_KEYS = 65_536;
    /**
     * Decoded public points of recent signers. A device signs thousands of records with one key, and decoding
     * the point (a field square root) is a tenth of each verification. Invalid keys are never cached.
     */
    private static final ConcurrentHashMap<ByteBuffer, org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint> POINTS =
            new ConcurrentHashMap<>();

    static {
        org.bouncycastle.math.ec.rfc8032.Ed25519.precompute();
    }

    private Ed25519() {}

    public static byte[] newSecretKey() {
        byte[] sk = new byte[SECRET_KEY_SIZE];
        RANDOM.nextBytes(sk);
        return sk;
    }

    public static byte[] publicKeyOf(byte[] secretKey) {
        checkLength(secretKey, SECRET_KEY_SIZE, "secret key");
        byte[] pk = new byte[PUBLIC_KEY_SIZE];
        org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(secretKey, 0, pk, 0);
        return pk;
    }

    public static byte[] sign(byte[] secretKey, byte[] message) {
        checkLength(secretKey, SECRET_KEY_SIZE, "secret key");
        byte[] sig = new byte[SIGNATURE_SIZE];
        org.bouncycastle.math.ec.rfc8032.Ed25519.sign(secretKey, 0, message, 0, message.length, sig, 0);
        return sig;
    }

    /** False for any malformed key or signature; never throws on attacker-controlled input. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || signature == null || message == null
                || publicKey.length != PUBLIC_KEY_SIZE || signature.length != SIGNATURE_SIZE) {
            return false;
        }
        ByteBuffer key = ByteBuffer.wrap(publicKey);
        var point = POINTS.get(key);
        if (point == null) {
            point = org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartialExport(publicKey, 0);
            if (point == null) {
                return false;
            }
            if (POINTS.size() >= MAX_CACHED_KEYS) {
                POINTS.clear(); // crude but bounded; the working set of an alliance is far smaller
            }
            POINTS.put(ByteBuffer.wrap(publicKey.clone()), point);
        }
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, point, message, 0, message.length);
    }

    /** Plain verification without the key cache: the benchmarks' reference ceiling. */
    public static boolean verifyUncached(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || signature == null || message == null
                || publicKey.length != PUBLIC_KEY_SIZE || signature.length != SIGNATURE_SIZE) {
            return false;
        }
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    }

    private static void checkLength(byte[] b, int len, String what) {
        if (b == null || b.length != len) {
            throw new IllegalArgumentException(what + " must be " + len + " bytes");
        }
    }
}
