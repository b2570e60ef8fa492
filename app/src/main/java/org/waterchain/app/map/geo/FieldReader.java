package org.waterchain.app.map.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a typed layer's schema from one feature's properties, adding an error (instead of throwing) for
 * each missing or mistyped field so that one import reports all of them.
 */
final class FieldReader {
    private final String source;
    private final int index;
    private final Feature feature;
    private final List<GeoJsonError> errors;

    private int recorded;

    FieldReader(String source, int index, Feature feature, List<GeoJsonError> errors) {
        this.source = source;
        this.index = index;
        this.feature = feature;
        this.errors = errors;
    }

    /** The feature's RFC 7946 "id" (numbers become their decimal text), required by every typed layer. */
    String id() {
        Object id = feature.id();
        if (id instanceof String s && !s.isBlank()) {
            return s;
        }
        if (id instanceof Long l) {
            return Long.toString(l);
        }
        error("id", id == null ? "missing feature id; every map feature needs its registry id" : "blank or non-integral id " + id);
        return null;
    }

    String text(String key) {
        Object v = feature.properties().get(key);
        if (v instanceof String s) {
            return s;
        }
        error("properties." + key, v == null ? "missing text field" : "must be text, found " + v);
        return null;
    }

    /** A number that must be finite and not negative (lengths, areas, discharges). */
    double amount(String key) {
        Object v = feature.properties().get(key);
        if (v instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0) {
            return n.doubleValue();
        }
        error("properties." + key, v == null ? "missing number" : "must be a number >= 0, found " + v);
        return Double.NaN;
    }

    List<String> texts(String key) {
        Object v = feature.properties().get(key);
        if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) {
            List<String> out = new ArrayList<>();
            l.forEach(x -> out.add((String) x));
            return out;
        }
        error("properties." + key, v == null ? "missing list of text" : "must be a list of text, found " + v);
        return null;
    }

    Properties others(List<String> schema) {
        List<String> keys = new ArrayList<>(schema);
        keys.add("id");
        return feature.properties().without(keys);
    }

    /** True while nothing about this feature was wrong: only then may its item be built. */
    boolean ok() {
        return recorded == 0;
    }

    void error(String where, String message) {
        recorded++;
        errors.add(new GeoJsonError(source, index, feature.label(), where, message));
    }

    /** Adds an error for each id seen before in the same layer: the registry, and clicks, key on ids. */
    /** Reads one feature's fields into an item; returns null after recording what was wrong. */
    @FunctionalInterface
    interface ItemReader<T> {
        T read(Feature f, FieldReader r);
    }

    /**
     * The typed layers' common import: every feature through {@code item}, all errors collected, ids unique,
     * and nothing returned unless everything read (an import is all or nothing).
     */
    static <T extends MapFeature> ImportResult<List<T>> readAll(String source, FeatureCollection fc, ItemReader<T> item) {
        List<GeoJsonError> errors = new ArrayList<>();
        List<T> out = new ArrayList<>();
        for (int i = 0; i < fc.size(); i++) {
            Feature f = fc.features().get(i);
            FieldReader r = new FieldReader(source, i, f, errors);
            int before = errors.size();
            T t = item.read(f, r);
            if (t != null && errors.size() == before) {
                out.add(t);
            }
        }
        if (errors.isEmpty()) {
            checkUniqueIds(source, out, errors);
        }
        return errors.isEmpty() ? ImportResult.ok(out) : ImportResult.failed(errors);
    }

    static void checkUniqueIds(String source, List<? extends MapFeature> items, List<GeoJsonError> errors) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer first = seen.putIfAbsent(items.get(i).id(), i);
            if (first != null) {
                errors.add(new GeoJsonError(source, i, "id " + items.get(i).id(), "id", "duplicate id, first used by feature " + first));
            }
        }
    }
}
