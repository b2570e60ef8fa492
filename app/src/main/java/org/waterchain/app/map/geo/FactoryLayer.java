package org.waterchain.app.map.geo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Factories as Points or Polygon footprints, with what they may discharge and where. */
public record FactoryLayer(List<Factory> factories) {
    public static final GeometryRule RULE = GeometryRule.of("factory", GeometryType.POINT, GeometryType.POLYGON);

    public FactoryLayer {
        factories = List.copyOf(factories);
    }

    public static ImportResult<FactoryLayer> read(Path file) {
        return GeoJsonReader.read(file, RULE).flatMap(fc -> fromFeatures(file.getFileName().toString(), fc));
    }

    public static ImportResult<FactoryLayer> fromFeatures(String source, FeatureCollection fc) {
        List<GeoJsonError> errors = new ArrayList<>();
        List<Factory> out = new ArrayList<>();
        for (int i = 0; i < fc.size(); i++) {
            Feature f = fc.features().get(i);
            FieldReader r = new FieldReader(source, i, f, errors);
            int before = errors.size();
            String id = r.id();
            String name = r.text("name");
            String industry = r.text("industry");
            List<String> pollutants = r.texts("pollutants");
            double permitted = r.amount("permittedDischargeM3Day");
            String node = r.text("dischargeNode");
            if (!RULE.allowed().contains(f.geometry().type())) {
                r.error("geometry", "expected " + RULE.expected());
            }
            if (errors.size() == before) {
                out.add(new Factory(id, name, industry, f.geometry(), pollutants, permitted, node, r.others(Factory.SCHEMA)));
            }
        }
        if (errors.isEmpty()) {
            FieldReader.checkUniqueIds(source, out, errors);
        }
        return errors.isEmpty() ? ImportResult.ok(new FactoryLayer(out)) : ImportResult.failed(errors);
    }

    public FeatureCollection toFeatures() {
        return new FeatureCollection(factories.stream().map(Factory::toFeature).toList());
    }

    public void write(Path file) throws IOException {
        GeoJsonWriter.write(toFeatures(), file);
    }
}
