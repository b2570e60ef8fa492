package org.waterchain.ledger.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.ledger.chain.ChainId.DATA;
import static org.waterchain.ledger.chain.ChainId.VALUE;
import static org.waterchain.ledger.testkit.TestLedger.HOUR;
import static org.waterchain.ledger.testkit.TestLedger.T0;
import static org.waterchain.ledger.testkit.TestLedger.recordEntry;
import static org.waterchain.ledger.testkit.TestLedger.sensorRecord;
import static org.waterchain.ledger.validation.Violation.Code.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.record.SignedRecord;
import org.waterchain.ledger.record.StatusFlags;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RetireDevice;
import org.waterchain.ledger.store.StoredRecord;
import org.waterchain.ledger.testkit.TestLedger;
import org.waterchain.ledger.validation.ApplyOutcome.Applied;

/** The data chain's rules, one test each, on a real ledger: refused records stay in their block, marked invalid. */
class RecordRulesTest {
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

    @Test
    void validRecordIsIndexedAndItsSequenceRemembered() {
        Applied a = ledger.appendValid(DATA, ledger.record("R04-A", 1));
        List<StoredRecord> recs = ledger.queries().records("R04", T0, T0 + 2 * HOUR);
        assertEquals(1, recs.size());
        assertEquals("R04-A", recs.get(0).record().deviceId());
        assertEquals(a.header().height(), recs.get(0).height());
        assertEquals(1, ledger.queries().lastSequence(ledger.device("R04-A").publicKey()));
    }

    @Test
    void bodyChangedAfterSigningIsABadSignature() {
        SignedRecord honest = sensorRecord("R04-A", 1, T0, 0).sign(ledger.device("R04-A"));
        byte[] changedBody = sensorRecord("R04-A", 2, T0, 0).encode();
        byte[] forged = new RecordEntry(new SignedRecord(changedBody, honest.signature(), honest.signerKey()), T0).encode();
        String reason = ledger.assertRefused(DATA, forged, BAD_SIGNATURE);
        assertEquals("BAD_SIGNATURE: record R04-A#2: signature does not verify", reason);
    }

    @Test
    void signatureByAnotherKeyUnderTheDeviceKeyIsABadSignature() {
        SensorRecord r = sensorRecord("R04-A", 1, T0, 0);
        SignedRecord byIntruder = r.sign(KeyPair.generate());
        byte[] forged = new RecordEntry(new SignedRecord(byIntruder.body(), byIntruder.signature(),
                ledger.device("R04-A").publicKey()), T0).encode();
        ledger.assertRefused(DATA, forged, BAD_SIGNATURE);
    }

    @Test
    void unregisteredDeviceIsUnknown() {
        String reason = ledger.assertRefused(DATA, recordEntry(sensorRecord("X99-A", 1, T0, 0), KeyPair.generate()), UNKNOWN_DEVICE);
        assertEquals("UNKNOWN_DEVICE: record X99-A#1: device is not registered", reason);
    }

    @Test
    void recordSignedByAnotherRegisteredDeviceKeyIsAKeyMismatch() {
        byte[] entry = recordEntry(sensorRecord("R04-A", 1, T0, 0), ledger.device("R06-A"));
        ledger.assertRefused(DATA, entry, DEVICE_KEY_MISMATCH);
    }

    @Test
    void replacedDeviceOnlyAcceptsItsNewKey() {
        KeyPair oldKey = ledger.device("R04-A");
        ledger.appendValid(DATA, ledger.record("R04-A", 1));
        KeyPair newKey = KeyPair.generate();
        ledger.appendValid(VALUE, ledger.registry(new RegisterDevice("R04-A", "R04", newKey.publicKey(), false, "v2")));

        String reason = ledger.assertRefused(DATA, recordEntry(sensorRecord("R04-A", 2, T0 + HOUR, 0), oldKey), DEVICE_KEY_MISMATCH);
        assertTrue(reason.contains("a replaced device must be registered again"), reason);

        ledger.appendValid(DATA, recordEntry(sensorRecord("R04-A", 1, T0 + 2 * HOUR, 0), newKey));
        assertEquals(2, ledger.queries().records("R04", T0, T0 + 3 * HOUR).size());
    }

    @Test
    void retiredDeviceIsRefused() {
        ledger.appendValid(VALUE, ledger.registry(new RetireDevice("R06-A")));
        String reason = ledger.assertRefused(DATA, ledger.record("R06-A", 1), RETIRED_DEVICE);
        assertEquals("RETIRED_DEVICE: record R06-A#1: device was retired", reason);
    }

    @Test
    void gatewayFlagOnASelfSigningDeviceIsAMismatch() {
        byte[] e = recordEntry(sensorRecord("R04-A", 1, T0, StatusFlags.GATEWAY_SIGNED), ledger.device("R04-A"));
        String reason = ledger.assertRefused(DATA, e, GATEWAY_FLAG_MISMATCH);
        assertTrue(reason.contains("registered as self-signing"), reason);
    }

    @Test
    void gatewayDeviceMustFlagItsRecords() {
        KeyPair gateway = KeyPair.generate();
        ledger.appendValid(VALUE, ledger.registry(new RegisterDevice("R04-MB1", "R04", gateway.publicKey(), true, "Modbus EC")));
        String reason = ledger.assertRefused(DATA, recordEntry(sensorRecord("R04-MB1", 1, T0, 0), gateway), GATEWAY_FLAG_MISMATCH);
        assertTrue(reason.contains("registered as gateway-signed"), reason);
        ledger.appendValid(DATA, recordEntry(sensorRecord("R04-MB1", 1, T0, StatusFlags.GATEWAY_SIGNED), gateway));
    }

