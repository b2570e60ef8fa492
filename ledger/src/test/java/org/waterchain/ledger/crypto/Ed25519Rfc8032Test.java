package org.waterchain.ledger.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The BouncyCastle-backed signer against RFC 8032, section 7.1, TEST 1 to TEST 3. */
class Ed25519Rfc8032Test {
    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("TEST 1",
                        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                        "",
                        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
                Arguments.of("TEST 2",
                        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
                        "72",
                        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
                Arguments.of("TEST 3",
                        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
                        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
                        "af82",
                        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void publicKeyFromSecret(String name, String sk, String pk, String msg, String sig) {
        assertEquals(pk, Hex.of(Ed25519.publicKeyOf(Hex.parse(sk))));
        assertEquals(pk, Hex.of(KeyPair.fromSecret(Hex.parse(sk)).publicKey()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signatureIsExactlyTheRfcOne(String name, String sk, String pk, String msg, String sig) {
        assertEquals(sig, Hex.of(Ed25519.sign(Hex.parse(sk), Hex.parse(msg))));
        assertEquals(sig, Hex.of(KeyPair.fromSecret(Hex.parse(sk)).sign(Hex.parse(msg))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rfcSignatureVerifies(String name, String sk, String pk, String msg, String sig) {
        assertTrue(Ed25519.verify(Hex.parse(pk), Hex.parse(msg), Hex.parse(sig)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void anyFlippedBitFails(String name, String sk, String pk, String msg, String sig) {
        byte[] key = Hex.parse(pk);
        byte[] m = Hex.parse(msg);
        byte[] s = Hex.parse(sig);
        for (int bit = 0; bit < s.length * 8; bit += 7) {
            byte[] bad = s.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(Ed25519.verify(key, m, bad), "signature bit " + bit);
        }
        for (int bit = 0; bit < key.length * 8; bit += 11) {
            byte[] bad = key.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(Ed25519.verify(bad, m, s), "key bit " + bit);
        }
        byte[] longer = Arrays.copyOf(m, m.length + 1);
        assertFalse(Ed25519.verify(key, longer, s), "message with one more byte");
        if (m.length > 0) {
            byte[] bad = m.clone();
            bad[0] ^= 1;
            assertFalse(Ed25519.verify(key, bad, s), "message bit");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void wrongLengthsAreFalseWithoutThrowing(String name, String sk, String pk, String msg, String sig) {
        byte[] key = Hex.parse(pk);
        byte[] m = Hex.parse(msg);
        byte[] s = Hex.parse(sig);
        assertFalse(Ed25519.verify(Arrays.copyOf(key, 31), m, s));
        assertFalse(Ed25519.verify(Arrays.copyOf(key, 33), m, s));
        assertFalse(Ed25519.verify(new byte[0], m, s));
        assertFalse(Ed25519.verify(key, m, Arrays.copyOf(s, 63)));
        assertFalse(Ed25519.verify(key, m, Arrays.copyOf(s, 65)));
        assertFalse(Ed25519.verify(key, m, new byte[0]));
        assertFalse(Ed25519.verify(null, m, s));
        assertFalse(Ed25519.verify(key, null, s));
        assertFalse(Ed25519.verify(key, m, null));
    }

    /** S + L is the same point equation but not canonical: accepting it would make transaction ids malleable. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void nonCanonicalScalarIsRefused(String name, String sk, String pk, String msg, String sig) {
        BigInteger l = BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
        byte[] s = Hex.parse(sig);
        byte[] scalarLe = Arrays.copyOfRange(s, 32, 64);
        byte[] be = reverse(scalarLe);
        byte[] sum = new BigInteger(1, be).add(l).toByteArray();
        byte[] sum32 = new byte[32];
        System.arraycopy(sum, Math.max(0, sum.length - 32), sum32, 32 - Math.min(32, sum.length), Math.min(32, sum.length));
        byte[] malleated = s.clone();
        System.arraycopy(reverse(sum32), 0, malleated, 32, 32);
        assertFalse(Ed25519.verify(Hex.parse(pk), Hex.parse(msg), malleated));
    }

    @Test
    void signingWithAWrongLengthSecretThrows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ed25519.sign(new byte[31], new byte[0]));
        assertEquals("secret key must be 32 bytes", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ed25519.publicKeyOf(new byte[64]));
    }

    @Test
    void generatedKeysSignAndVerify() {
        KeyPair k = KeyPair.generate();
        byte[] m = "hello".getBytes();
        assertTrue(Ed25519.verify(k.publicKey(), m, k.sign(m)));
        assertArrayEquals(k.publicKey(), KeyPair.fromSecret(k.exportSecret()).publicKey());
        assertFalse(Arrays.equals(k.publicKey(), KeyPair.generate().publicKey()));
    }

    private static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }
}
