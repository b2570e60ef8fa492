package org.waterchain.ledger.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.chain.BlockHeader;
import org.waterchain.ledger.crypto.Ed25519;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.crypto.SigningDomain;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.value.ValueEntry;

/** The encoding is a contract with other replicas, the firmware and auditors: it must never drift. */
class GoldenVectorsTest {
    private static Map<String, String> committed() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        try (InputStream in = GoldenVectorsTest.class.getResourceAsStream("/golden/encoding-v1.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int eq = line.indexOf(" = ");
                    m.put(line.substring(0, eq), line.substring(eq + 3));
                }
            }
        }
        return m;
    }

    @Test
    void encodingMatchesTheCommittedVectors() throws IOException {
        Map<String, String> expected = committed();
        Map<String, String> actual = GoldenVectors.compute();
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertEquals(v, actual.get(k), "golden vector " + k + " changed"));
    }

    @Test
    void committedVectorsDecodeAndVerifyOnTheirOwn() throws IOException {
        Map<String, String> v = committed();
        RecordEntry e = RecordEntry.decode(Hex.parse(v.get("record.entry")));
        assertTrue(SigningDomain.RECORD.verify(Hex.parse(v.get("device.public")), Hex.parse(v.get("record.body")),
                Hex.parse(v.get("record.signature"))));
        assertTrue(Ed25519.verify(Hex.parse(v.get("device.public")), Hex.parse(v.get("record.signing_message")),
                Hex.parse(v.get("record.signature"))));
        assertEquals("R04-A", e.signed().record().deviceId());
        assertEquals(v.get("record.entry"), Hex.of(e.encode()));
        ValueEntry tx = ValueEntry.decode(Hex.parse(v.get("transfer.entry")));
        assertTrue(tx.witnessesValid());
        assertEquals(v.get("transfer.entry"), Hex.of(tx.encode()));
        ValueEntry alarm = ValueEntry.decode(Hex.parse(v.get("alarm.entry")));
        assertTrue(alarm.isAlarm() && alarm.witnessesValid());
        assertEquals(v.get("alarm.body"), Hex.of(alarm.alarmEvent().encode()));
        assertEquals("R10 CU HIGH", alarm.alarmEvent().alarmId());
        assertEquals(v.get("alarm.entry"), Hex.of(alarm.encode()));
        BlockHeader h = BlockHeader.decode(Hex.parse(v.get("block.header")));
        assertTrue(new Block(h, Hex.parse(v.get("block.signature")), java.util.List.of(Hex.parse(v.get("record.entry"))))
                .signatureValid());
        assertEquals(v.get("block.hash"), Hex.of(h.hash()));
    }
}
