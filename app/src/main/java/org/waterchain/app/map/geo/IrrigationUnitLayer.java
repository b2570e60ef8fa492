package org.waterchain.app.map.geo;

import java.io.IOException;
import java.nio.file.Path;
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
        return FieldReader.readAll(source, fc, (f, r) -> {
            String id = r.id();
            String name = r.text("name");
            double area = r.amount("areaHa");
            if (!(f.geometry() instanceof Geometry.Polygon polygon)) {
                r.error("geometry", "expected a Polygon");
                return null;
            }
            return r.ok() ? new IrrigationUnit(id, name, polygon, area, r.others(IrrigationUnit.SCHEMA)) : null;
        }).flatMap(items -> ImportResult.ok(new IrrigationUnitLayer(items)));
    }


    public FeatureCollection toFeatures() {
        return new FeatureCollection(units.stream().map(IrrigationUnit::toFeature).toList());
    }

    public void write(Path file) throws IOException {
        GeoJsonWriter.write(toFeatures(), file);
    }
}
