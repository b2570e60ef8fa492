package org.waterchain.devices.modbus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The transmitter profiles bundled with WaterChain, and profiles an installer writes for a model that is not
 * bundled. Bundled profiles live under {@code org/waterchain/devices/modbus/profiles/}, listed in
 * {@code index.json} because a jar cannot be listed reliably.
 */
public final class ModbusProfiles {
    static final String DIRECTORY = "profiles/";
    private static final String INDEX = DIRECTORY + "index.json";

    private ModbusProfiles() {}

    /** The ids of the bundled profiles, in the index's order. */
    public static List<String> bundledIds() {
        String json = resource(INDEX).orElseThrow(() -> new IllegalStateException(INDEX + " is missing from the build"));
        ConfigNode index = ConfigNode.parse(INDEX, json);
        index.allowOnly("profiles");
        List<String> ids = new ArrayList<>();
        for (ConfigNode n : index.field("profiles").elements()) {
            ids.add(n.nonBlankText());
        }
        return List.copyOf(ids);
    }

    /** Every bundled profile. */
    public static List<ModbusProfile> bundled() {
        return bundledIds().stream().map(ModbusProfiles::bundled).toList();
    }

    /** One bundled profile by id, e.g. {@code aqualabo-ponsel-c4e}. */
    public static ModbusProfile bundled(String id) {
        String file = DIRECTORY + id + ".json";
        String json = resource(file).orElseThrow(() -> new IllegalArgumentException("no bundled Modbus profile '" + id
                + "' (bundled: " + String.join(", ", bundledIds()) + ")"));
        return ProfileReader.read(file, id, json);
    }

    /** A profile file; its id is the file name without {@code .json}. */
    public static ModbusProfile load(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot read: " + e.getMessage(), e);
        }
        return parse(file.toString(), json);
    }

    /** A profile from JSON text; {@code source} names it in errors and gives the id. */
    public static ModbusProfile parse(String source, String json) {
        String name = source.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        String id = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return ProfileReader.read(source, id, json);
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = ModbusProfiles.class.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + name, e);
        }
    }
}
