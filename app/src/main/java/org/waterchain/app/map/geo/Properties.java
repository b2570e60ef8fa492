package org.waterchain.app.map.geo;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A feature's "properties" as plain, immutable JSON values: String, Long (or BigInteger past 64 bits) for
 * integral numbers, Double for the others, Boolean, null, List and Map. Integers are kept apart from doubles
 * so that a round trip writes {@code 3} back as {@code 3}, not {@code 3.0}. Key order is kept for export.
 */
public record Properties(Map<String, Object> values) {
    public static final Properties EMPTY = new Properties(Map.of());

    public Properties {
        values = freezeMap(values);
    }

    public static Properties of(Map<String, ?> values) {
        return new Properties(new LinkedHashMap<>(values));
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Object get(String key) {
        return values.get(key);
    }

    public Optional<String> string(String key) {
        return values.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public Optional<Double> number(String key) {
        return values.get(key) instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    /** A copy without the given keys: how typed layers separate their schema from the other attributes. */
    public Properties without(Iterable<String> keys) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        keys.forEach(copy::remove);
        return new Properties(copy);
    }

    /** These properties after the given ones (which win); used to write a typed feature's schema first. */
    public Properties after(Map<String, ?> first) {
        Map<String, Object> merged = new LinkedHashMap<>(first);
        values.forEach(merged::putIfAbsent);
        return new Properties(merged);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    private static Map<String, Object> freezeMap(Map<String, ?> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, freeze(v)));
        return Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    private static Object freeze(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long
                || v instanceof Double || v instanceof BigInteger) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Map<?, ?> m) {
            return freezeMap((Map<String, ?>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(freeze(x)));
            return Collections.unmodifiableList(out);
        }
        throw new IllegalArgumentException("not a JSON value: " + v.getClass().getSimpleName());
    }
}
