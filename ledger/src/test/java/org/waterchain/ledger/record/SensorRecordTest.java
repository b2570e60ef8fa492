package org.waterchain.ledger.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.chain.LedgerEntry;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.crypto.KeyPair;

class SensorRecordTest {
    private static final List<Reading> READINGS = List.of(new Reading(Quantity.PH, 7.25),
            new Reading(Quantity.CU.code(), 0.0125, Reading.Quality.SUSPECT), new Reading(999, -3.5, Reading.Quality.MAINTENANCE));

    @Test
    void encodeDecodeRoundTrip() {
        SensorRecord r = new SensorRecord("M02-A", 123_456, 1_704_067_200_000L, StatusFlags.LOW_BATTERY | StatusFlags.TAMPER,
                READINGS);
        SensorRecord back = SensorRecord.decode(r.encode());
        assertEquals(r, back);
        assertArrayEquals(r.encode(), back.encode());
    }

    @Test
    void maximalRecordRoundTrips() {
        List<Reading> many = new ArrayList<>(Collections.nCopies(SensorRecord.MAX_READINGS, new Reading(Quantity.FLOW, 1e300)));
        SensorRecord r = new SensorRecord("x".repeat(32), Long.MAX_VALUE, Long.MIN_VALUE, 0xFFFF, many);
        assertEquals(r, SensorRecord.decode(r.encode()));
    }

    /** The body layout shared with the firmware (docs/encoding.md), byte for byte. */
    @Test
    void bodyLayoutIsTheDocumentedOne() {
        SensorRecord r = new SensorRecord("R04-A", 7, 0x0102030405060708L, StatusFlags.LEAK,
                List.of(new Reading(Quantity.PH, 7.25)));
        String expected = "01" // version
                + "0005" + Hex.of("R04-A".getBytes()) // device id
                + "0000000000000007" // seq
                + "0102030405060708" // sample time
                + "0002" // status flags
                + "01" // reading count
                + "0006" + "401d000000000000" + "00"; // quantity PH, 7.25, GOOD
        assertEquals(expected, Hex.of(r.encode()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "R04 A", "R04-\u00c4", "tab\there", "123456789012345678901234567890123"})
    void badDeviceIdsAreRefused(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SensorRecord(id, 1, 0, 0, READINGS));
        assertTrue(e.getMessage().startsWith("device id must be 1-32 printable ASCII"), e.getMessage());
    }

    @Test
    void recordWithoutReadingsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SensorRecord("R04-A", 1, 0, 0, List.of()));
        assertEquals("a record holds 1-32 readings, got 0", e.getMessage());
    }

    @Test
    void recordWithMoreThan32ReadingsIsRefused() {
        List<Reading> many = Collections.nCopies(33, new Reading(Quantity.PH, 7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SensorRecord("R04-A", 1, 0, 0, many));
        assertEquals("a record holds 1-32 readings, got 33", e.getMessage());
    }

    @Test
    void negativeSequenceAndWideFlagsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SensorRecord("R04-A", -1, 0, 0, READINGS));
        assertThrows(IllegalArgumentException.class, () -> new SensorRecord("R04-A", 1, 0, 0x10000, READINGS));
        assertThrows(IllegalArgumentException.class, () -> new Reading(Quantity.PH.code(), Double.NaN, Reading.Quality.GOOD));
        assertThrows(IllegalArgumentException.class, () -> new Reading(0x10000, 1, Reading.Quality.GOOD));
    }

    @Test
    void decodeRefusesTrailingBytesAndUnknownVersion() {
        byte[] body = new SensorRecord("R04-A", 1, 0, 0, READINGS).encode();
        byte[] longer = Arrays.copyOf(body, body.length + 1);
        assertEquals("record: 1 unexpected trailing bytes",
                assertThrows(DecodeException.class, () -> SensorRecord.decode(longer)).getMessage());
        byte[] v2 = body.clone();
        v2[0] = 2;
        assertEquals("record.version: unsupported version 2",
                assertThrows(DecodeException.class, () -> SensorRecord.decode(v2)).getMessage());
        DecodeException t = assertThrows(DecodeException.class, () -> SensorRecord.decode(Arrays.copyOf(body, body.length - 1)));
        assertTrue(t.getMessage().startsWith("record.reading[2].quality: truncated"), t.getMessage());
    }

    @Test
    void decodeRefusesBadReadingsWithTheirIndex() {
        byte[] badQuality = new CanonicalWriter().u8(1).text("R04-A").i64(1).i64(0).u16(0).u8(1)
                .u16(6).f64(7).u8(9).toByteArray();
        assertEquals("record.reading[0]: unknown quality flag 9",
                assertThrows(DecodeException.class, () -> SensorRecord.decode(badQuality)).getMessage());
        byte[] none = new CanonicalWriter().u8(1).text("R04-A").i64(1).i64(0).u16(0).u8(0).toByteArray();
        assertEquals("record: a record holds 1-32 readings, got 0",
                assertThrows(DecodeException.class, () -> SensorRecord.decode(none)).getMessage());
        byte[] badId = new CanonicalWriter().u8(1).text("R04 A").i64(1).i64(0).u16(0).u8(1).u16(6).f64(7).u8(0).toByteArray();
        assertTrue(assertThrows(DecodeException.class, () -> SensorRecord.decode(badId)).getMessage().startsWith("record: device id"));
        byte[] nan = new CanonicalWriter().u8(1).text("R04-A").i64(1).i64(0).u16(0).u8(1).u16(6)
                .i64(Double.doubleToRawLongBits(Double.NaN)).u8(0).toByteArray();
        assertEquals("record.reading[0].value: not a finite number",
                assertThrows(DecodeException.class, () -> SensorRecord.decode(nan)).getMessage());
    }

    @Test
    void signedRecordVerifiesOnlyUnchanged() {
        KeyPair k = KeyPair.generate();
        SensorRecord r = new SensorRecord("R04-A", 1, 0, 0, READINGS);
        SignedRecord s = r.sign(k);
        assertTrue(s.signatureValid());
        assertEquals(r, s.record());
        byte[] body = s.body();
        body[body.length - 1] ^= 1;
        assertFalse(new SignedRecord(body, s.signature(), s.signerKey()).signatureValid());
        assertFalse(new SignedRecord(s.body(), s.signature(), KeyPair.generate().publicKey()).signatureValid());
    }

    @Test
    void recordEntryRoundTripsAsALedgerEntry() {
        KeyPair k = KeyPair.generate();
        RecordEntry e = new RecordEntry(new SensorRecord("R04-A", 5, 77, 0, READINGS).sign(k), 99);
        byte[] enc = e.encode();
        assertEquals(LedgerEntry.TYPE_RECORD, enc[0]);
        RecordEntry back = (RecordEntry) LedgerEntry.decode(ChainId.DATA, enc);
        assertArrayEquals(enc, back.encode());
        assertEquals(99, back.receiptTimeMs());
        assertTrue(back.signed().signatureValid());
        assertArrayEquals(k.publicKey(), back.signed().signerKey());
        assertThrows(DecodeException.class, () -> LedgerEntry.decode(ChainId.VALUE, enc));
        assertThrows(DecodeException.class, () -> RecordEntry.decode(Arrays.copyOf(enc, enc.length + 1)));
    }
}
