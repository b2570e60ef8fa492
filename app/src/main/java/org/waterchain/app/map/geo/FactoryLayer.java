package org.waterchain.app.map.geo;

import java.nio.file.Path;
import java.util.List;

/** Factories as Points or Polygon footprints, with what they may discharge and where. */
public record FactoryLayer(List<Factory> factories) implements TypedLayer {
    public static final GeometryRule RULE = GeometryRule.of("factory", GeometryType.POINT, GeometryType.POLYGON);

    public FactoryLayer {
        factories = List.copyOf(factories);
    }

    public static ImportResult<FactoryLayer> read(Path file) {
        return GeoJsonReader.read(file, RULE).flatMap(fc -> fromFeatures(file.getFileName().toString(), fc));
    }

    public static ImportResult<FactoryLayer> fromFeatures(String source, FeatureCollection fc) {
        return FieldReader.readAll(source, fc, (f, r) -> {
            String id = r.id();
            String name = r.text("name");
            String industry = r.text("industry");
            List<String> pollutants = r.texts("pollutants");
            double permitted = r.amount("permittedDischargeM3Day");
            String node = r.text("dischargeNode");
            if (!RULE.allowed().contains(f.geometry().type())) {
                r.error("geometry", "expected " + RULE.expected());
            }
            return r.ok() ? new Factory(id, name, industry, f.geometry(), pollutants, permitted, node, r.others(Factory.SCHEMA)) : null;
        }).flatMap(items -> ImportResult.ok(new FactoryLayer(items)));
    }

    @Override
    public LayerKind kind() {
        return LayerKind.FACTORIES;
    }

    @Override
    public List<Factory> features() {
        return factories;
    }
}
