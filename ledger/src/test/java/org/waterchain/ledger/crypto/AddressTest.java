package org.waterchain.ledger.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    @Test
    void parseOfTextFormGivesBackTheSameAddress() {
        for (int i = 0; i < 50; i++) {
            Address a = KeyPair.generate().address();
            Address back = Address.parse(a.toString());
            assertEquals(a, back);
            assertEquals(a.toString(), back.toString());
            assertEquals(0, a.compareTo(back));
            assertTrue(a.toString().startsWith("W"), a.toString());
        }
    }

    @Test
    void addressIsTheFirst20BytesOfSha256OfTheKey() {
        byte[] pk = Hex.parse("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        Address a = Address.of(pk);
        assertEquals(Hex.of(Hashes.sha256(pk)).substring(0, 40), Hex.of(a.hash()));
        assertEquals(a, Address.fromHash(a.hash()));
        assertEquals(a, Address.parse("  " + a + "\n"), "surrounding blanks are tolerated");
    }

    @Test
    void oneCharacterTypoIsRefusedAsAChecksumMismatch() {
        String text = KeyPair.generate().address().toString();
        int pos = text.length() / 2;
        char c = text.charAt(pos);
        char typo = ALPHABET.charAt((ALPHABET.indexOf(c) + 1) % ALPHABET.length());
        String mistyped = text.substring(0, pos) + typo + text.substring(pos + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Address.parse(mistyped));
        assertTrue(e.getMessage().contains("wrong checksum"), e.getMessage());
        assertTrue(e.getMessage().contains("mistyped"), e.getMessage());
        assertTrue(e.getMessage().contains(mistyped), e.getMessage());
    }

    @Test
    void everySingleCharacterSubstitutionIsRefused() {
        String text = KeyPair.generate().address().toString();
        for (int pos = 0; pos < text.length(); pos++) {
            for (int k = 1; k < ALPHABET.length(); k += 5) {
                char typo = ALPHABET.charAt((ALPHABET.indexOf(text.charAt(pos)) + k) % ALPHABET.length());
                String mistyped = text.substring(0, pos) + typo + text.substring(pos + 1);
                assertThrows(IllegalArgumentException.class, () -> Address.parse(mistyped), mistyped);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(chars = {'0', 'O', 'I', 'l', '+', ' '})
    void nonBase58CharacterIsNamed(char bad) {
        String text = KeyPair.generate().address().toString();
        String wrong = text.substring(0, 5) + bad + text.substring(6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Address.parse(wrong));
        assertTrue(e.getMessage().contains("character '" + bad + "' at position 6 is not Base58"), e.getMessage());
    }

    @Test
    void otherBase58TextIsNotAnAddress() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Address.parse("1111"));
        assertTrue(e.getMessage().contains("is not a WaterChain address"), e.getMessage());
        String text = KeyPair.generate().address().toString();
        assertThrows(IllegalArgumentException.class, () -> Address.parse(text.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> Address.parse(text + "1"));
        assertThrows(IllegalArgumentException.class, () -> Address.parse(""));
    }

    @Test
    void keysOfTheWrongSizeMakeNoAddress() {
        assertThrows(IllegalArgumentException.class, () -> Address.of(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> Address.of(null));
        assertThrows(IllegalArgumentException.class, () -> Address.fromHash(new byte[32]));
        assertNotEquals(KeyPair.generate().address(), KeyPair.generate().address());
    }
}
