package org.waterchain.devices.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.record.Quantity;

class ProfileReaderTest {
    private static final String GOOD = """
            {
              "manufacturer": "Acme",
              "model": "Probe 1",
              "documentation": "Acme Probe 1 manual, section 7",
              "serial": { "baud": 19200, "dataBits": 8, "parity": "even", "stopBits": 1 },
              "defaultUnitId": 3,
              "addressBase": 1,
              "responseTimeoutMs": 400,
              "trigger": [ { "function": 5, "register": 10, "value": 1, "waitMs": 250 } ],
              "points": [
                { "quantity": "PH", "function": 4, "register": 1, "type": "int16", "scale": 0.01,
                  "validRange": { "min": 0, "max": 14 } },
                { "name": "Flow", "quantity": "flow", "function": 3, "register": "0x0010", "type": "float32",
                  "wordOrder": "CDAB", "sentinels": [-9999] },
                { "quantity": "TEMP", "function": 3, "register": 18, "type": "uint32", "wordOrder": "dcba",
                  "offset": -40 }
              ]
            }
            """;

    @Test
    void readsEveryField() {
        ModbusProfile p = ModbusProfiles.parse("profiles/acme-probe-1.json", GOOD);
        assertEquals("acme-probe-1", p.id());
        assertEquals("Acme Probe 1", p.title());
        assertEquals(new SerialSettings(19200, 8, Parity.EVEN, 1), p.serial());
        assertEquals(3, p.defaultUnitId());
        assertEquals(1, p.addressBase());
        assertEquals(400, p.responseTimeoutMs());
        assertEquals(0, p.maxGapRegisters());
        assertEquals(List.of(new TriggerStep(TriggerStep.Write.COIL, 10, 1, 250)), p.trigger());
        assertEquals("", p.notes());

        ModbusPoint ph = p.points().get(0);
        assertEquals("pH", ph.name(), "the name defaults to the quantity's");
        assertEquals(Quantity.PH, ph.quantity());
        assertEquals(RegisterKind.INPUT, ph.kind());
        assertEquals(0, ph.address(p.addressBase()));
        assertEquals(DataType.INT16, ph.type());
        assertNull(ph.wordOrder());
        assertEquals(0.01, ph.scale());
        assertEquals(new ValidRange(0, 14), ph.validRange());

        ModbusPoint flow = p.points().get(1);
        assertEquals(Quantity.FLOW, flow.quantity());
        assertEquals(16, flow.register(), "hex register text");
        assertEquals(WordOrder.CDAB, flow.wordOrder());
        assertEquals(List.of(-9999.0), flow.sentinels());

        ModbusPoint temp = p.points().get(2);
        assertEquals(WordOrder.DCBA, temp.wordOrder());
        assertEquals(-40.0, temp.offset());
    }

    @Test
    void unknownWordOrderNamesFileFieldAndChoices() {
        String json = GOOD.replace("\"dcba\"", "\"ABDC\"");
        ConfigException e = assertThrows(ConfigException.class, () -> ModbusProfiles.parse("profiles/x.json", json));
        assertEquals("profiles/x.json: points[2].wordOrder: 'ABDC' is not one of ABCD, CDAB, BADC, DCBA", e.getMessage());
        assertEquals("profiles/x.json", e.source());
        assertEquals("points[2].wordOrder", e.field());
    }

    @Test
    void missingFieldIsNamed() {
        String json = GOOD.replace("\"defaultUnitId\": 3,", "");
        assertMessage(json, "profiles/x.json: defaultUnitId: missing");
    }

    @Test
    void misspeltFieldIsRejectedNotIgnored() {
        String json = GOOD.replace("\"scale\": 0.01", "\"scael\": 0.01");
        assertMessage(json, "profiles/x.json: points[0].scael: unknown field (known fields: name, quantity, function, "
                + "register, type, wordOrder, scale, offset, validRange, sentinels)");
    }

    @Test
    void unknownQuantityListsTheSymbols() {
        String json = GOOD.replace("\"PH\"", "\"PHX\"");
        ConfigException e = assertThrows(ConfigException.class, () -> ModbusProfiles.parse("profiles/x.json", json));
        assertTrue(e.getMessage().startsWith("profiles/x.json: points[0].quantity: 'PHX' is not a quantity symbol (one of FLOW, EC,"),
                e.getMessage());
    }

