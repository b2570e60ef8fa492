package org.waterchain.app.map.geo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Either a whole imported value or every error found: an import never yields part of a file, so a user
 * fixing errors sees all of them at once and the map never shows half a layer.
 */
public record ImportResult<T>(T value, List<GeoJsonError> errors) {
    public ImportResult {
        errors = List.copyOf(errors);
        if ((value == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("an import result holds either a value or errors");
        }
    }

    public static <T> ImportResult<T> ok(T value) {
        return new ImportResult<>(value, List.of());
    }

    public static <T> ImportResult<T> failed(List<GeoJsonError> errors) {
        return new ImportResult<>(null, errors);
    }

    public boolean isOk() {
        return value != null;
    }

    /** The value, or an exception listing every error (for callers that treat a bad file as fatal). */
    public T orThrow() {
        if (value == null) {
            throw new GeoJsonException(errors);
        }
        return value;
    }

    /** One line per error, for a dialog or a log. */
    public String errorReport() {
        return errors.stream().map(GeoJsonError::toString).collect(Collectors.joining("\n"));
    }

    public <U> ImportResult<U> flatMap(java.util.function.Function<T, ImportResult<U>> next) {
        return value == null ? failed(errors) : next.apply(value);
    }
}
