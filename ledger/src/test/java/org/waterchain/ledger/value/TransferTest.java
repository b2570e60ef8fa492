package org.waterchain.ledger.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.chain.LedgerEntry;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.crypto.Ed25519;
import org.waterchain.ledger.crypto.Hashes;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.record.Quantity;

class TransferTest {
    private final KeyPair alice = KeyPair.generate();
    private final KeyPair bob = KeyPair.generate();

    private Transfer sample() {
        return new Transfer(
                List.of(new OutPoint(Hashes.sha256(new byte[] {1}), 0), new OutPoint(Hashes.sha256(new byte[] {2}), 65535)),
                List.of(new Output(Asset.DROP, 700, alice.address()), new Output(Asset.ALLOWANCE, Long.MAX_VALUE, bob.address()),
                        new Output(Asset.pollution(Quantity.CU), 1, bob.address())),
                "EC 812 at 2024-01-01T10:00".getBytes(StandardCharsets.UTF_8), -42);
    }

    private static void assertSameTransfer(Transfer a, Transfer b) {
        assertEquals(a.inputs(), b.inputs());
        assertEquals(a.outputs(), b.outputs());
        assertArrayEquals(a.memo(), b.memo());
        assertEquals(a.nonce(), b.nonce());
        assertArrayEquals(a.encode(), b.encode());
    }

    @Test
    void transferRoundTrips() {
        Transfer t = sample();
        assertSameTransfer(t, Transfer.decode(t.encode()));
    }

    @Test
    void mintWithoutInputsAndEmptyMemoRoundTrips() {
        Transfer t = new Transfer(List.of(), List.of(new Output(Asset.DROP, 5, alice.address())), new byte[0], 0);
        assertSameTransfer(t, Transfer.decode(t.encode()));
    }

    @Test
    void decodeRefusesNonPositiveAmountsNoOutputsAndTrailingBytes() {
        byte[] zero = new CanonicalWriter().u8(1).u8(0).u8(1).text(Asset.DROP).i64(0).raw(alice.address().hash())
                .bytes16(new byte[0]).i64(0).toByteArray();
        assertEquals("transfer.output[0].amount: must be positive, got 0",
                assertThrows(DecodeException.class, () -> Transfer.decode(zero)).getMessage());
        byte[] none = new CanonicalWriter().u8(1).u8(0).u8(0).bytes16(new byte[0]).i64(0).toByteArray();
        assertEquals("transfer: no outputs", assertThrows(DecodeException.class, () -> Transfer.decode(none)).getMessage());
        byte[] enc = sample().encode();
        assertEquals("transfer: 1 unexpected trailing bytes",
                assertThrows(DecodeException.class, () -> Transfer.decode(Arrays.copyOf(enc, enc.length + 1))).getMessage());
        byte[] v9 = enc.clone();
        v9[0] = 9;
        assertEquals("transfer.version: unsupported 9", assertThrows(DecodeException.class, () -> Transfer.decode(v9)).getMessage());
    }

    @Test
    void constructorRefusesEmptyOutputsAndNonPositiveAmounts() {
        assertThrows(IllegalArgumentException.class, () -> new Transfer(List.of(), List.of(), new byte[0], 0));
        assertThrows(IllegalArgumentException.class, () -> new Output(Asset.DROP, 0, alice.address()));
        assertThrows(IllegalArgumentException.class, () -> new Output(Asset.DROP, -1, alice.address()));
    }

    @Test
    void valueEntryWitnessesVerify() {
        Transfer t = sample();
        ValueEntry e = ValueEntry.signed(t, alice, bob);
        assertTrue(e.isTransfer());
        assertTrue(e.witnessesValid());
        assertEquals(List.of(alice.address(), bob.address()), e.witnesses().stream().map(Witness::address).toList());
        ValueEntry back = (ValueEntry) LedgerEntry.decode(ChainId.VALUE, e.encode());
        assertArrayEquals(e.encode(), back.encode());
        assertTrue(back.witnessesValid());
        assertSameTransfer(t, back.transfer());
        assertArrayEquals(e.id(), back.id());
    }

    @Test
    void witnessesSignInTheTransactionDomain() {
        ValueEntry e = ValueEntry.signed(sample(), alice);
        Witness w = e.witnesses().get(0);
        assertFalse(Ed25519.verify(w.publicKey(), e.body(), w.signature()), "a bare signature of the body would be replayable");
    }

    @Test
    void changedBodyOrForeignWitnessFailsVerification() {
        ValueEntry e = ValueEntry.signed(sample(), alice);
        byte[] body = e.body();
        body[body.length - 1] ^= 1;
        assertFalse(new ValueEntry(e.type(), body, e.witnesses()).witnessesValid());
        Witness stolen = new Witness(bob.publicKey(), e.witnesses().get(0).signature());
        assertFalse(new ValueEntry(e.type(), e.body(), List.of(stolen)).witnessesValid());
        Witness bobsOtherSignature = ValueEntry.signed(new Transfer(List.of(), sample().outputs(), new byte[0], 1), bob)
                .witnesses().get(0);
        assertFalse(new ValueEntry(e.type(), e.body(), List.of(e.witnesses().get(0), bobsOtherSignature)).witnessesValid(),
                "one bad witness among good ones");
        assertTrue(ValueEntry.signed(sample(), new KeyPair[0]).witnessesValid(), "no witnesses: nothing fails to verify");
    }

    @Test
    void valueEntryDecodeIsStrict() {
        byte[] enc = ValueEntry.signed(sample(), alice).encode();
        assertEquals("value entry: 1 unexpected trailing bytes",
                assertThrows(DecodeException.class, () -> ValueEntry.decode(Arrays.copyOf(enc, enc.length + 1))).getMessage());
        byte[] tooMany = new CanonicalWriter().u8(LedgerEntry.TYPE_TRANSFER).bytes16(new byte[1]).u8(17).toByteArray();
        assertEquals("entry.witnessCount: 17 exceeds 16",
                assertThrows(DecodeException.class, () -> ValueEntry.decode(tooMany)).getMessage());
        assertThrows(DecodeException.class, () -> LedgerEntry.decode(ChainId.DATA, enc));
        assertThrows(DecodeException.class, () -> LedgerEntry.decode(ChainId.VALUE, new byte[0]));
    }

    @Test
    void assetNames() {
        assertNull(Asset.problemWith("DROP"));
        assertNull(Asset.problemWith("ALLOWANCE"));
        assertNull(Asset.problemWith("POLLUTION:CU"));
        assertEquals("unknown pollution quantity 'cu'", Asset.problemWith("POLLUTION:cu"));
        assertEquals("unknown pollution quantity 'XX'", Asset.problemWith("POLLUTION:XX"));
        assertEquals("unknown asset 'GOLD'", Asset.problemWith("GOLD"));
        assertTrue(Asset.licenceCovers(Asset.POLLUTION_ANY, "POLLUTION:PB"));
        assertFalse(Asset.licenceCovers(Asset.POLLUTION_ANY, Asset.DROP));
        assertFalse(Asset.licenceCovers(Asset.DROP, Asset.ALLOWANCE));
    }
}
