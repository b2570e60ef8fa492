package org.waterchain.devices.modbus;

import java.util.List;

/** One read request: {@code count} registers of one kind from protocol address {@code start}, and the points in them. */
record ReadBlock(RegisterKind kind, int start, int count, List<ModbusPoint> points) {
    ReadBlock {
        points = List.copyOf(points);
    }

    int end() {
        return start + count;
    }
}
