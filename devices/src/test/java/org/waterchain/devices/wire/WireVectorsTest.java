package org.waterchain.devices.wire;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waterchain.devices.wire.WireMessage.Hello;
import org.waterchain.devices.wire.WireMessage.MalformedMessage;
import org.waterchain.devices.wire.WireMessage.RecordMessage;
import org.waterchain.devices.wire.WireMessage.TimeSync;
import org.waterchain.devices.wire.WireVectors.Block;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.record.SignedRecord;

/** The shared wire vectors, checked from their fields up, as the firmware's test_vectors.c does in C. */
class WireVectorsTest {
    static final Path FILE = Path.of("../firmware/vectors/wire-v1.txt");

    @Test
    void theCommittedFileIsWhatTheGeneratorWrites() throws Exception {
        assertEquals(WireVectors.generate(), Files.readString(FILE),
                "firmware/vectors/wire-v1.txt drifted from WireVectors; if the protocol changed on purpose, run WireVectors.main");
    }

    @Test
    void everyGoodVectorEncodesAndDecodesToItsBytes() throws Exception {
        List<Block> vectors = blocks("vector");
        assertTrue(vectors.size() >= 6, "vectors: " + vectors.size());
        for (Block v : vectors) {
            byte[] payload = Hex.parse(v.one("payload"));
            byte[] frame = Hex.parse(v.one("frame"));
            assertArrayEquals(frame, Frames.encode(payload), v.name() + ": frame");
            List<byte[]> decoded = decode(frame, new ArrayList<>());
            assertEquals(1, decoded.size(), v.name());
            assertArrayEquals(payload, decoded.get(0), v.name() + ": decoded payload");
            WireMessage m = WireMessage.parse(payload);
            assertArrayEquals(payload, m.encode(), v.name() + ": re-encoded message");
            if (v.has("reading")) {
                SignedRecord signed = fromFields(v).sign(KeyPair.fromSecret(Hex.parse(v.one("seed"))));
                assertEquals(v.one("body"), Hex.of(signed.body()), v.name() + ": body");
                assertEquals(v.one("signature"), Hex.of(signed.signature()), v.name() + ": signature");
                RecordMessage r = assertInstanceOf(RecordMessage.class, m, v.name());
                assertTrue(r.signed().signatureValid(), v.name());
                assertEquals(fromFields(v), r.signed().record(), v.name());
            } else if (m instanceof Hello h) {
                assertEquals(Hex.of(KeyPair.fromSecret(Hex.parse(v.one("seed"))).publicKey()), Hex.of(h.publicKey()));
                assertEquals(v.one("device"), h.deviceId());
                assertEquals(Long.parseLong(v.one("interval")), h.intervalSeconds());
            } else if (m instanceof TimeSync t) {
                assertEquals(Long.parseLong(v.one("time")), t.unixTimeMs());
            }
        }
    }

    @Test
    void framingEdgeCasesRoundTrip() throws Exception {
        List<Block> frames = blocks("frame");
        assertTrue(frames.size() >= 10);
        for (Block v : frames) {
            byte[] payload = Hex.parse(v.one("payload"));
            byte[] frame = Hex.parse(v.one("frame"));
            assertArrayEquals(frame, Frames.encode(payload), v.name());
            List<byte[]> decoded = decode(frame, new ArrayList<>());
            assertEquals(1, decoded.size(), v.name());
            assertArrayEquals(payload, decoded.get(0), v.name());
        }
        assertEquals("313233343536373839", blocks("frame").get(0).one("payload"));
        assertTrue(blocks("frame").get(0).one("frame").endsWith("29b100"), "CRC-16/CCITT-FALSE check value 0x29B1");
    }

    @Test
    void everyRejectIsRefusedForItsStatedReason() throws Exception {
        List<Block> rejects = blocks("reject");
        assertTrue(rejects.size() >= 10);
        for (Block v : rejects) {
            String reason = v.one("reason");
            List<FrameError> errors = new ArrayList<>();
            List<byte[]> payloads = decode(Hex.parse(v.one("frame")), errors);
            switch (reason) {
                case "empty", "cobs", "short", "too_long", "crc" -> {
                    assertEquals(List.of(FrameError.valueOf(reason.toUpperCase())), errors, v.name());
                    assertTrue(payloads.isEmpty(), v.name());
                }
                case "unknown_type", "malformed" -> {
                    assertEquals(1, payloads.size(), v.name() + " is a good frame");
                    MalformedMessage e = assertThrows(MalformedMessage.class, () -> WireMessage.parse(payloads.get(0)), v.name());
                    assertEquals(reason.equals("unknown_type"), e.unknownType(), v.name() + ": " + e.getMessage());
                }
                case "bad_signature" -> {
                    RecordMessage r = assertInstanceOf(RecordMessage.class, WireMessage.parse(payloads.get(0)), v.name());
                    assertFalse(r.signed().signatureValid(), v.name());
                }
                default -> fail(v.name() + ": unknown reason " + reason);
            }
        }
    }

    static SensorRecord fromFields(Block v) {
        List<Reading> readings = new ArrayList<>();
        for (String line : v.all("reading")) {
            String[] p = line.split(" ");
            readings.add(new Reading(Integer.parseInt(p[0]), Double.longBitsToDouble(Long.parseUnsignedLong(p[1], 16)),
                    Reading.Quality.of(Integer.parseInt(p[2]))));
        }
        return new SensorRecord(v.one("device"), Long.parseLong(v.one("seq")), Long.parseLong(v.one("time")),
                Integer.parseInt(v.one("flags")), readings);
    }

    static List<Block> blocks(String kind) throws Exception {
        return WireVectors.parse(Files.readString(FILE)).stream().filter(b -> b.kind().equals(kind)).toList();
    }

    static List<byte[]> decode(byte[] frame, List<FrameError> errors) {
        List<byte[]> out = new ArrayList<>();
        new FrameDecoder(new FrameDecoder.Listener() {
            public void payload(byte[] buf, int len) {
                out.add(java.util.Arrays.copyOf(buf, len));
            }

            public void rejected(FrameError e) {
                errors.add(e);
            }
        }).feed(frame, 0, frame.length);
        return out;
    }
}
