package org.waterchain.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.chain.EntryId;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.record.StatusFlags;
import org.waterchain.ledger.registry.Role;
import org.waterchain.ledger.store.StoredEntry;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.OutPoint;
import org.waterchain.ledger.value.Output;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.trace.PollutionMemo;
import org.waterchain.ledger.trace.PollutionStep;
import org.waterchain.ledger.value.Transfer;
import org.waterchain.ledger.value.ValueEntry;

class EntryDecoderTest {
    static final long T = 1_704_067_200_000L; // 2024-01-01T00:00:00Z
    static final KeyPair DEVICE = KeyPair.generate();
    static final KeyPair ALICE = KeyPair.generate();
    static final KeyPair BOB = KeyPair.generate();
    static final LedgerNames NAMES = new LedgerNames(Map.of("R04-A", "R04"), Map.of("R04", "Branch 3 head gate"),
            Map.of(ALICE.address(), new LedgerNames.Member("Alice's farm", Set.of(Role.INDUSTRY))));
    static final Formats FORMATS = new Formats(ZoneOffset.UTC);
    static final EntryDecoder DECODER = new EntryDecoder(FORMATS, NAMES);

    static StoredEntry stored(ChainId chain, byte[] raw, String invalidReason) {
        return new StoredEntry(chain, 12, 3, EntryId.of(raw), raw, invalidReason == null, invalidReason);
    }

    static byte[] record(int flags, Reading... readings) {
        SensorRecord r = new SensorRecord("R04-A", 42, T + 90_000, flags, List.of(readings));
        return new RecordEntry(r.sign(DEVICE), T + 95_000).encode();
    }

