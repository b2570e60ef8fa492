package org.waterchain.devices.modbus;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON value that knows which file it came from and where in it it sits, so that every complaint about it names
 * both. Profiles and installation files are read through this rather than bound by Jackson, because binding
 * errors name Java types instead of the field an installer has to fix.
 */
final class ConfigNode {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final String path;
    private final JsonNode node;

    private ConfigNode(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    static ConfigNode parse(String source, String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new ConfigException(source, "", "the file is empty");
            }
            ConfigNode n = new ConfigNode(source, "", root);
            n.requireObject();
            return n;
        } catch (JsonParseException e) {
            throw new ConfigException(source, "", "not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, "", "not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    String source() {
        return source;
    }

    String path() {
        return path;
    }

    ConfigException error(String problem) {
        return new ConfigException(source, path, problem);
    }

    /** Rejects fields this format does not have, so that a misspelt optional field is not silently ignored. */
    void allowOnly(String... names) {
        requireObject();
        Set<String> known = new LinkedHashSet<>(Arrays.asList(names));
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!known.contains(f)) {
                throw child(f, node.get(f)).error("unknown field (known fields: " + String.join(", ", known) + ")");
            }
        }
    }

    ConfigNode field(String name) {
        return optional(name).orElseThrow(() -> child(name, null).error("missing"));
    }

    Optional<ConfigNode> optional(String name) {
        requireObject();
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(child(name, v));
    }

    List<ConfigNode> elements() {
        if (!node.isArray()) {
            throw error("expected a list, got " + describe());
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(new ConfigNode(source, path + "[" + i + "]", node.get(i)));
        }
        return out;
    }

    String text() {
        if (!node.isTextual()) {
            throw error("expected text, got " + describe());
        }
        return node.textValue();
    }

    String nonBlankText() {
        String s = text();
        if (s.isBlank()) {
            throw error("must not be empty");
        }
        return s;
    }

    boolean bool() {
        if (!node.isBoolean()) {
            throw error("expected true or false, got " + describe());
        }
        return node.booleanValue();
    }

    double number() {
        if (!node.isNumber()) {
            throw error("expected a number, got " + describe());
        }
        double d = node.doubleValue();
        if (!Double.isFinite(d)) {
            throw error("must be a finite number, got " + node.asText());
        }
        return d;
    }

    /** An integer in [min, max]; manuals write register numbers in hex, so {@code "0x0053"} is accepted too. */
    int integer(long min, long max) {
        long v;
        if (node.isTextual() && node.textValue().matches("0[xX][0-9a-fA-F]{1,8}")) {
            v = Long.parseLong(node.textValue().substring(2), 16);
        } else if (node.isIntegralNumber() && node.canConvertToLong()) {
            v = node.longValue();
        } else {
            throw error("expected an integer (or \"0x...\" hex text), got " + describe());
        }
        if (v < min || v > max) {
            throw error(v + " is outside " + min + ".." + max);
        }
        return (int) v;
    }

    <E extends Enum<E>> E oneOf(Class<E> type) {
        String s = text();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s)) {
                return e;
            }
        }
        throw error("'" + s + "' is not one of " + names(type));
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    private void requireObject() {
        if (!node.isObject()) {
            throw error("expected an object, got " + describe());
        }
    }

    private ConfigNode child(String name, JsonNode v) {
        return new ConfigNode(source, path.isEmpty() ? name : path + "." + name, v);
    }

    private String describe() {
        if (node.isTextual()) {
            return "'" + node.textValue() + "'";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.toString();
    }
}