    @Test
    void unknownTypeListsTheTypes() {
        String json = GOOD.replace("\"int16\"", "\"int8\"");
        assertMessage(json, "profiles/x.json: points[0].type: 'int8' is not one of int16, uint16, int32, uint32, float32");
    }

    @Test
    void wideTypeNeedsAWordOrder() {
        String json = GOOD.replace("\"wordOrder\": \"CDAB\", ", "");
        assertMessage(json, "profiles/x.json: points[1].wordOrder: missing");
    }

    @Test
    void sixteenBitTypeHasNoWordOrder() {
        String json = GOOD.replace("\"type\": \"int16\",", "\"type\": \"int16\", \"wordOrder\": \"ABCD\",");
        assertMessage(json, "profiles/x.json: points[0].wordOrder: int16 is one register: only 32-bit types have a word order");
    }

    @Test
    void readFunctionMustBe3Or4() {
        String json = GOOD.replace("\"function\": 4", "\"function\": 6");
        assertMessage(json, "profiles/x.json: points[0].function: 6 is not a read function for measurements "
                + "(3 holding registers, 4 input registers)");
    }

    @Test
    void triggerFunctionMustBeAWrite() {
        String json = GOOD.replace("\"function\": 5", "\"function\": 3");
        assertMessage(json, "profiles/x.json: trigger[0].function: 3 is not a write function a trigger may use "
                + "(5 write coil, 6 write register, 16 write registers)");
    }

    @Test
    void coilTriggerValueIsZeroOrOne() {
        String json = GOOD.replace("\"value\": 1,", "\"value\": 2,");
        assertMessage(json, "profiles/x.json: trigger[0].value: 2 is outside 0..1");
    }

    @Test
    void registerBelowTheAddressBaseIsRejected() {
        String json = GOOD.replace("\"register\": 1,", "\"register\": 0,");
        assertMessage(json, "profiles/x.json: points[0].register: 0 is below the profile's addressBase 1");
    }

    @Test
    void registerPastTheAddressSpaceIsRejected() {
        String json = GOOD.replace("\"register\": 18,", "\"register\": 65536,");
        assertMessage(json, "profiles/x.json: points[2].register: 65536 runs past the last Modbus address 65535");
    }

    @Test
    void aQuantityIsReadOnce() {
        String json = GOOD.replace("\"TEMP\"", "\"PH\"");
        assertMessage(json, "profiles/x.json: points[2].quantity: PH is already read by points[0] "
                + "(a sample holds one reading per quantity)");
    }

    @Test
    void rangeMustBeOrdered() {
        String json = GOOD.replace("\"min\": 0, \"max\": 14", "\"min\": 14, \"max\": 0");
        assertMessage(json, "profiles/x.json: points[0].validRange: min 14.0 is above max 0.0");
    }

    @Test
    void parityIsNamed() {
        String json = GOOD.replace("\"even\"", "\"E\"");
        assertMessage(json, "profiles/x.json: serial.parity: 'E' is not one of NONE, EVEN, ODD");
    }

    @Test
    void wrongJsonTypeIsDescribed() {
        String json = GOOD.replace("\"defaultUnitId\": 3", "\"defaultUnitId\": \"three\"");
        assertMessage(json, "profiles/x.json: defaultUnitId: expected an integer (or \"0x...\" hex text), got 'three'");
    }

    @Test
    void brokenJsonGivesLineAndColumn() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ModbusProfiles.parse("profiles/x.json", "{\n  \"model\": \"a\",,\n}"));
        assertTrue(e.getMessage().startsWith("profiles/x.json: not valid JSON at line 2, column "), e.getMessage());
    }

    @Test
    void profileNeedsPoints() {
        String json = GOOD.substring(0, GOOD.indexOf("\"points\"")) + "\"points\": [] }";
        assertMessage(json, "profiles/x.json: points: a profile needs at least one point");
    }

    private static void assertMessage(String json, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> ModbusProfiles.parse("profiles/x.json", json));
        assertEquals(expected, e.getMessage());
    }
}
