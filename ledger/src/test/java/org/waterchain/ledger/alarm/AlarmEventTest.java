package org.waterchain.ledger.alarm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.chain.LedgerEntry;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.value.ValueEntry;

/** The alarm event's canonical encoding and its place among the value chain's entry types. */
class AlarmEventTest {
    private static final KeyPair NODE = KeyPair.generate();

    static AlarmEvent event(AlarmAction action, double value) {
        return new AlarmEvent(42, "R04 EC HIGH", action, "R04", "EC HIGH", AlarmEvent.PRIORITY_HIGH, value,
                1_767_225_600_000L, "Chen Wei", "flushing the channel, 水門 closed",
                action == AlarmAction.SHELVE ? 1_767_229_200_000L : 0);
    }

    @ParameterizedTest
    @EnumSource(AlarmAction.class)
    void everyActionDecodesToTheSameBytes(AlarmAction action) {
        AlarmEvent e = event(action, 912.5);
        byte[] body = e.encode();
        AlarmEvent back = AlarmEvent.decode(body);
        assertEquals(e, back);
        assertArrayEquals(body, back.encode());
    }

    @Test
    void anEventWithoutAValueHasNoValueBytes() {
        AlarmEvent none = event(AlarmAction.ACKNOWLEDGE, Double.NaN);
        AlarmEvent some = event(AlarmAction.ACKNOWLEDGE, 1.0);
        assertFalse(none.hasValue());
        assertEquals(some.encode().length - 8, none.encode().length);
        AlarmEvent back = AlarmEvent.decode(none.encode());
        assertFalse(back.hasValue());
        assertTrue(Double.isNaN(back.value()));
    }

    @Test
    void actionCodesAreTheDocumentedOnes() {
        int[] codes = Arrays.stream(AlarmAction.values()).mapToInt(AlarmAction::code).toArray();
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, codes);
        assertEquals(AlarmAction.RETURN_TO_NORMAL, AlarmAction.byCode(5).orElseThrow());
        assertTrue(AlarmAction.byCode(0).isEmpty());
    }

    @Test
    void unknownActionIsADecodeError() {
        byte[] body = event(AlarmAction.RAISE, 1).encode();
        int actionAt = 1 + 8 + 2 + "R04 EC HIGH".length();
        assertEquals(AlarmAction.RAISE.code(), body[actionAt]);
        body[actionAt] = 10;
        DecodeException e = assertThrows(DecodeException.class, () -> AlarmEvent.decode(body));
        assertEquals("alarm.action: unknown action 10", e.getMessage());
    }

    @Test
    void otherVersionTrailingBytesAndTruncationAreRefused() {
        byte[] body = event(AlarmAction.RAISE, 1).encode();
        byte[] v2 = body.clone();
        v2[0] = 2;
        assertThrows(DecodeException.class, () -> AlarmEvent.decode(v2));
        assertThrows(DecodeException.class, () -> AlarmEvent.decode(Arrays.copyOf(body, body.length + 1)));
        assertThrows(DecodeException.class, () -> AlarmEvent.decode(Arrays.copyOf(body, body.length - 1)));
    }

    @Test
    void aPresentValueMustBeFinite() {
        byte[] body = new CanonicalWriter().u8(1).i64(1).text("a").u8(1).text("s").text("c").u8(1).bool(true)
                .i64(Double.doubleToRawLongBits(Double.NaN)).i64(1).text("").text("").i64(0).toByteArray();
        assertThrows(DecodeException.class, () -> AlarmEvent.decode(body));
        assertThrows(IllegalArgumentException.class, () -> event(AlarmAction.RAISE, Double.POSITIVE_INFINITY));
    }

    @Test
    void alarmEntriesAreType18OnTheValueChainOnly() {
        ValueEntry entry = ValueEntry.signed(event(AlarmAction.RAISE, 800), NODE);
        byte[] raw = entry.encode();
        assertEquals(18, raw[0]);
        assertEquals(LedgerEntry.TYPE_ALARM, entry.type());
        ValueEntry decoded = assertInstanceOf(ValueEntry.class, LedgerEntry.decode(ChainId.VALUE, raw));
        assertTrue(decoded.isAlarm());
        assertFalse(decoded.isTransfer());
        assertTrue(decoded.witnessesValid());
        assertEquals(event(AlarmAction.RAISE, 800), decoded.alarmEvent());
        assertArrayEquals(raw, decoded.encode());
        DecodeException e = assertThrows(DecodeException.class, () -> LedgerEntry.decode(ChainId.DATA, raw));
        assertEquals("entry type 18 does not belong on the data chain", e.getMessage());
    }

    @Test
    void entryLayoutIsTypeBodyOneKeyAndSignature() {
        AlarmEvent ev = event(AlarmAction.ACKNOWLEDGE, Double.NaN);
        byte[] body = ev.encode();
        byte[] raw = ValueEntry.signed(ev, NODE).encode();
        assertEquals(1 + 2 + body.length + 1 + 32 + 64, raw.length);
        assertEquals(body.length, ((raw[1] & 0xFF) << 8) | (raw[2] & 0xFF));
        assertArrayEquals(body, Arrays.copyOfRange(raw, 3, 3 + body.length));
        assertEquals(1, raw[3 + body.length]);
        assertArrayEquals(NODE.publicKey(), Arrays.copyOfRange(raw, 4 + body.length, 36 + body.length));
    }
}
