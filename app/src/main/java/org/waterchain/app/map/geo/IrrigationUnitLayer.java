package org.waterchain.app.map.geo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Irrigation units as Polygons. */
public record IrrigationUnitLayer(List<IrrigationUnit> units) {
    public static final GeometryRule RULE = GeometryRule.of("irrigation unit", GeometryType.POLYGON);

    public IrrigationUnitLayer {
        units = List.copyOf(units);
    }

    public static ImportResult<IrrigationUnitLayer> read(Path file) {
        return GeoJsonReader.read(file, RULE).flatMap(fc -> fromFeatures(file.getFileName().toString(), fc));
    }

    public static ImportResult<IrrigationUnitLayer> fromFeatures(String source, FeatureCollection fc) {
        List<GeoJsonError> errors = new ArrayList<>();
        List<IrrigationUnit> out = new ArrayList<>();
        for (int i = 0; i < fc.size(); i++) {
            Feature f = fc.features().get(i);
            FieldReader r = new FieldReader(source, i, f, errors);
            int before = errors.size();
            String id = r.id();
            String name = r.text("name");
            double area = r.amount("areaHa");
            if (!(f.geometry() instanceof Geometry.Polygon polygon)) {
                r.error("geometry", "expected a Polygon");
                continue;
            }
            if (errors.size() == before) {
                out.add(new IrrigationUnit(id, name, polygon, area, r.others(IrrigationUnit.SCHEMA)));
            }
        }
        if (errors.isEmpty()) {
            FieldReader.checkUniqueIds(source, out, errors);
        }
        return errors.isEmpty() ? ImportResult.ok(new IrrigationUnitLayer(out)) : ImportResult.failed(errors);
    }

    public FeatureCollection toFeatures() {
        return new FeatureCollection(units.stream().map(IrrigationUnit::toFeature).toList());
    }

    public void write(Path file) throws IOException {
        GeoJsonWriter.write(toFeatures(), file);
    }
}
