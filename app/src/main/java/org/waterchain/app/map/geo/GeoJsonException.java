package org.waterchain.app.map.geo;

import java.util.List;
import java.util.stream.Collectors;

/** A failed import for callers that cannot continue without the layer. */
public final class GeoJsonException extends RuntimeException {
    private final List<GeoJsonError> errors;

    public GeoJsonException(List<GeoJsonError> errors) {
        super(errors.size() + " error(s):\n" + errors.stream().map(GeoJsonError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<GeoJsonError> errors() {
        return errors;
    }
}
