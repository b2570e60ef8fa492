package org.waterchain.ledger.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 through the JDK, whose intrinsic uses the CPU's SHA extensions where present. */
public final class Hashes {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    });

    private Hashes() {}

    public static byte[] sha256(byte[] data) {
        return sha256(data, 0, data.length);
    }

    public static byte[] sha256(byte[] data, int off, int len) {
        MessageDigest md = SHA256.get();
        md.reset();
        md.update(data, off, len);
        return md.digest();
    }

    /** Hash of a prefix byte followed by the parts; the prefix keeps hashes of different kinds apart. */
    public static byte[] sha256(byte prefix, byte[]... parts) {
        MessageDigest md = SHA256.get();
        md.reset();
        md.update(prefix);
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }
}
