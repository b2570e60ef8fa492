package org.waterchain.ledger.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SigningDomainTest {
    private final KeyPair key = KeyPair.generate();
    private final byte[] body = "the same body bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void recordSignatureDoesNotVerifyAsTransactionOrBlock() {
        byte[] sig = SigningDomain.RECORD.sign(key, body);
        assertTrue(SigningDomain.RECORD.verify(key.publicKey(), body, sig));
        assertFalse(SigningDomain.TRANSACTION.verify(key.publicKey(), body, sig));
        assertFalse(SigningDomain.BLOCK.verify(key.publicKey(), body, sig));
    }

    @Test
    void eachDomainOnlyVerifiesItsOwnSignatures() {
        for (SigningDomain signed : SigningDomain.values()) {
            byte[] sig = signed.sign(key, body);
            for (SigningDomain checked : SigningDomain.values()) {
                assertTrue(checked.verify(key.publicKey(), body, sig) == (checked == signed), signed + " as " + checked);
            }
            assertFalse(Ed25519.verify(key.publicKey(), body, sig), "a domain signature is not a bare signature");
        }
    }

    @Test
    void messageIsTheTagAZeroByteAndTheBody() {
        byte[] m = SigningDomain.TRANSACTION.message(body);
        byte[] tag = "WaterChain/tx/v1".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(tag, Arrays.copyOf(m, tag.length));
        assertTrue(m[tag.length] == 0);
        assertArrayEquals(body, Arrays.copyOfRange(m, tag.length + 1, m.length));
        assertTrue(Ed25519.verify(key.publicKey(), m, SigningDomain.TRANSACTION.sign(key, body)));
    }

    @Test
    void signatureByAnotherKeyDoesNotVerify() {
        byte[] sig = SigningDomain.RECORD.sign(KeyPair.generate(), body);
        assertFalse(SigningDomain.RECORD.verify(key.publicKey(), body, sig));
    }
}
