package org.waterchain.app.explorer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.value.Asset;

/** How the explorer writes times, places, hashes and amounts. The zone is a parameter so tests can fix it. */
public final class Formats {
    private final DateTimeFormatter time;

    public Formats(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    public String time(long epochMs) {
        return time.format(Instant.ofEpochMilli(epochMs));
    }

    /** "data #694" */
    public static String block(ChainId chain, long height) {
        return chain.label() + " #" + height;
    }

    /** "data #694/3": an entry's place, which is how the ledger finds it fastest. */
    public static String place(ChainId chain, long height, int index) {
        return block(chain, height) + "/" + index;
    }

    /** The first 12 hex digits and an ellipsis: enough to tell hashes apart in a table. */
    public static String shortHex(byte[] bytes) {
        String h = Hex.of(bytes);
        return h.length() <= 12 ? h : h.substring(0, 12) + "…";
    }

    /** Whole units of DROP and pollution coins; ALLOWANCE is kept in litres and shown in m³. */
    public static String amount(String asset, long amount) {
        if (Asset.ALLOWANCE.equals(asset)) {
            return String.format(Locale.ROOT, "%,.3f m³ %s", amount / 1000.0, asset);
        }
        return String.format(Locale.ROOT, "%,d %s", amount, asset);
    }

    public static String number(double v) {
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A memo as text when it is printable UTF-8 (an observed value, a note), otherwise as hex. */
    public static String memo(byte[] memo) {
        if (memo.length == 0) {
            return "(none)";
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(memo)).toString();
            if (s.codePoints().allMatch(c -> !Character.isISOControl(c))) {
                return "\"" + s + "\"";
            }
        } catch (CharacterCodingException e) {
            // not text: shown as hex below
        }
        return "hex " + Hex.of(memo);
    }

    /** "1.2 s", "850 ms". */
    public static String duration(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
