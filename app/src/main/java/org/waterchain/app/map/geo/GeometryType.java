package org.waterchain.app.map.geo;

import java.util.Arrays;
import java.util.Optional;

/** The GeoJSON geometry types this package reads; GeometryCollection is left out on purpose (no layer uses it). */
public enum GeometryType {
    POINT("Point"), LINE_STRING("LineString"), POLYGON("Polygon"),
    MULTI_POINT("MultiPoint"), MULTI_LINE_STRING("MultiLineString"), MULTI_POLYGON("MultiPolygon");

    private final String jsonName;

    GeometryType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name as spelt in a GeoJSON "type" member (case-sensitive, as RFC 7946 requires). */
    public String jsonName() {
        return jsonName;
    }

    public static Optional<GeometryType> fromJsonName(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst();
    }
}
