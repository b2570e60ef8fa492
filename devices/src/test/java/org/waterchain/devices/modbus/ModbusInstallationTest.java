package org.waterchain.devices.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModbusInstallationTest {

    @Test
    void bindsBundledProfilesWithTheirDefaults() {
        ModbusInstallation inst = ModbusInstallation.parse("modbus.json", """
                { "devices": [
                  { "deviceId": "R01-EC", "profile": "aqualabo-ponsel-c4e", "port": "/dev/ttyUSB0",
                    "pollIntervalSeconds": 60 },
                  { "deviceId": "R01-PH", "profile": "aqualabo-ponsel-pheht", "port": "/dev/ttyUSB0", "unitId": 21,
                    "pollIntervalSeconds": 0.5, "responseTimeoutMs": 300 }
                ] }
                """, null);
        ModbusDevice ec = inst.devices().get(0);
        assertEquals("aqualabo-ponsel-c4e", ec.profile().id());
        assertEquals(30, ec.unitId(), "the profile's default unit id");
        assertEquals(Duration.ofSeconds(60), ec.pollInterval());
        assertEquals(SerialSettings.of8N1(9600), ec.serial());
        assertEquals(Duration.ofMillis(1000), ec.responseTimeout());
        assertFalse(ec.echo());
        ModbusDevice ph = inst.devices().get(1);
        assertEquals(21, ph.unitId());
        assertEquals(Duration.ofMillis(500), ph.pollInterval());
        assertEquals(Duration.ofMillis(300), ph.responseTimeout());
    }

    @Test
    void profileFileIsResolvedBesideTheInstallationAndSerialCanBeOverridden(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("my-probe.json"), """
                { "manufacturer": "Acme", "model": "P1", "documentation": "Acme P1 manual",
                  "serial": { "baud": 9600, "dataBits": 8, "parity": "NONE", "stopBits": 1 },
                  "defaultUnitId": 5, "addressBase": 0,
                  "points": [ { "quantity": "LEVEL", "function": 4, "register": 0, "type": "uint16", "scale": 0.01 } ] }
                """);
        Path file = dir.resolve("modbus.json");
        Files.writeString(file, """
                { "devices": [ { "deviceId": "L1", "profile": "my-probe.json", "port": "COM3", "pollIntervalSeconds": 5,
                                 "serial": { "baud": 19200, "parity": "EVEN" }, "echo": true } ] }
                """);
        ModbusDevice d = ModbusInstallation.load(file).devices().get(0);
        assertEquals("my-probe", d.profile().id());
        assertEquals(new SerialSettings(19200, 8, Parity.EVEN, 1), d.serial());
        assertEquals(5, d.unitId());
        assertTrue(d.echo());
    }

    @Test
    void errorsInAProfileFileNameThatFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.json"), "{ \"manufacturer\": 3 }");
        Path file = dir.resolve("modbus.json");
        Files.writeString(file, """
                { "devices": [ { "deviceId": "L1", "profile": "bad.json", "port": "COM3", "pollIntervalSeconds": 5 } ] }
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> ModbusInstallation.load(file));
        assertEquals(dir.resolve("bad.json") + ": manufacturer: expected text, got 3", e.getMessage());
    }

    @Test
    void unknownProfileListsTheBundledOnes() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("""
                { "deviceId": "X", "profile": "hach-sc1000", "port": "/dev/ttyUSB0", "pollIntervalSeconds": 5 }
                """));
        assertTrue(e.getMessage().startsWith("modbus.json: devices[0].profile: 'hach-sc1000' is not a bundled profile "
                + "(bundled: aqualabo-ponsel-c4e,"), e.getMessage());
    }

    @Test
    void deviceIdIsCheckedAsTheLedgerWill() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("""
                { "deviceId": "R01 EC", "profile": "hach-ldo-aqs", "port": "/dev/ttyUSB0", "pollIntervalSeconds": 5 }
                """));
        assertEquals("modbus.json: devices[0].deviceId: 'R01 EC': device id must be 1-32 printable ASCII characters without spaces",
                e.getMessage());
    }

    @Test
    void duplicateDeviceIdsAreRejected() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("""
                { "deviceId": "A", "profile": "hach-ldo-aqs", "port": "/dev/ttyUSB0", "pollIntervalSeconds": 5 },
                { "deviceId": "A", "profile": "hach-ldo-aqs", "port": "/dev/ttyUSB1", "pollIntervalSeconds": 5 }
                """));
        assertEquals("modbus.json: devices[1].deviceId: 'A' is already used by devices[0]", e.getMessage());
    }

    @Test
    void devicesOnOnePortMustShareItsSerialSettings() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("""
                { "deviceId": "DO", "profile": "hach-ldo-aqs", "port": "/dev/ttyUSB0", "pollIntervalSeconds": 5 },
                { "deviceId": "EC", "profile": "aqualabo-ponsel-c4e", "port": "/dev/ttyUSB0", "pollIntervalSeconds": 5 }
                """));
        assertEquals("modbus.json: devices: devices DO (19200 8N1) and EC (9600 8N1) share port /dev/ttyUSB0 but not "
                + "its serial settings", e.getMessage());
    }

    @Test
    void devicesOnOnePortNeedDistinctUnitIds() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("""
                { "deviceId": "EC", "profile": "aqualabo-ponsel-c4e", "port": "/dev/ttyUSB0", "pollIntervalSeconds": 5 },
                { "deviceId": "PH", "profile": "aqualabo-ponsel-pheht", "port": "/dev/ttyUSB0", "unitId": 30,
                  "pollIntervalSeconds": 5 }
                """));
        assertEquals("modbus.json: devices: devices EC and PH both use unit id 30 on port /dev/ttyUSB0", e.getMessage());
    }

    @Test
    void pollIntervalIsBounded() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("""
                { "deviceId": "A", "profile": "hach-ldo-aqs", "port": "/dev/ttyUSB0", "pollIntervalSeconds": 0 }
                """));
        assertEquals("modbus.json: devices[0].pollIntervalSeconds: 0.0 is outside 0.1..86400 seconds", e.getMessage());
    }

    private static List<ModbusDevice> parse(String devices) {
        return ModbusInstallation.parse("modbus.json", "{ \"devices\": [" + devices + "] }", null).devices();
    }
}
