package org.waterchain.app.map.geo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An irrigation unit (a block of fields served by one turnout); area as surveyed, in hectares. */
public record IrrigationUnit(String id, String name, Geometry.Polygon geometry, double areaHa, Properties attributes)
        implements MapFeature {
    static final List<String> SCHEMA = List.of("name", "areaHa");

    public IrrigationUnit {
        Channel.require(id, "id");
        name = name == null ? "" : name;
        if (geometry == null || !(areaHa >= 0 && Double.isFinite(areaHa))) {
            throw new IllegalArgumentException("irrigation unit " + id + ": polygon and area >= 0 required");
        }
        attributes = attributes == null ? Properties.EMPTY : attributes.without(SCHEMA).without(List.of("id"));
    }

    Feature toFeature() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("name", name);
        schema.put("areaHa", areaHa);
        return new Feature(id, geometry, attributes.after(schema));
    }
}