    @Test
    void replayedRecordIsStale() {
        byte[] r5 = ledger.record("R04-A", 5);
        ledger.appendValid(DATA, r5);
        String reason = ledger.assertRefused(DATA, r5, STALE_SEQUENCE);
        assertEquals("STALE_SEQUENCE: record R04-A#5: sequence number 5 is not after the last accepted 5 (replayed or old record)",
                reason);
    }

    @Test
    void olderSequenceIsStaleEvenWithANewSampleTime() {
        ledger.appendValid(DATA, ledger.record("R04-A", 5));
        byte[] older = recordEntry(sensorRecord("R04-A", 3, T0 + 9 * HOUR, 0), ledger.device("R04-A"));
        String reason = ledger.assertRefused(DATA, older, STALE_SEQUENCE);
        assertTrue(reason.contains("sequence number 3 is not after the last accepted 5"), reason);
        assertEquals(5, ledger.queries().lastSequence(ledger.device("R04-A").publicKey()));
    }

    @Test
    void sameRecordTwiceInOneBlockIsAcceptedOnce() {
        byte[] r1 = ledger.record("R04-A", 1);
        Applied a = ledger.append(DATA, r1, ledger.record("R06-A", 1), r1);
        assertTrue(a.results().get(0).valid());
        assertTrue(a.results().get(1).valid());
        ledger.assertInvalid(a, 2, STALE_SEQUENCE);
        assertEquals(1, ledger.queries().records("R04", T0, T0 + 2 * HOUR).size());
        assertEquals(1, a.invalidCount());
    }

    @Test
    void sequencesSurviveARestart() {
        ledger.appendValid(DATA, ledger.record("R04-A", 7));
        ledger.close();
        ledger = TestLedger.reopen(ledger.file, ledger.validator, ledger.genesis,
                org.waterchain.ledger.validation.BlockPreparer.onAllCores());
        ledger.assertRefused(DATA, ledger.record("R04-A", 7), STALE_SEQUENCE);
        ledger.appendValid(DATA, ledger.record("R04-A", 8));
    }

    @Test
    void unknownQuantityCodeIsRefused() {
        SensorRecord r = new SensorRecord("R04-A", 1, T0, 0, List.of(new Reading(Quantity.PH, 7),
                new Reading(999, 1.0, Reading.Quality.GOOD)));
        String reason = ledger.assertRefused(DATA, recordEntry(r, ledger.device("R04-A")), UNKNOWN_QUANTITY);
        assertEquals("UNKNOWN_QUANTITY: record R04-A#1: unknown quantity code 999", reason);
        // the refused record did not consume its sequence number
        ledger.appendValid(DATA, ledger.record("R04-A", 1));
    }

    @Test
    void aRejectionQuotingAHugeDeviceIdIsBoundedAndTheBlockStillApplies() {
        byte[] body = new org.waterchain.ledger.codec.CanonicalWriter().u8(1).text("X".repeat(30_000)).i64(1).i64(1)
                .u16(0).u8(1).u16(6).f64(7.0).u8(0).toByteArray();
        KeyPair k = ledger.device("R04-A");
        byte[] entry = new org.waterchain.ledger.record.RecordEntry(new org.waterchain.ledger.record.SignedRecord(body,
                org.waterchain.ledger.crypto.SigningDomain.RECORD.sign(k, body), k.publicKey()), 1L).encode();
        String reason = ledger.assertRefused(DATA, entry, MALFORMED);
        assertTrue(reason.length() <= Violation.MAX_REASON_CHARS, "reason of " + reason.length() + " chars");
    }

    @Test
    void garbageBytesAreMalformed() {
        String reason = ledger.assertRefused(DATA, new byte[] {1, 0, 99, 4}, MALFORMED);
        assertTrue(reason.startsWith("MALFORMED: entry.body: truncated"), reason);
        reason = ledger.assertRefused(DATA, new byte[] {16, 0, 0, 0}, MALFORMED);
        assertEquals("MALFORMED: entry type 16 does not belong on the data chain", reason);
        reason = ledger.assertRefused(DATA, new byte[0], MALFORMED);
        assertEquals("MALFORMED: entry: empty", reason);
        byte[] trailing = java.util.Arrays.copyOf(ledger.record("R04-A", 1), ledger.record("R04-A", 1).length + 1);
        reason = ledger.assertRefused(DATA, trailing, MALFORMED);
        assertEquals("MALFORMED: record entry: 1 unexpected trailing bytes", reason);
    }

    @Test
    void invalidEntriesDoNotStopTheRestOfTheBlock() {
        Applied a = ledger.append(DATA, new byte[] {7}, ledger.record("R04-A", 1),
                recordEntry(sensorRecord("X1", 1, T0, 0), KeyPair.generate()), ledger.record("M02-A", 1));
        ledger.assertInvalid(a, 0, MALFORMED);
        assertTrue(a.results().get(1).valid());
        ledger.assertInvalid(a, 2, UNKNOWN_DEVICE);
        assertTrue(a.results().get(3).valid());
        assertEquals(4, a.results().size());
    }
}