    private static Field field(List<Field> fields, String label) {
        return fields.stream().filter(f -> f.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no field '" + label + "' in " + fields));
    }

    @Test
    void aRecordRowSaysWhoMeasuredWhatAndWhen() {
        byte[] raw = record(0, new Reading(Quantity.PH, 7.034), new Reading(Quantity.EC, 414), new Reading(Quantity.DO, 6.5),
                new Reading(Quantity.TEMPERATURE, 21), new Reading(Quantity.ORP, 135));
        EntryRow row = DECODER.row(stored(ChainId.DATA, raw, null));
        assertEquals("data #12/3", row.place());
        assertEquals("record", row.kind());
        assertEquals("valid", row.verdict());
        assertEquals("R04-A #42  2024-01-01 00:01:30  PH 7.03  EC 414.0  DO 6.50  TEMP 21.00  +1", row.summary());
    }

    @Test
    void aRecordsDetailHasEveryReadingItsStationAndASignatureCheck() {
        byte[] raw = record(StatusFlags.TAMPER | StatusFlags.GATEWAY_SIGNED, new Reading(Quantity.PH, 7.0),
                new Reading(Quantity.CU.code(), 0.013, Reading.Quality.SUSPECT));
        List<Field> d = DECODER.details(stored(ChainId.DATA, raw, null));
        assertEquals("R04-A at R04 Branch 3 head gate", field(d, "Device").value());
        assertEquals("42", field(d, "Sequence").value());
        assertEquals("2024-01-01 00:01:30", field(d, "Sample time").value());
        assertEquals("2024-01-01 00:01:35", field(d, "Received").value());
        assertEquals("TAMPER, gateway-signed", field(d, "Status").value());
        assertEquals(Field.Tone.GOOD, field(d, "Device signature").tone());
        assertEquals("7.00  · pH", field(d, "PH").value());
        assertEquals("0.013 mg/L  (suspect)  · copper", field(d, "CU").value());
    }

    @Test
    void aRecordWhoseSignatureWasChangedSaysSo() {
        byte[] raw = record(0, new Reading(Quantity.PH, 7.0));
        raw[raw.length - 8 - 32 - 10] ^= 1; // inside the signature
        List<Field> d = DECODER.details(stored(ChainId.DATA, raw, "BAD_SIGNATURE: record signature does not verify"));
        assertEquals(Field.Tone.BAD, field(d, "Device signature").tone());
        assertEquals(Field.Tone.BAD, field(d, "Verdict").tone());
        assertTrue(field(d, "Verdict").value().contains("BAD_SIGNATURE"));
        assertEquals("INVALID BAD_SIGNATURE", DECODER.row(stored(ChainId.DATA, raw, "BAD_SIGNATURE: x")).verdict(),
                "the table shows the code; the detail has the whole reason");
    }

    @Test
    void aTransferListsInputsOutputsMemoAndWitnesses() {
        byte[] txid = new byte[32];
        txid[0] = 7;
        ValueEntry v = ValueEntry.signed(new Transfer(List.of(new OutPoint(txid, 1)),
                List.of(new Output(Asset.DROP, 300, BOB.address()), new Output(Asset.ALLOWANCE, 12_500, ALICE.address())),
                "hello".getBytes(), 9), ALICE);
        StoredEntry e = stored(ChainId.VALUE, v.encode(), null);
        EntryRow row = DECODER.row(e);
        assertEquals("transfer", row.kind());
        assertEquals("1 input: 300 DROP → " + BOB.address() + ", 12.500 m³ ALLOWANCE → Alice's farm  memo \"hello\"", row.summary());
        List<Field> d = DECODER.details(e);
        assertEquals(org.waterchain.ledger.crypto.Hex.of(v.txid()), field(d, "Transaction id").value());
        assertEquals("07" + "00".repeat(31) + ":1", field(d, "Input 0").value());
        assertEquals("12.500 m³ ALLOWANCE → " + ALICE.address() + " (Alice's farm)", field(d, "Output 1").value());
        assertEquals("\"hello\"", field(d, "Memo").value());
        assertEquals(Field.Tone.GOOD, field(d, "Alice's farm").tone());
    }

    @Test
    void aMintHasNoInputsAndABinaryMemoIsHex() {
        ValueEntry v = ValueEntry.signed(new Transfer(List.of(), List.of(new Output("POLLUTION:CU", 50, BOB.address())),
                new byte[] {0, 1, (byte) 0xff}, 1), ALICE);
        StoredEntry e = stored(ChainId.VALUE, v.encode(), null);
        assertEquals("mint", DECODER.row(e).kind());
        List<Field> d = DECODER.details(e);
        assertTrue(field(d, "Inputs").value().startsWith("none"));
        assertEquals("hex 0001ff", field(d, "Memo").value());
    }

    @Test
    void aPollutionCoinMemoIsReadAsTheTracingStepItRecords() {
        long hour = 1_700_000_000_000L / 3_600_000 * 3_600_000;
        byte[] memo = new PollutionMemo(PollutionStep.PASS, Quantity.CU, hour, "M02", 0.358).encode();
        ValueEntry v = ValueEntry.signed(new Transfer(List.of(), List.of(new Output("POLLUTION:CU", 2, BOB.address())),
                memo, 1), ALICE);
        StoredEntry e = stored(ChainId.VALUE, v.encode(), null);
        assertEquals("pass at M02: CU 0.358 mg/L observed in the hour from " + FORMATS.time(hour),
                field(DECODER.details(e), "Memo").value());
        assertTrue(DECODER.row(e).summary().endsWith("memo pass at M02: CU 0.358 mg/L observed in the hour from "
                + FORMATS.time(hour)), DECODER.row(e).summary());
    }

    @Test
    void everyRegistryActionOfTheDemoGenesisIsDescribed() {
        KeyPair validator = KeyPair.generate();
        var genesis = DemoAlliance.create(validator, List.of(), T).blocks().get(0);
        List<EntryRow> rows = DECODER.rows(genesis.entries().stream().map(raw -> stored(ChainId.VALUE, raw, null)).toList());
        for (EntryRow r : rows) {
            assertEquals("registry", r.kind());
            assertTrue(!r.summary().isBlank(), r.toString());
        }
        assertEquals("add member Water Resources Department (demo) (regulator, validator)", rows.get(0).summary());
        assertTrue(rows.stream().anyMatch(r -> r.summary().equals("register device R04-A at R04")));
        assertTrue(rows.stream().anyMatch(r -> r.summary().equals("set standard EC at most 750.0")));
        assertTrue(rows.stream().anyMatch(r -> r.summary().equals("set standard PH 6.00 to 9.00")));
        assertTrue(rows.stream().anyMatch(r -> r.summary().startsWith("grant licence POLLUTION:* to W")));
        List<Field> device = DECODER.details(stored(ChainId.VALUE, genesis.entries().stream()
                .filter(raw -> DECODER.row(stored(ChainId.VALUE, raw, null)).summary().equals("register device R04-A at R04"))
                .findFirst().orElseThrow(), null));
        assertEquals("R04 Branch 3 head gate", field(device, "Station").value());
        assertEquals("itself", field(device, "Signs").value());
    }

    @Test
    void bytesThatDoNotDecodeAreShownNotThrown() {
        byte[] raw = {1, 0, 3, 9};
        StoredEntry e = stored(ChainId.DATA, raw, "MALFORMED: entry.body: truncated");
        EntryRow row = DECODER.row(e);
        assertEquals("undecodable", row.kind());
        assertTrue(row.summary().startsWith("cannot decode: "), row.summary());
        List<Field> d = DECODER.details(e);
        assertEquals(Field.Tone.BAD, field(d, "Content").tone());
        assertEquals("01000309", field(d, "Bytes").value());
        assertEquals("undecodable", DECODER.row(stored(ChainId.VALUE, record(0, new Reading(Quantity.PH, 7)), "MALFORMED: x")).kind(),
                "a record on the value chain does not belong there");
    }
}
