package org.waterchain.devices.modbus;

import org.waterchain.ledger.record.SensorRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The transmitters wired to this node, read from an installation file:
 *
 * <pre>{@code
 * {
 *   "devices": [
 *     { "deviceId": "R01-EC", "profile": "aqualabo-ponsel-c4e", "port": "/dev/ttyUSB0", "unitId": 30,
 *       "pollIntervalSeconds": 60 }
 *   ]
 * }
 * }</pre>
 *
 * {@code profile} is a bundled profile id, or a path ending in {@code .json} (relative to the installation file).
 * Optional per device: {@code unitId} (default: the profile's), {@code serial} (any of baud, dataBits, parity,
 * stopBits, overriding the profile's), {@code responseTimeoutMs}, and {@code echo} for RS-485 adapters that echo
 * their own transmission.
 */
public record ModbusInstallation(List<ModbusDevice> devices) {
    public ModbusInstallation {
        devices = List.copyOf(devices);
    }

    public static ModbusInstallation load(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot read: " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(file.toString(), json, dir);
    }

    /** @param profileDir where relative profile paths are resolved */
    public static ModbusInstallation parse(String source, String json, Path profileDir) {
        ConfigNode root = ConfigNode.parse(source, json);
        root.allowOnly("devices");
        List<ModbusDevice> devices = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (ConfigNode d : root.field("devices").elements()) {
            ModbusDevice device = device(d, profileDir);
            String earlier = ids.putIfAbsent(device.deviceId(), d.path());
            if (earlier != null) {
                throw d.field("deviceId").error("'" + device.deviceId() + "' is already used by " + earlier);
            }
            devices.add(device);
        }
        try {
            BusPlan.of(devices);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, "devices", e.getMessage(), e);
        }
        return new ModbusInstallation(devices);
    }

    private static ModbusDevice device(ConfigNode n, Path profileDir) {
        n.allowOnly("deviceId", "profile", "port", "unitId", "pollIntervalSeconds", "serial", "responseTimeoutMs", "echo");
        ConfigNode idNode = n.field("deviceId");
        String id = idNode.nonBlankText();
        if (!SensorRecord.isValidDeviceId(id)) {
            throw idNode.error("'" + id + "': " + SensorRecord.DEVICE_ID_RULE);
        }
        ModbusProfile profile = profile(n.field("profile"), profileDir);
        String port = n.field("port").nonBlankText();
        int unitId = n.optional("unitId").map(u -> u.integer(1, 247)).orElse(profile.defaultUnitId());
        ConfigNode intervalNode = n.field("pollIntervalSeconds");
        double seconds = intervalNode.number();
        if (seconds < 0.1 || seconds > 86_400) {
            throw intervalNode.error(seconds + " is outside 0.1..86400 seconds");
        }
        SerialSettings serial = n.optional("serial").map(s -> serial(s, profile.serial())).orElse(profile.serial());
        int timeout = n.optional("responseTimeoutMs").map(t -> t.integer(1, 60_000)).orElse(profile.responseTimeoutMs());
        boolean echo = n.optional("echo").map(ConfigNode::bool).orElse(false);
        return new ModbusDevice(id, profile, port, unitId, Duration.ofMillis(Math.round(seconds * 1000)), serial,
                Duration.ofMillis(timeout), echo);
    }

    private static ModbusProfile profile(ConfigNode n, Path profileDir) {
        String ref = n.nonBlankText();
        if (ref.endsWith(".json")) {
            Path file = profileDir == null ? Path.of(ref) : profileDir.resolve(ref);
            if (!Files.isRegularFile(file)) {
                throw n.error("profile file " + file + " does not exist");
            }
            return ModbusProfiles.load(file);
        }
        if (!ModbusProfiles.bundledIds().contains(ref)) {
            throw n.error("'" + ref + "' is not a bundled profile (bundled: " + String.join(", ",
                    ModbusProfiles.bundledIds()) + "); give a path ending in .json for a profile file");
        }
        return ModbusProfiles.bundled(ref);
    }

    private static SerialSettings serial(ConfigNode n, SerialSettings defaults) {
        n.allowOnly("baud", "dataBits", "parity", "stopBits");
        int baud = n.optional("baud").map(b -> b.integer(300, 1_000_000)).orElse(defaults.baud());
        int dataBits = n.optional("dataBits").map(b -> b.integer(7, 8)).orElse(defaults.dataBits());
        Parity parity = n.optional("parity").map(p -> p.oneOf(Parity.class)).orElse(defaults.parity());
        int stopBits = n.optional("stopBits").map(b -> b.integer(1, 2)).orElse(defaults.stopBits());
        return new SerialSettings(baud, dataBits, parity, stopBits);
    }
}
