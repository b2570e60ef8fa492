package org.waterchain.devices.modbus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.Reading.Quality;

class RegisterDecoderTest {

    @Test
    void wordOrdersPlaceTheBytesAsTheirNamesSay() {
        int bits = 0x11223344;
        assertArrayEquals(new int[] {0x1122, 0x3344}, WordOrder.ABCD.split(bits));
        assertArrayEquals(new int[] {0x3344, 0x1122}, WordOrder.CDAB.split(bits));
        assertArrayEquals(new int[] {0x2211, 0x4433}, WordOrder.BADC.split(bits));
        assertArrayEquals(new int[] {0x4433, 0x2211}, WordOrder.DCBA.split(bits));
    }

    @ParameterizedTest
    @EnumSource(WordOrder.class)
    void combineUndoesSplit(WordOrder order) {
        for (int bits : new int[] {0, -1, 0x11223344, 0x80000000, 0x7FFFFFFF, 0x00FF00FF}) {
            int[] w = order.split(bits);
            assertEquals(bits, order.combine(w[0], w[1]), order + " " + Integer.toHexString(bits));
        }
    }

    @ParameterizedTest
    @EnumSource(WordOrder.class)
    void float32InEveryWordOrder(WordOrder order) {
        assertEquals(12.5, decodeRaw(DataType.FLOAT32, order, Float.floatToIntBits(12.5f)));
        assertEquals(-0.03125, decodeRaw(DataType.FLOAT32, order, Float.floatToIntBits(-0.03125f)));
    }

    @ParameterizedTest
    @EnumSource(WordOrder.class)
    void int32InEveryWordOrder(WordOrder order) {
        assertEquals(-123456.0, decodeRaw(DataType.INT32, order, -123456));
        assertEquals(2_000_000_000.0, decodeRaw(DataType.INT32, order, 2_000_000_000));
    }

    @ParameterizedTest
    @EnumSource(WordOrder.class)
    void uint32InEveryWordOrder(WordOrder order) {
        assertEquals(3_000_000_000.0, decodeRaw(DataType.UINT32, order, (int) 3_000_000_000L));
        assertEquals(4_294_967_295.0, decodeRaw(DataType.UINT32, order, -1));
    }

    @Test
    void sixteenBitTypesAreSignedOrNot() {
        assertEquals(-1234.0, RegisterDecoder.raw(DataType.INT16, null, new int[] {(short) -1234 & 0xFFFF}, 0));
        assertEquals(54321.0, RegisterDecoder.raw(DataType.UINT16, null, new int[] {54321}, 0));
        assertEquals(-1.0, RegisterDecoder.raw(DataType.INT16, null, new int[] {0xFFFF}, 0));
        assertEquals(65535.0, RegisterDecoder.raw(DataType.UINT16, null, new int[] {0xFFFF}, 0));
    }

    @Test
    void decodesAtAnOffsetInsideABlock() {
        int[] words = {7, 7, 0x4148, 0x0000, 7};
        assertEquals(12.5, RegisterDecoder.raw(DataType.FLOAT32, WordOrder.ABCD, words, 2));
    }

    @Test
    void float32IsRecordedAsTheDecimalTheTransmitterMeant() {
        assertEquals(7.1, decodeRaw(DataType.FLOAT32, WordOrder.ABCD, Float.floatToIntBits(7.1f)));
    }

    @Test
    void scaleAndOffsetGiveEngineeringUnits() {
        ModbusPoint milli = point(DataType.UINT16, null, 0.001, 0, null, List.of());
        assertEquals(8.082, RegisterDecoder.decode(milli, new int[] {8082}, 0).value());
        ModbusPoint kelvin = point(DataType.INT16, null, 0.1, -273.15, null, List.of());
        Reading r = RegisterDecoder.decode(kelvin, new int[] {2982}, 0);
        assertEquals(25.05, r.value(), 1e-12);
        assertEquals(Quality.GOOD, r.quality());
    }

    @Test
    void valueOutsideTheValidRangeIsKeptWithQualityBad() {
        ModbusPoint ph = point(DataType.UINT16, null, 0.01, 0, new ValidRange(0, 14), List.of());
        Reading inside = RegisterDecoder.decode(ph, new int[] {700}, 0);
        assertEquals(Quality.GOOD, inside.quality());
        Reading outside = RegisterDecoder.decode(ph, new int[] {1500}, 0);
        assertEquals(15.0, outside.value());
        assertEquals(Quality.BAD, outside.quality());
        assertEquals(Quality.GOOD, RegisterDecoder.decode(ph, new int[] {1400}, 0).quality(), "the range is inclusive");
    }

    @Test
    void nanAndInfinityBecomeZeroWithQualityBad() {
        ModbusPoint p = point(DataType.FLOAT32, WordOrder.CDAB, 1, 0, null, List.of());
        for (float f : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            Reading r = RegisterDecoder.decode(p, WordOrder.CDAB.split(Float.floatToIntBits(f)), 0);
            assertEquals(0.0, r.value(), "for " + f);
            assertEquals(Quality.BAD, r.quality(), "for " + f);
        }
    }

    @Test
    void sentinelIsMarkedBad() {
        ModbusPoint p = point(DataType.FLOAT32, WordOrder.ABCD, 1, 0, null, List.of(9999.0, 9998.0));
        Reading r = RegisterDecoder.decode(p, WordOrder.ABCD.split(Float.floatToIntBits(9999f)), 0);
        assertEquals(9999.0, r.value());
        assertEquals(Quality.BAD, r.quality());
        assertEquals(Quality.GOOD,
                RegisterDecoder.decode(p, WordOrder.ABCD.split(Float.floatToIntBits(999.9f)), 0).quality());
    }

    @Test
    void scalingThatOverflowsIsBadNotInfinite() {
        ModbusPoint huge = point(DataType.FLOAT32, WordOrder.ABCD, 1e300, 0, null, List.of());
        Reading r = RegisterDecoder.decode(huge, WordOrder.ABCD.split(Float.floatToIntBits(Float.MAX_VALUE)), 0);
        assertTrue(Double.isFinite(r.value()));
        assertEquals(Quality.BAD, r.quality());
    }

    @Test
    void readingCarriesTheQuantityCode() {
        ModbusPoint p = point(DataType.UINT16, null, 1, 0, null, List.of());
        assertEquals(Quantity.EC.code(), RegisterDecoder.decode(p, new int[] {1}, 0).quantityCode());
    }

    private static double decodeRaw(DataType type, WordOrder order, int bits) {
        return RegisterDecoder.raw(type, order, order.split(bits), 0);
    }

    private static ModbusPoint point(DataType type, WordOrder order, double scale, double offset, ValidRange range,
            List<Double> sentinels) {
        return new ModbusPoint("p", Quantity.EC, RegisterKind.HOLDING, 0, type, order, scale, offset, range, sentinels);
    }
}
