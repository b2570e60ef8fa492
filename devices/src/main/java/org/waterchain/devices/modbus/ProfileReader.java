package org.waterchain.devices.modbus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.SensorRecord;

/** Turns a profile's JSON into a {@link ModbusProfile}, or a {@link ConfigException} naming the file and field. */
final class ProfileReader {
    private ProfileReader() {}

    static ModbusProfile read(String source, String id, String json) {
        ConfigNode root = ConfigNode.parse(source, json);
        root.allowOnly("manufacturer", "model", "documentation", "notes", "serial", "defaultUnitId", "addressBase",
                "responseTimeoutMs", "maxGapRegisters", "trigger", "points");
        String manufacturer = root.field("manufacturer").nonBlankText();
        String model = root.field("model").nonBlankText();
        String documentation = root.field("documentation").nonBlankText();
        String notes = root.optional("notes").map(ConfigNode::text).orElse("");
        SerialSettings serial = serial(root.field("serial"));
        int unitId = root.field("defaultUnitId").integer(1, 247);
        int base = root.field("addressBase").integer(0, 1);
        int timeout = root.optional("responseTimeoutMs").map(n -> n.integer(1, 60_000))
                .orElse(ModbusProfile.DEFAULT_RESPONSE_TIMEOUT_MS);
        int gap = root.optional("maxGapRegisters").map(n -> n.integer(0, 100)).orElse(0);

        List<TriggerStep> trigger = new ArrayList<>();
        for (ConfigNode step : root.optional("trigger").map(ConfigNode::elements).orElse(List.of())) {
            trigger.add(triggerStep(step, base));
        }

        ConfigNode pointsNode = root.field("points");
        List<ConfigNode> pointNodes = pointsNode.elements();
        if (pointNodes.isEmpty()) {
            throw pointsNode.error("a profile needs at least one point");
        }
        if (pointNodes.size() > SensorRecord.MAX_READINGS) {
            throw pointsNode.error("a record holds at most " + SensorRecord.MAX_READINGS + " readings, got "
                    + pointNodes.size() + " points");
        }
        List<ModbusPoint> points = new ArrayList<>();
        Map<Quantity, String> seen = new HashMap<>();
        for (ConfigNode p : pointNodes) {
            ModbusPoint point = point(p, base);
            String earlier = seen.putIfAbsent(point.quantity(), p.path());
            if (earlier != null) {
                throw p.field("quantity").error(point.quantity().symbol() + " is already read by " + earlier
                        + " (a sample holds one reading per quantity)");
            }
            points.add(point);
        }
        return new ModbusProfile(id, manufacturer, model, documentation, notes, serial, unitId, base, timeout, gap,
                trigger, points);
    }

    static SerialSettings serial(ConfigNode n) {
        n.allowOnly("baud", "dataBits", "parity", "stopBits");
        int baud = n.field("baud").integer(300, 1_000_000);
        int dataBits = n.field("dataBits").integer(7, 8);
        Parity parity = n.field("parity").oneOf(Parity.class);
        int stopBits = n.field("stopBits").integer(1, 2);
        return new SerialSettings(baud, dataBits, parity, stopBits);
    }

    private static TriggerStep triggerStep(ConfigNode n, int base) {
        n.allowOnly("function", "register", "value", "waitMs");
        ConfigNode fn = n.field("function");
        int code = fn.integer(0, 255);
        TriggerStep.Write write = TriggerStep.Write.byFunctionCode(code).orElseThrow(() -> fn.error(code
                + " is not a write function a trigger may use (5 write coil, 6 write register, 16 write registers)"));
        int register = register(n.field("register"), base, 1);
        ConfigNode valueNode = n.field("value");
        int value = write == TriggerStep.Write.COIL ? valueNode.integer(0, 1) : valueNode.integer(0, 0xFFFF);
        long waitMs = n.optional("waitMs").map(w -> w.integer(0, 600_000)).orElse(0);
        return new TriggerStep(write, register, value, waitMs);
    }

    private static ModbusPoint point(ConfigNode n, int base) {
        n.allowOnly("name", "quantity", "function", "register", "type", "wordOrder", "scale", "offset", "validRange",
                "sentinels");
        ConfigNode qn = n.field("quantity");
        String symbol = qn.text();
        Quantity quantity = Quantity.bySymbol(symbol).orElseThrow(() -> qn.error("'" + symbol
                + "' is not a quantity symbol (one of " + Arrays.stream(Quantity.values()).map(Quantity::symbol)
                .collect(Collectors.joining(", ")) + ")"));
        String name = n.optional("name").map(ConfigNode::nonBlankText).orElse(quantity.displayName());
        ConfigNode fn = n.field("function");
        int code = fn.integer(0, 255);
        RegisterKind kind = RegisterKind.byFunctionCode(code).orElseThrow(() -> fn.error(code
                + " is not a read function for measurements (3 holding registers, 4 input registers)"));
        ConfigNode tn = n.field("type");
        String typeName = tn.text();
        DataType type = DataType.byJsonName(typeName).orElseThrow(() -> tn.error("'" + typeName + "' is not one of "
                + DataType.jsonNames()));
        int register = register(n.field("register"), base, type.registers());
        WordOrder order = null;
        var wo = n.optional("wordOrder");
        if (type.wide()) {
            order = n.field("wordOrder").oneOf(WordOrder.class);
        } else if (wo.isPresent()) {
            throw wo.get().error(typeName + " is one register: only 32-bit types have a word order");
        }
        double scale = n.optional("scale").map(ConfigNode::number).orElse(1.0);
        if (scale == 0) {
            throw n.field("scale").error("must not be 0");
        }
        double offset = n.optional("offset").map(ConfigNode::number).orElse(0.0);
        ValidRange range = n.optional("validRange").map(ProfileReader::range).orElse(null);
        List<Double> sentinels = new ArrayList<>();
        for (ConfigNode s : n.optional("sentinels").map(ConfigNode::elements).orElse(List.of())) {
            sentinels.add(s.number());
        }
        return new ModbusPoint(name, quantity, kind, register, type, order, scale, offset, range, sentinels);
    }

    /** A register number as written in the manual, checked to map onto the 0..65535 protocol address space. */
    private static int register(ConfigNode n, int base, int width) {
        int register = n.integer(0, 0xFFFF + base);
        if (register < base) {
            throw n.error(register + " is below the profile's addressBase " + base);
        }
        if (register - base + width - 1 > 0xFFFF) {
            throw n.error(register + " runs past the last Modbus address 65535");
        }
        return register;
    }

    private static ValidRange range(ConfigNode n) {
        n.allowOnly("min", "max");
        double min = n.field("min").number();
        double max = n.field("max").number();
        if (min > max) {
            throw n.error("min " + min + " is above max " + max);
        }
        return new ValidRange(min, max);
    }
}
