package org.waterchain.app.map.geo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.waterchain.ledger.registry.StationKind;

/** A monitoring station; {@code kind} is the ledger's own enum so the map and the registry agree. */
public record Station(String id, String name, StationKind kind, Geometry.Point geometry, Properties attributes)
        implements MapFeature {
    static final List<String> SCHEMA = List.of("name", "kind");

    public Station {
        Channel.require(id, "id");
        name = name == null ? "" : name;
        if (kind == null || geometry == null) {
            throw new IllegalArgumentException("station " + id + ": kind and location are required");
        }
        attributes = attributes == null ? Properties.EMPTY : attributes.without(SCHEMA).without(List.of("id"));
    }

    public Position location() {
        return geometry.position();
    }

    @Override
    public Feature toFeature() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("name", name);
        schema.put("kind", kind.name());
        return new Feature(id, geometry, attributes.after(schema));
    }
}
