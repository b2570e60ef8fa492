package org.waterchain.app.map.geo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A discharging factory: a Point (as the registry records it) or a Polygon footprint (as a survey draws it).
 *
 * @param pollutants      quantity symbols it may discharge (CU, NI, ...), the profile pollution tracing matches
 * @param dischargeNode   channel node its outfall joins, empty when not yet known
 */
public record Factory(String id, String name, String industry, Geometry geometry, List<String> pollutants,
                      double permittedDischargeM3Day, String dischargeNode, Properties attributes) implements MapFeature {
    static final List<String> SCHEMA = List.of("name", "industry", "pollutants", "permittedDischargeM3Day", "dischargeNode");

    public Factory {
        Channel.require(id, "id");
        name = name == null ? "" : name;
        industry = industry == null ? "" : industry;
        dischargeNode = dischargeNode == null ? "" : dischargeNode;
        pollutants = List.copyOf(pollutants);
        if (!(geometry instanceof Geometry.Point || geometry instanceof Geometry.Polygon)) {
            throw new IllegalArgumentException("factory " + id + ": a Point or a Polygon, not " + geometry);
        }
        if (!(permittedDischargeM3Day >= 0 && Double.isFinite(permittedDischargeM3Day))) {
            throw new IllegalArgumentException("factory " + id + ": permitted discharge " + permittedDischargeM3Day);
        }
        attributes = attributes == null ? Properties.EMPTY : attributes.without(SCHEMA).without(List.of("id"));
    }

    @Override
    public Feature toFeature() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("name", name);
        schema.put("industry", industry);
        schema.put("pollutants", pollutants);
        schema.put("permittedDischargeM3Day", permittedDischargeM3Day);
        schema.put("dischargeNode", dischargeNode);
        return new Feature(id, geometry, attributes.after(schema));
    }
}
