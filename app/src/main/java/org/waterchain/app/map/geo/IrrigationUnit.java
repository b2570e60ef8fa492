package org.waterchain.app.map.geo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An irrigation unit (a block of fields served by one turnout); area as surveyed, in hectares.
 *
 * @param supplyNode the channel node or station id whose water the unit takes (the station upstream of its turnout):
 *                   pollution tracing marks a unit polluted when polluted water reaches that node; empty when unknown
 */
public record IrrigationUnit(String id, String name, Geometry.Polygon geometry, double areaHa, String supplyNode,
                             Properties attributes) implements MapFeature {
    static final List<String> SCHEMA = List.of("name", "areaHa", "supplyNode");

    public IrrigationUnit {
        Channel.require(id, "id");
        name = name == null ? "" : name;
        supplyNode = supplyNode == null ? "" : supplyNode;
        if (geometry == null || !(areaHa >= 0 && Double.isFinite(areaHa))) {
            throw new IllegalArgumentException("irrigation unit " + id + ": polygon and area >= 0 required");
        }
        attributes = attributes == null ? Properties.EMPTY : attributes.without(SCHEMA).without(List.of("id"));
    }

    @Override
    public Feature toFeature() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("name", name);
        schema.put("areaHa", areaHa);
        schema.put("supplyNode", supplyNode);
        return new Feature(id, geometry, attributes.after(schema));
    }
}
