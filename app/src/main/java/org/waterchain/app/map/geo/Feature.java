package org.waterchain.app.map.geo;

/**
 * A GeoJSON feature. {@code id} is null, a String or a Number (Long or Double), as RFC 7946 allows; the
 * type is kept so that export writes the same id back.
 */
public record Feature(Object id, Geometry geometry, Properties properties) {
    public Feature {
        if (id != null && !(id instanceof String || id instanceof Long || id instanceof Double)) {
            throw new IllegalArgumentException("feature id must be a string or a number, not " + id.getClass().getSimpleName());
        }
        if (geometry == null) {
            throw new IllegalArgumentException("a map feature needs a geometry");
        }
        properties = properties == null ? Properties.EMPTY : properties;
    }

    /** How errors and the UI name this feature: its id, else its "name" property, else nothing. */
    public String label() {
        if (id != null) {
            return "id " + id;
        }
        return properties.string("name").map(n -> "name " + n).orElse(null);
    }
}
