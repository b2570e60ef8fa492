package org.waterchain.ledger.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void everyFieldTypeRoundTrips() {
        byte[] hash = new byte[32];
        for (int i = 0; i < hash.length; i++) {
            hash[i] = (byte) (i * 7);
        }
        byte[] big = new byte[70_000];
        big[69_999] = 42;
        byte[] bytes = new CanonicalWriter(4).u8(0).u8(255).bool(true).bool(false).u16(0).u16(0xFFFF)
                .u32(0).u32(0xFFFF_FFFFL).i64(Long.MIN_VALUE).i64(-1).i64(Long.MAX_VALUE)
                .f64(-0.0).f64(Double.MAX_VALUE).f64(Double.MIN_VALUE).f64(7.25)
                .raw(hash).bytes16(new byte[] {1, 2, 3}).bytes32(big).text("").text("µS/cm at 25 °C, 水質 \uD83D\uDCA7")
                .toByteArray();

        CanonicalReader r = new CanonicalReader(bytes);
        assertEquals(0, r.u8("a"));
        assertEquals(255, r.u8("b"));
        assertTrue(r.bool("c"));
        assertFalse(r.bool("d"));
        assertEquals(0, r.u16("e"));
        assertEquals(0xFFFF, r.u16("f"));
        assertEquals(0, r.u32("g"));
        assertEquals(0xFFFF_FFFFL, r.u32("h"));
        assertEquals(Long.MIN_VALUE, r.i64("i"));
        assertEquals(-1, r.i64("j"));
        assertEquals(Long.MAX_VALUE, r.i64("k"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(r.f64("l")));
        assertEquals(Double.MAX_VALUE, r.f64("m"));
        assertEquals(Double.MIN_VALUE, r.f64("n"));
        assertEquals(7.25, r.f64("o"));
        assertArrayEquals(hash, r.raw(32, "p"));
        assertArrayEquals(new byte[] {1, 2, 3}, r.bytes16("q"));
        assertArrayEquals(big, r.bytes32("r"));
        assertEquals("", r.text("s"));
        assertEquals("µS/cm at 25 °C, 水質 \uD83D\uDCA7", r.text("t"));
        assertEquals(0, r.remaining());
        r.expectEnd("everything");
    }

    @Test
    void encodingIsBigEndianWithLengthPrefixes() {
        byte[] b = new CanonicalWriter().u8(0xAB).u16(0x1234).u32(0x89ABCDEFL).i64(-2).f64(1.0).text("é")
                .bytes32(new byte[] {9}).toByteArray();
        assertEquals("ab" + "1234" + "89abcdef" + "fffffffffffffffe" + "3ff0000000000000" + "0002c3a9" + "0000000109",
                HEX.formatHex(b));
    }

    @Test
    void readerHonoursOffsetAndLength() {
        byte[] buf = {99, 0, 5, 99};
        CanonicalReader r = new CanonicalReader(buf, 1, 2);
        assertEquals(5, r.u16("x"));
        r.expectEnd("slice");
    }

    @Test
    void writerRefusesValuesWithoutAnEncoding() {
        CanonicalWriter w = new CanonicalWriter();
        assertThrows(IllegalArgumentException.class, () -> w.u8(256));
        assertThrows(IllegalArgumentException.class, () -> w.u8(-1));
        assertThrows(IllegalArgumentException.class, () -> w.u16(0x10000));
        assertThrows(IllegalArgumentException.class, () -> w.u32(0x1_0000_0000L));
        assertThrows(IllegalArgumentException.class, () -> w.u32(-1));
        assertThrows(IllegalArgumentException.class, () -> w.f64(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> w.f64(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> w.bytes16(new byte[0x10000]));
        assertThrows(IllegalArgumentException.class, () -> w.fixedBytes(new byte[31], 32));
        assertEquals(0, w.size(), "a refused value writes nothing");
    }

    // ---- strictness: every failure is a DecodeException naming the field ----

    @Test
    void truncatedFixedWidthFieldNamesTheField() {
        DecodeException e = assertThrows(DecodeException.class, () -> new CanonicalReader(new byte[] {0, 0, 0}).u32("block.count"));
        assertTrue(e.getMessage().startsWith("block.count: truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("need 4 bytes, 3 left"), e.getMessage());
    }

    @Test
    void truncatedAfterEarlierFieldsNamesTheMissingOne() {
        byte[] b = new CanonicalWriter().u16(7).i64(1).toByteArray();
        CanonicalReader r = new CanonicalReader(b, 0, b.length - 1);
        assertEquals(7, r.u16("a"));
        DecodeException e = assertThrows(DecodeException.class, () -> r.i64("record.seq"));
        assertTrue(e.getMessage().startsWith("record.seq: truncated"), e.getMessage());
    }

    @Test
    void lengthPrefixBeyondTheDataIsRefused() {
        byte[] b16 = {0, 10, 1, 2, 3};
        DecodeException e16 = assertThrows(DecodeException.class, () -> new CanonicalReader(b16).bytes16("entry.body"));
        assertTrue(e16.getMessage().startsWith("entry.body: truncated"), e16.getMessage());

        byte[] b32 = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1};
        DecodeException e32 = assertThrows(DecodeException.class, () -> new CanonicalReader(b32).bytes32("block.entry[0]"));
        assertTrue(e32.getMessage().startsWith("block.entry[0]: length 4294967295 exceeds the remaining 1 bytes"),
                e32.getMessage());
    }

    @Test
    void trailingBytesAreRefusedByExpectEnd() {
        CanonicalReader r = new CanonicalReader(new byte[] {1, 2, 3});
        r.u8("type");
        DecodeException e = assertThrows(DecodeException.class, () -> r.expectEnd("record entry"));
        assertEquals("record entry: 2 unexpected trailing bytes", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {0x7FF8_0000_0000_0000L, 0x7FF0_0000_0000_0000L, 0xFFF0_0000_0000_0000L, 0x7FF0_0000_0000_0001L})
    void nonFiniteDoublesAreRefused(long bits) {
        byte[] b = new CanonicalWriter().i64(bits).toByteArray();
        DecodeException e = assertThrows(DecodeException.class, () -> new CanonicalReader(b).f64("reading[3].value"));
        assertEquals("reading[3].value: not a finite number", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 0x80, 0xFF})
    void booleansOtherThanZeroOrOneAreRefused(int v) {
        DecodeException e = assertThrows(DecodeException.class, () -> new CanonicalReader(new byte[] {(byte) v}).bool("device.gateway"));
        assertEquals("device.gateway: boolean must be 0 or 1, got " + v, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"c328", "c080", "eda080", "ff", "e282", "f4908080"})
    void malformedUtf8IsRefused(String hex) {
        byte[] body = HEX.parseHex(hex);
        byte[] b = new CanonicalWriter().bytes16(body).toByteArray();
        DecodeException e = assertThrows(DecodeException.class, () -> new CanonicalReader(b).text("station.name"));
        assertEquals("station.name: malformed UTF-8", e.getMessage());
    }

    @Test
    void decodeThenEncodeGivesBackTheSameBytes() {
        byte[] original = new CanonicalWriter().text("R04").f64(121.241).bool(true).i64(42).toByteArray();
        CanonicalReader r = new CanonicalReader(original);
        byte[] again = new CanonicalWriter().text(r.text("a")).f64(r.f64("b")).bool(r.bool("c")).i64(r.i64("d")).toByteArray();
        r.expectEnd("x");
        assertArrayEquals(original, again);
    }
}
