package org.waterchain.devices.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.record.Quantity;

class ReadPlanTest {

    @Test
    void touchingPointsShareOneRequest() {
        List<ReadBlock> blocks = ReadPlan.of(profile(0, 0,
                point(Quantity.TEMPERATURE, RegisterKind.HOLDING, 10, DataType.FLOAT32),
                point(Quantity.EC, RegisterKind.HOLDING, 12, DataType.FLOAT32),
                point(Quantity.PH, RegisterKind.HOLDING, 14, DataType.INT16)));
        assertEquals(List.of(new Span(RegisterKind.HOLDING, 10, 5)), spans(blocks));
        assertEquals(3, blocks.get(0).points().size());
    }

    @Test
    void aGapSplitsUnlessTheProfileAllowsReadingThroughIt() {
        ModbusPoint a = point(Quantity.TEMPERATURE, RegisterKind.HOLDING, 0x53, DataType.FLOAT32);
        ModbusPoint b = point(Quantity.DO, RegisterKind.HOLDING, 0x57, DataType.FLOAT32);
        assertEquals(List.of(new Span(RegisterKind.HOLDING, 0x53, 2), new Span(RegisterKind.HOLDING, 0x57, 2)),
                spans(ReadPlan.of(profile(0, 0, a, b))));
        assertEquals(List.of(new Span(RegisterKind.HOLDING, 0x53, 6)), spans(ReadPlan.of(profile(0, 2, a, b))));
        assertEquals(2, ReadPlan.of(profile(0, 1, a, b)).size(), "a 2-register gap needs maxGapRegisters >= 2");
    }

    @Test
    void kindsAreReadSeparatelyAndInAddressOrder() {
        List<ReadBlock> blocks = ReadPlan.of(profile(1, 0,
                point(Quantity.FLOW, RegisterKind.INPUT, 1, DataType.UINT16),
                point(Quantity.PH, RegisterKind.HOLDING, 5, DataType.UINT16),
                point(Quantity.EC, RegisterKind.HOLDING, 2, DataType.UINT16),
                point(Quantity.DO, RegisterKind.INPUT, 2, DataType.UINT16)));
        assertEquals(List.of(new Span(RegisterKind.HOLDING, 1, 1), new Span(RegisterKind.HOLDING, 4, 1),
                new Span(RegisterKind.INPUT, 0, 2)), spans(blocks));
    }

    @Test
    void overlappingPointsShareTheirRegisters() {
        List<ReadBlock> blocks = ReadPlan.of(profile(0, 0,
                point(Quantity.LEVEL, RegisterKind.HOLDING, 100, DataType.UINT32),
                point(Quantity.PRESSURE, RegisterKind.HOLDING, 101, DataType.UINT16)));
        assertEquals(List.of(new Span(RegisterKind.HOLDING, 100, 2)), spans(blocks));
    }

    @Test
    void noRequestAsksForMoreThan125Registers() {
        List<ModbusPoint> many = new ArrayList<>();
        Quantity[] qs = Quantity.values();
        for (int i = 0; i < 10; i++) {
            many.add(point(qs[i], RegisterKind.HOLDING, i * 20, DataType.FLOAT32));
        }
        List<ReadBlock> blocks = ReadPlan.of(profile(0, 18, many.toArray(new ModbusPoint[0])));
        assertEquals(List.of(new Span(RegisterKind.HOLDING, 0, 122), new Span(RegisterKind.HOLDING, 140, 42)),
                spans(blocks));
    }

    private record Span(RegisterKind kind, int start, int count) {}

    private static List<Span> spans(List<ReadBlock> blocks) {
        return blocks.stream().map(b -> new Span(b.kind(), b.start(), b.count())).toList();
    }

    static ModbusPoint point(Quantity q, RegisterKind kind, int register, DataType type) {
        return ModbusPoint.plain(q.displayName(), q, kind, register, type);
    }

    static ModbusProfile profile(int base, int gap, ModbusPoint... points) {
        return new ModbusProfile("test", "Acme", "Probe", "test profile", "", SerialSettings.of8N1(9600), 1, base, 500,
                gap, List.of(), List.of(points));
    }
}
