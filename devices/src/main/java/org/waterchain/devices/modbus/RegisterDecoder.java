package org.waterchain.devices.modbus;

import java.math.BigDecimal;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.Reading.Quality;

/**
 * Turns registers into readings. Pure: no I/O, no state.
 *
 * <p>Quality rules, in order:
 * <ol>
 * <li>A float32 that is NaN or infinite (transmitters send NaN for "no measurement") becomes the value 0 with
 * quality BAD: the ledger's encoding forbids non-finite values, and keeping the channel with BAD records that the
 * transmitter answered without a measurement, which a dropped channel would hide.</li>
 * <li>A raw value listed in the point's sentinels (e.g. 9999 "out of range") keeps its scaled value, quality BAD.</li>
 * <li>A scaled value outside the point's valid range keeps its value, quality BAD: the range is the span the
 * manufacturer stands behind, and values outside it are typically fault codes or a saturated sensor. BAD rather
 * than SUSPECT so that compliance rules never count them; the value stays for auditors.</li>
 * <li>Otherwise GOOD.</li>
 * </ol>
 */
public final class RegisterDecoder {
    private RegisterDecoder() {}

    /** The point's value decoded from {@code words}, whose element {@code at} holds the point's first register. */
    public static Reading decode(ModbusPoint point, int[] words, int at) {
        int code = point.quantity().code();
        double raw = raw(point.type(), point.wordOrder(), words, at);
        if (!Double.isFinite(raw)) {
            return new Reading(code, 0.0, Quality.BAD);
        }
        double value = scaled(raw, point.scale(), point.offset());
        if (!Double.isFinite(value)) {
            return new Reading(code, 0.0, Quality.BAD);
        }
        if (point.isSentinel(raw)) {
            return new Reading(code, value, Quality.BAD);
        }
        if (point.validRange() != null && !point.validRange().contains(value)) {
            return new Reading(code, value, Quality.BAD);
        }
        return new Reading(code, value, Quality.GOOD);
    }

    /**
     * The unscaled number in {@code words[at]} (and {@code words[at + 1]} for 32-bit types). A float32 is widened
     * through its shortest decimal form, so that a transmitter's 7.1 is recorded as 7.1 and not as
     * 7.099999904632568; NaN and infinities come back as they are.
     */
    public static double raw(DataType type, WordOrder order, int[] words, int at) {
        return switch (type) {
            case INT16 -> (short) words[at];
            case UINT16 -> words[at] & 0xFFFF;
            case INT32 -> order.combine(words[at], words[at + 1]);
            case UINT32 -> order.combine(words[at], words[at + 1]) & 0xFFFF_FFFFL;
            case FLOAT32 -> {
                float f = Float.intBitsToFloat(order.combine(words[at], words[at + 1]));
                yield Float.isFinite(f) ? Double.parseDouble(Float.toString(f)) : f;
            }
        };
    }

    /**
     * {@code raw * scale + offset} in decimal arithmetic, rounded once to the nearest double: a register of 8082
     * with scale 0.001 gives 8.082, not 8.082000000000001.
     */
    static double scaled(double raw, double scale, double offset) {
        if (scale == 1 && offset == 0) {
            return raw;
        }
        BigDecimal v = new BigDecimal(Double.toString(raw)).multiply(new BigDecimal(Double.toString(scale)))
                .add(new BigDecimal(Double.toString(offset)));
        return v.doubleValue();
    }
}
