package org.waterchain.app.map.geo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reach of the channel network. Water flows in coordinate order, from {@code fromNode} at the first
 * position to {@code toNode} at the last, so the map can draw flow arrows without another field.
 *
 * @param attributes the feature's other properties (e.g. NHDPlus StreamOrde), kept for styling and export
 */
public record Channel(String id, String name, String fromNode, String toNode, double lengthM,
                      Geometry.LineString geometry, Properties attributes) implements MapFeature {
    static final List<String> SCHEMA = List.of("name", "fromNode", "toNode", "lengthM");

    public Channel {
        require(id, "id");
        require(fromNode, "fromNode");
        require(toNode, "toNode");
        name = name == null ? "" : name;
        if (!(lengthM >= 0 && Double.isFinite(lengthM))) {
            throw new IllegalArgumentException("channel " + id + ": length " + lengthM + " m");
        }
        attributes = attributes == null ? Properties.EMPTY : attributes;
        for (String key : SCHEMA) {
            if (attributes.has(key) || attributes.has("id")) {
                throw new IllegalArgumentException("channel " + id + ": attribute " + key + " clashes with the layer schema");
            }
        }
    }

    static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + what);
        }
    }

    @Override
    public Feature toFeature() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("name", name);
        schema.put("fromNode", fromNode);
        schema.put("toNode", toNode);
        schema.put("lengthM", lengthM);
        return new Feature(id, geometry, attributes.after(schema));
    }
}
