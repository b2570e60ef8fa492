package org.waterchain.ledger.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.ledger.chain.ChainId.DATA;
import static org.waterchain.ledger.chain.ChainId.VALUE;
import static org.waterchain.ledger.testkit.TestLedger.T0;
import static org.waterchain.ledger.testkit.TestLedger.recordEntry;
import static org.waterchain.ledger.testkit.TestLedger.sensorRecord;
import static org.waterchain.ledger.validation.Violation.Code.*;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.crypto.SigningDomain;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.AddMember;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RegisterFactory;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;
import org.waterchain.ledger.registry.RegistryAction.RetireDevice;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;
import org.waterchain.ledger.registry.Role;
import org.waterchain.ledger.registry.StationKind;
import org.waterchain.ledger.testkit.TestLedger;
import org.waterchain.ledger.value.ValueEntry;
import org.waterchain.ledger.value.Witness;

/** Who may change the registry and what a change must satisfy, one rule per test, on a real ledger. */
class RegistryRulesTest {
    @TempDir
    Path dir;
    TestLedger ledger;

    @BeforeEach
    void open() {
        ledger = TestLedger.create(dir);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private static RegisterStation station(String id, KeyPair operator) {
        return new RegisterStation(id, "Test station " + id, StationKind.REGULAR, new GeoPoint(121.2, 24.9), operator.address());
    }

    private boolean deviceRegistered(String id) {
        return ledger.queries().registry("device", true).stream().anyMatch(a -> ((RegisterDevice) a).deviceId().equals(id));
    }

    @Test
    void regulatorMayRegisterAStation() {
        ledger.appendValid(VALUE, ledger.registry(station("X01", ledger.member("plant"))));
        assertTrue(ledger.queries().registry("station", true).stream().anyMatch(a -> a.key().equals("X01")));
    }

    @Test
    void registryChangeByANonMemberIsRefused() {
        KeyPair stranger = KeyPair.generate();
        String reason = ledger.assertRefused(VALUE, ledger.registry(station("X01", stranger), stranger), NOT_MEMBER);
        assertEquals("NOT_MEMBER: registry change by " + stranger.address() + ", who is not an alliance member", reason);
    }

    @Test
    void industryMemberMayNotRegisterAStation() {
        KeyPair factory = ledger.member("factory-pcb");
        String reason = ledger.assertRefused(VALUE, ledger.registry(station("X01", factory), factory), NOT_PERMITTED);
        assertTrue(reason.endsWith("may not make station changes: only regulators may"), reason);
    }

    @Test
    void industryMemberMayNotGrantItselfALicence() {
        KeyPair factory = ledger.member("factory-pcb");
        ledger.assertRefused(VALUE, ledger.registry(new RegistryAction.GrantLicence("DROP", factory.address()), factory),
                NOT_PERMITTED);
    }

    @Test
    void stationOperatorMayRegisterADeviceForItsOwnStation() {
        KeyPair plant = ledger.member("plant");
        KeyPair newDevice = KeyPair.generate();
        ledger.appendValid(VALUE, ledger.registry(new RegisterDevice("R04-B", "R04", newDevice.publicKey(), false, "spare"), plant));
        assertTrue(deviceRegistered("R04-B"));
        ledger.appendValid(DATA, recordEntry(sensorRecord("R04-B", 1, T0, 0), newDevice));
        // and may retire it again
        ledger.appendValid(VALUE, ledger.registry(new RetireDevice("R04-B"), plant));
        assertFalse(deviceRegistered("R04-B"));
    }

    @Test
    void stationOperatorMayNotRegisterADeviceForAnotherOperatorsStation() {
        ledger.appendValid(VALUE, ledger.registry(station("X01", ledger.member("factory-pcb"))));
        String reason = ledger.assertRefused(VALUE, ledger.registry(
                new RegisterDevice("X01-B", "X01", KeyPair.generate().publicKey(), false, "m"), ledger.member("plant")), NOT_PERMITTED);
        assertTrue(reason.endsWith("may not make device changes for station X01: it does not operate it"), reason);
    }

    @Test
    void stationOperatorMayNotRetireAnotherOperatorsDevice() {
        KeyPair factory = ledger.member("factory-pcb");
        ledger.appendValid(VALUE, ledger.registry(station("X01", factory)),
                ledger.registry(new RegisterDevice("X01-A", "X01", KeyPair.generate().publicKey(), false, "m")));
        ledger.assertRefused(VALUE, ledger.registry(new RetireDevice("X01-A"), ledger.member("plant")), NOT_PERMITTED);
        assertTrue(deviceRegistered("X01-A"));
    }

    /**
     * Registering again replaces a device's key and station. A station operator must not be able to take over
     * a device of a station it does not operate by re-registering that device id under its own station.
     */
    @Test
    void stationOperatorMayNotTakeOverAnotherOperatorsDevice() {
        KeyPair factory = ledger.member("factory-pcb");
        KeyPair x01Device = KeyPair.generate();
        ledger.appendValid(VALUE, ledger.registry(station("X01", factory)),
                ledger.registry(new RegisterDevice("X01-A", "X01", x01Device.publicKey(), false, "m")));
        byte[] takeover = ledger.registry(new RegisterDevice("X01-A", "R04", KeyPair.generate().publicKey(), false, "m"),
                ledger.member("plant"));
        ledger.assertRefused(VALUE, takeover, NOT_PERMITTED);
        ledger.appendValid(DATA, recordEntry(sensorRecord("X01-A", 1, T0, 0), x01Device));
    }

    @Test
    void deviceForAnUnknownStationIsRefused() {
        String reason = ledger.assertRefused(VALUE, ledger.registry(
                new RegisterDevice("NOPE-A", "NOPE", KeyPair.generate().publicKey(), false, "m")), UNKNOWN_STATION);
        assertEquals("UNKNOWN_STATION: device NOPE-A names unknown station NOPE", reason);
    }

    @Test
    void keyOfAnotherDeviceIsInUse() {
        byte[] r06Key = ledger.device("R06-A").publicKey();
        String reason = ledger.assertRefused(VALUE, ledger.registry(new RegisterDevice("R04-B", "R04", r06Key, false, "m")),
                KEY_IN_USE);
        assertEquals("KEY_IN_USE: key is already registered to device R06-A", reason);
        // re-registering a device with its own key is fine (e.g. to change its model)
        ledger.appendValid(VALUE, ledger.registry(new RegisterDevice("R06-A", "R06", r06Key, false, "v2")));
    }

    @Test
    void retiringAnUnknownOrRetiredDeviceIsRefused() {
        ledger.assertRefused(VALUE, ledger.registry(new RetireDevice("NOPE-A")), UNKNOWN_DEVICE);
        ledger.appendValid(VALUE, ledger.registry(new RetireDevice("R04-A")));
        ledger.assertRefused(VALUE, ledger.registry(new RetireDevice("R04-A")), UNKNOWN_DEVICE);
    }

    static Stream<RegistryAction> invalidData() {
        KeyPair k = KeyPair.generate();
        GeoPoint p = new GeoPoint(121, 25);
        return Stream.of(
                new AddMember(k.publicKey(), " ", Role.bits(EnumSet.of(Role.AUDITOR))),
                new AddMember(k.publicKey(), "no roles", 0),
                new AddMember(k.publicKey(), "unknown role bit", 1 << 9),
                new RegisterStation("has space", "n", StationKind.REGULAR, p, k.address()),
                new RegisterStation("X02", "", StationKind.REGULAR, p, k.address()),
                new RegisterDevice("", "R04", k.publicKey(), false, "m"),
                new RegisterFactory("F 1", "n", "i", p, List.of("CU"), 1, "R10", k.address()),
                new RegisterFactory("F-1", "n", "i", p, List.of("CU"), -1, "R10", k.address()),
                new AddChannel("C99", "loop", "R04", "R04", 10, List.of()),
                new AddChannel("C99", "zero", "R04", "R06", 0, List.of()),
                new SetStandard("EC", Double.NaN, Double.NaN, 0.8),
                new SetStandard("PH", 9, 6, 0.8),
                new SetStandard("PH", 6, 9, 0),
                new SetStandard("PH", 6, 9, 1.5));
    }

    @ParameterizedTest
    @MethodSource("invalidData")
    void invalidRegistryDataIsRefused(RegistryAction a) {
        ledger.assertRefused(VALUE, ledger.registry(a), INVALID_REGISTRY_DATA);
    }

    @Test
    void aChannelThatWouldMakeWaterFlowInALoopIsRefusedWithTheLoopNamed() {
        // the demo's network: R04 -> R06 -> R07 -> J1 -> {R10, R12} -> M02 -> OUT
        String reason = ledger.assertRefused(VALUE, ledger.registry(new AddChannel("C99", "back", "M02", "R04", 10, List.of())),
                CHANNEL_CYCLE);
        assertTrue(reason.contains("C99 (M02 -> R04), C1 (R04 -> R06), C2 (R06 -> R07), C3 (R07 -> J1)"), reason);
        assertTrue(reason.endsWith("-> M02)"), reason);

        // a bypass joins the same flow again: still a DAG
        ledger.appendValid(VALUE, ledger.registry(new AddChannel("C98", "bypass", "R04", "R07", 10, List.of())));
        // a channel re-registered under its id replaces its old course, so reversing one is no loop
        ledger.appendValid(VALUE, ledger.registry(new AddChannel("C7", "outlet", "OUT", "M02", 10, List.of())));
    }

    @Test
    void unknownQuantitiesAndAssetsInTheRegistryAreRefused() {
        GeoPoint p = new GeoPoint(121, 25);
        ledger.assertRefused(VALUE, ledger.registry(new SetStandard("XX", 0, 1, 0.5)), UNKNOWN_QUANTITY);
        ledger.assertRefused(VALUE, ledger.registry(new RegisterFactory("F-9", "n", "i", p, List.of("GOLD"), 1, "R10",
                ledger.validator.address())), UNKNOWN_QUANTITY);
        ledger.assertRefused(VALUE, ledger.registry(new RegistryAction.GrantLicence("GOLD", ledger.validator.address())),
                INVALID_ASSET);
    }

    @Test
    void replayedRegistryChangeIsADuplicate() {
        byte[] e = ledger.registry(station("X01", ledger.member("plant")));
        ledger.appendValid(VALUE, e);
        ledger.assertRefused(VALUE, e, DUPLICATE);
    }

    @Test
    void registryChangeWithTwoSignersIsMalformed() {
        ValueEntry one = ValueEntry.signed(station("X01", ledger.member("plant")), ledger.nonce(), ledger.validator);
        KeyPair plant = ledger.member("plant");
        Witness second = new Witness(plant.publicKey(), SigningDomain.TRANSACTION.sign(plant, one.body()));
        byte[] two = new ValueEntry(ValueEntry.TYPE_REGISTRY, one.body(), List.of(one.witnesses().get(0), second)).encode();
        String reason = ledger.assertRefused(VALUE, two, MALFORMED);
        assertEquals("MALFORMED: a registry change has exactly one signer, got 2", reason);
    }

    @Test
    void forgedRegistrySignatureIsRefused() {
        ValueEntry real = ValueEntry.signed(station("X01", ledger.member("plant")), 5, ledger.validator);
        ValueEntry other = ValueEntry.signed(station("X02", ledger.member("plant")), 5, ledger.validator);
        byte[] forged = new ValueEntry(ValueEntry.TYPE_REGISTRY, real.body(), other.witnesses()).encode();
        ledger.assertRefused(VALUE, forged, BAD_SIGNATURE);
    }

    @Test
    void registrySurvivesARestart() {
        KeyPair plant = ledger.member("plant");
        KeyPair newKey = KeyPair.generate();
        ledger.appendValid(VALUE, ledger.registry(new RetireDevice("R06-A")),
                ledger.registry(new RegisterDevice("R04-A", "R04", newKey.publicKey(), false, "v2"), plant));
        String before = ledger.stateDump();
        ledger.close();
        ledger = TestLedger.reopen(ledger.file, ledger.validator, ledger.genesis, BlockPreparer.onAllCores());
        assertEquals(before, ledger.stateDump());
        ledger.assertRefused(DATA, ledger.record("R06-A", 1), RETIRED_DEVICE);
        ledger.assertRefused(DATA, ledger.record("R04-A", 1), DEVICE_KEY_MISMATCH);
        ledger.appendValid(DATA, recordEntry(sensorRecord("R04-A", 1, T0, 0), newKey));
        ledger.assertRefused(VALUE, ledger.registry(station("X01", plant), ledger.member("factory-pcb")), NOT_PERMITTED);
    }

    /** A retired device's key may go to a new device; it is then in use, with or without a restart in between. */
    @Test
    void keyReusedFromARetiredDeviceIsInUseWithoutARestart() {
        byte[] k = ledger.device("R04-A").publicKey();
        ledger.appendValid(VALUE, ledger.registry(new RetireDevice("R04-A")));
        ledger.appendValid(VALUE, ledger.registry(new RegisterDevice("NEW-A", "R04", k, false, "reused board")));
        ledger.assertRefused(VALUE, ledger.registry(new RegisterDevice("Z-A", "R06", k, false, "m")), KEY_IN_USE);
    }

    /**
     * Replay determinism: the key index rebuilt at start-up must equal the one built live. Rows are restored in
     * (kind, key) order, so the retired R04-A is restored after NEW-A and must not take NEW-A's key out of the index.
     */
    @Test
    void keyReusedFromARetiredDeviceIsStillInUseAfterARestart() {
        byte[] k = ledger.device("R04-A").publicKey();
        ledger.appendValid(VALUE, ledger.registry(new RetireDevice("R04-A")));
        ledger.appendValid(VALUE, ledger.registry(new RegisterDevice("NEW-A", "R04", k, false, "reused board")));
        ledger.close();
        ledger = TestLedger.reopen(ledger.file, ledger.validator, ledger.genesis, BlockPreparer.onAllCores());
        ledger.assertRefused(VALUE, ledger.registry(new RegisterDevice("Z-A", "R06", k, false, "m")), KEY_IN_USE);
    }

    /** Re-registering a retired device with a new key must not free the old key that another device now holds. */
    @Test
    void reRegisteringARetiredDeviceKeepsItsOldKeyWithItsNewHolder() {
        byte[] k = ledger.device("R04-A").publicKey();
        ledger.appendValid(VALUE, ledger.registry(new RetireDevice("R04-A")));
        ledger.appendValid(VALUE, ledger.registry(new RegisterDevice("NEW-A", "R04", k, false, "reused board")));
        ledger.appendValid(VALUE, ledger.registry(new RegisterDevice("R04-A", "R04", KeyPair.generate().publicKey(), false, "v2")));
        ledger.assertRefused(VALUE, ledger.registry(new RegisterDevice("Z-A", "R06", k, false, "m")), KEY_IN_USE);
    }

    @Test
    void quantitySymbolsMustBeExactSoOneQuantityHasOneStandard() {
        ledger.assertRefused(VALUE, ledger.registry(new SetStandard("cu", Double.NaN, 0.2, 0.75)), UNKNOWN_QUANTITY);
    }

}
