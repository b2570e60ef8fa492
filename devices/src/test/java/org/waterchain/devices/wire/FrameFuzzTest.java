package org.waterchain.devices.wire;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.waterchain.devices.wire.WireMessage.MalformedMessage;
import org.waterchain.devices.wire.WireMessage.RecordMessage;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.SensorRecord;

/**
 * Over a million random and mutated frames through the decoder and the message parser, as a noisy RS-485 line
 * or a hostile peer would send them: nothing escapes as an exception, every delimiter is accounted for as
 * one good or one counted bad frame, and no mutation of a signed record turns into a different valid record.
 */
class FrameFuzzTest {
    private static final int GARBAGE = 400_000;
    private static final int MUTATED = 500_000;
    private static final int WELL_FORMED = 120_000;

    private long goodSeen;
    private final Map<FrameError, Long> errorsSeen = new EnumMap<>(FrameError.class);
    private final List<byte[]> payloads = new ArrayList<>();
    private final FrameDecoder decoder = new FrameDecoder(new FrameDecoder.Listener() {
        public void payload(byte[] buf, int len) {
            goodSeen++;
            payloads.add(Arrays.copyOf(buf, len));
        }

        public void rejected(FrameError e) {
            errorsSeen.merge(e, 1L, Long::sum);
        }
    });

    @Test
    void overAMillionFramesNoExceptionEveryBadOneCounted() {
        SplittableRandom rnd = new SplittableRandom(20261122);
        long delimiters = 0;
        long cases = 0;

        for (int i = 0; i < GARBAGE; i++, cases++) {
            byte[] junk = new byte[rnd.nextInt(1, 700)];
            // some lines are mostly delimiters, some have none for longer than any frame
            int zeroOdds = new int[] {2, 8, 64, Integer.MAX_VALUE}[rnd.nextInt(4)];
            for (int j = 0; j < junk.length; j++) {
                junk[j] = (byte) (rnd.nextInt(zeroOdds) == 0 ? 0 : rnd.nextInt(1, 256));
            }
            junk[junk.length - 1] = 0;
            delimiters += count0(junk);
            feedAndParse(junk);
        }

        List<byte[]> originals = new ArrayList<>();
        KeyPair key = KeyPair.generate();
        for (int i = 0; i < 64; i++) {
            List<Reading> readings = new ArrayList<>();
            for (int q = 0; q < 1 + i % 12; q++) {
                readings.add(new Reading(Quantity.values()[q % Quantity.values().length], rnd.nextDouble() * 1000));
            }
            originals.add(new RecordMessage(new SensorRecord("R" + i + "-A", i, 1_700_000_000_000L + i, 0, readings).sign(key)).encode());
        }
        long acceptedMutants = 0;
        for (int i = 0; i < MUTATED; i++, cases++) {
            byte[] original = originals.get(rnd.nextInt(originals.size()));
            byte[] frame = mutate(Frames.encode(original), rnd);
            delimiters += count0(frame);
            for (WireMessage m : feedAndParse(frame)) {
                if (m instanceof RecordMessage r && r.signed().signatureValid()) {
                    acceptedMutants++;
                    assertArrayEquals(original, r.encode(), "a mutation produced a different validly signed record");
                }
            }
        }

        long wellFormedGood = goodSeen;
        for (int i = 0; i < WELL_FORMED; i++, cases++) {
            byte[] p = new byte[rnd.nextInt(0, Frames.MAX_PAYLOAD + 1)];
            rnd.nextBytes(p);
            byte[] frame = Frames.encode(p);
            delimiters++;
            payloads.clear();
            decoder.feed(frame, 0, frame.length);
            assertEquals(1, payloads.size());
            assertArrayEquals(p, payloads.get(0));
        }
        assertEquals(WELL_FORMED, goodSeen - wellFormedGood, "every well-formed frame decodes");

        assertTrue(cases >= 1_000_000, "cases: " + cases);
        long rejected = errorsSeen.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(delimiters, goodSeen + rejected, "each delimiter ends exactly one good or one counted bad frame");
        assertEquals(errorsSeen, nonZero(decoder.rejectedFrames()), "the decoder's own counters agree");
        assertEquals(goodSeen, decoder.goodFrames());
        for (FrameError e : List.of(FrameError.CRC, FrameError.COBS, FrameError.TOO_LONG, FrameError.EMPTY, FrameError.SHORT)) {
            assertTrue(errorsSeen.getOrDefault(e, 0L) > 0, "the fuzz reached " + e);
        }
        assertTrue(acceptedMutants < MUTATED / 4, "most mutations must be caught: " + acceptedMutants);
    }

    /** Bit flips, byte changes, insertions, deletions and truncations; always ends in a delimiter. */
    private static byte[] mutate(byte[] frame, SplittableRandom rnd) {
        byte[] f = Arrays.copyOf(frame, frame.length - 1);
        int kind = rnd.nextInt(5);
        int at = rnd.nextInt(f.length);
        switch (kind) {
            case 0 -> f[at] ^= (byte) (1 << rnd.nextInt(8));
            case 1 -> f[at] = (byte) rnd.nextInt(256);
            case 2 -> {
                byte[] g = new byte[f.length + 1];
                System.arraycopy(f, 0, g, 0, at);
                g[at] = (byte) rnd.nextInt(256);
                System.arraycopy(f, at, g, at + 1, f.length - at);
                f = g;
            }
            case 3 -> {
                byte[] g = new byte[f.length - 1];
                System.arraycopy(f, 0, g, 0, at);
                System.arraycopy(f, at + 1, g, at, f.length - at - 1);
                f = g;
            }
            default -> f = Arrays.copyOf(f, at);
        }
        byte[] out = Arrays.copyOf(f, f.length + 1);
        out[f.length] = 0;
        return out;
    }

    private List<WireMessage> feedAndParse(byte[] bytes) {
        payloads.clear();
        decoder.feed(bytes, 0, bytes.length);
        List<WireMessage> out = new ArrayList<>();
        for (byte[] p : payloads) {
            try {
                out.add(WireMessage.parse(p));
            } catch (MalformedMessage e) {
                assertNotNull(e.getMessage());
            }
        }
        return out;
    }

    private static long count0(byte[] b) {
        long n = 0;
        for (byte x : b) {
            if (x == 0) {
                n++;
            }
        }
        return n;
    }

    private static Map<FrameError, Long> nonZero(Map<FrameError, Long> m) {
        Map<FrameError, Long> out = new EnumMap<>(FrameError.class);
        m.forEach((k, v) -> {
            if (v > 0) {
                out.put(k, v);
            }
        });
        return out;
    }
}
