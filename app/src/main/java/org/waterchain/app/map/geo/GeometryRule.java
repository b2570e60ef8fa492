package org.waterchain.app.map.geo;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Which geometry types a layer accepts, and the layer's name for error messages. */
public record GeometryRule(String layerName, Set<GeometryType> allowed) {
    public static final GeometryRule ANY = new GeometryRule("any", EnumSet.allOf(GeometryType.class));

    public GeometryRule {
        allowed = Set.copyOf(allowed);
    }

    public static GeometryRule of(String layerName, GeometryType first, GeometryType... rest) {
        return new GeometryRule(layerName, EnumSet.of(first, rest));
    }

    public String expected() {
        return allowed.stream().sorted().map(GeometryType::jsonName).collect(Collectors.joining(" or "));
    }
}
