package org.waterchain.ledger.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.chain.LedgerEntry;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.AddMember;
import org.waterchain.ledger.registry.RegistryAction.GrantLicence;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RegisterFactory;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;
import org.waterchain.ledger.registry.RegistryAction.RetireDevice;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.ValueEntry;

class RegistryActionTest {
    private static final KeyPair KEY = KeyPair.generate();

    static Stream<RegistryAction> everyVariant() {
        return Stream.of(
                new AddMember(KEY.publicKey(), "Water Resources Department", Role.bits(EnumSet.of(Role.REGULATOR, Role.VALIDATOR))),
                new RegisterStation("R04", "Branch 3 head gate, 水門", StationKind.HEAVY_METAL, new GeoPoint(121.241, 24.905),
                        KEY.address()),
                new RegisterDevice("R04-A", "R04", KEY.publicKey(), true, "WaterChain node v1"),
                new RegisterDevice("R04-B", "R04", KeyPair.generate().publicKey(), false, ""),
                new RetireDevice("R04-A"),
                new RegisterFactory("F-PCB-01", "Dayuan circuit boards", "PCB manufacturing", new GeoPoint(-180, 90),
                        List.of("CU", "NI"), 800.5, "R10", KEY.address()),
                new RegisterFactory("F-EMPTY", "n", "i", new GeoPoint(0, 0), List.of(), 0, "J1", KEY.address()),
                new AddChannel("C1", "San-Kuai-Tsuo branch C1", "R04", "R06", 1834.25,
                        List.of(new GeoPoint(121.241, 24.905), new GeoPoint(121.227, 24.917), new GeoPoint(121.22, 24.92))),
                new AddChannel("C2", "no geometry", "J1", "R10", 1, List.of()),
                new SetStandard("EC", Double.NaN, 750, 0.8),
                new SetStandard("DO", 3.0, Double.NaN, 0.8),
                new SetStandard("PH", 6.0, 9.0, 1.0),
                new GrantLicence(Asset.POLLUTION_ANY, KEY.address()),
                new GrantLicence(Asset.DROP, KEY.address()));
    }

    /** Records holding byte[] compare arrays by reference: compare class, kind, key and canonical bytes. */
    private static void assertSameAction(RegistryAction a, RegistryAction b) {
        assertSame(a.getClass(), b.getClass());
        assertEquals(a.code(), b.code());
        assertEquals(a.kind(), b.kind());
        assertEquals(a.key(), b.key());
        assertArrayEquals(RegistryAction.encodeFields(a), RegistryAction.encodeFields(b));
        if (!(a instanceof AddMember) && !(a instanceof RegisterDevice)) {
            assertEquals(a, b);
        }
    }

    @ParameterizedTest
    @MethodSource("everyVariant")
    void encodeDecodeRoundTrip(RegistryAction a) {
        byte[] body = RegistryAction.encode(a, 1234567);
        RegistryAction back = RegistryAction.decode(body);
        assertSameAction(a, back);
        assertArrayEquals(body, RegistryAction.encode(back, 1234567));
    }

    @ParameterizedTest
    @MethodSource("everyVariant")
    void encodeFieldsDecodeFieldsRoundTrip(RegistryAction a) {
        byte[] fields = RegistryAction.encodeFields(a);
        assertEquals(a.code(), fields[0]);
        RegistryAction back = RegistryAction.decodeFields(fields);
        assertSameAction(a, back);
        assertArrayEquals(fields, RegistryAction.encodeFields(back));
    }

    @ParameterizedTest
    @MethodSource("everyVariant")
    void signedAsAValueEntryItRoundTripsAndVerifies(RegistryAction a) {
        ValueEntry e = ValueEntry.signed(a, 5, KEY);
        assertFalse(e.isTransfer());
        ValueEntry back = (ValueEntry) LedgerEntry.decode(ChainId.VALUE, e.encode());
        assertTrue(back.witnessesValid());
        assertSameAction(a, back.registryAction());
    }

    @ParameterizedTest
    @MethodSource("everyVariant")
    void trailingBytesAreRefused(RegistryAction a) {
        byte[] body = RegistryAction.encode(a, 1);
        DecodeException e = assertThrows(DecodeException.class, () -> RegistryAction.decode(Arrays.copyOf(body, body.length + 1)));
        assertEquals("registry action: 1 unexpected trailing bytes", e.getMessage());
        byte[] fields = RegistryAction.encodeFields(a);
        DecodeException f = assertThrows(DecodeException.class, () -> RegistryAction.decodeFields(Arrays.copyOf(fields, fields.length + 1)));
        assertEquals("registry fields: 1 unexpected trailing bytes", f.getMessage());
    }

    @Test
    void nonceIsPartOfTheBodyButNotOfTheFields() {
        RegistryAction a = new RetireDevice("R04-A");
        assertFalse(Arrays.equals(RegistryAction.encode(a, 1), RegistryAction.encode(a, 2)));
        assertEquals("01" + "0000000000000001" + "04" + "0005" + "5230342d41",
                org.waterchain.ledger.crypto.Hex.of(RegistryAction.encode(a, 1)), "version, nonce, action code, device id");
        assertArrayEquals(RegistryAction.encodeFields(a), Arrays.copyOfRange(RegistryAction.encode(a, 1), 9, RegistryAction.encode(a, 1).length));
    }

    @Test
    void unknownCodesAndVersionsAreRefused() {
        assertEquals("registry.action: unknown action 99",
                assertThrows(DecodeException.class, () -> RegistryAction.decodeFields(new byte[] {99})).getMessage());
        byte[] v2 = RegistryAction.encode(new RetireDevice("X"), 0);
        v2[0] = 2;
        assertEquals("registry.version: unsupported 2", assertThrows(DecodeException.class, () -> RegistryAction.decode(v2)).getMessage());
        byte[] badKind = new CanonicalWriter().u8(2).text("R04").text("n").u8(9).f64(0).f64(0).raw(new byte[20]).toByteArray();
        assertEquals("station.kind: unknown 9", assertThrows(DecodeException.class, () -> RegistryAction.decodeFields(badKind)).getMessage());
        byte[] badPoint = new CanonicalWriter().u8(2).text("R04").text("n").u8(0).f64(200).f64(0).raw(new byte[20]).toByteArray();
        DecodeException e = assertThrows(DecodeException.class, () -> RegistryAction.decodeFields(badPoint));
        assertTrue(e.getMessage().startsWith("registry action 2: coordinates out of range"), e.getMessage());
        byte[] badBool = new CanonicalWriter().u8(3).text("D").text("S").raw(new byte[32]).u8(2).text("m").toByteArray();
        assertEquals("device.gateway: boolean must be 0 or 1, got 2",
                assertThrows(DecodeException.class, () -> RegistryAction.decodeFields(badBool)).getMessage());
    }

    @Test
    void rolesAreABitSet() {
        int bits = Role.bits(EnumSet.of(Role.PLANT, Role.AUDITOR));
        assertEquals(EnumSet.of(Role.PLANT, Role.AUDITOR), Role.of(bits));
        AddMember m = new AddMember(KEY.publicKey(), "x", bits);
        assertTrue(m.has(Role.PLANT));
        assertFalse(m.has(Role.REGULATOR));
        assertEquals(KEY.address(), m.address());
    }
}
