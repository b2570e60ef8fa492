package org.waterchain.devices.modbus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups a profile's points into as few read requests as possible, because on a half-duplex bus every request
 * costs a turnaround. Points of one kind that touch or overlap share a request; a gap of unused registers is read
 * through only up to the profile's {@code maxGapRegisters}, since an unmapped register can make a transmitter
 * refuse the whole request.
 */
final class ReadPlan {
    /** The most registers one read request may ask for (Modbus application protocol, function 3 and 4). */
    static final int MAX_REGISTERS = 125;

    private ReadPlan() {}

    static List<ReadBlock> of(ModbusProfile profile) {
        int base = profile.addressBase();
        List<ModbusPoint> sorted = new ArrayList<>(profile.points());
        sorted.sort(Comparator.comparing(ModbusPoint::kind).thenComparingInt(ModbusPoint::register));
        List<ReadBlock> blocks = new ArrayList<>();
        RegisterKind kind = null;
        int start = 0;
        int end = 0;
        List<ModbusPoint> members = new ArrayList<>();
        for (ModbusPoint p : sorted) {
            int a = p.address(base);
            int e = a + p.registers();
            boolean joins = kind == p.kind() && a - end <= profile.maxGapRegisters()
                    && Math.max(end, e) - start <= MAX_REGISTERS;
            if (!joins) {
                if (kind != null) {
                    blocks.add(new ReadBlock(kind, start, end - start, members));
                }
                kind = p.kind();
                start = a;
                end = e;
                members = new ArrayList<>();
            }
            end = Math.max(end, e);
            members.add(p);
        }
        blocks.add(new ReadBlock(kind, start, end - start, members));
        return List.copyOf(blocks);
    }
}
