package org.waterchain.app.map.geo;

import java.nio.file.Path;
import java.util.List;

/** Irrigation units as Polygons. */
public record IrrigationUnitLayer(List<IrrigationUnit> units) implements TypedLayer {
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
            String supply = r.text("supplyNode");
            if (!(f.geometry() instanceof Geometry.Polygon polygon)) {
                r.error("geometry", "expected a Polygon");
                return null;
            }
            return r.ok() ? new IrrigationUnit(id, name, polygon, area, supply, r.others(IrrigationUnit.SCHEMA)) : null;
        }).flatMap(items -> ImportResult.ok(new IrrigationUnitLayer(items)));
    }

    @Override
    public LayerKind kind() {
        return LayerKind.IRRIGATION_UNITS;
    }

    @Override
    public List<IrrigationUnit> features() {
        return units;
    }
}
