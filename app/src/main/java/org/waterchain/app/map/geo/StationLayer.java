package org.waterchain.app.map.geo;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.waterchain.ledger.registry.StationKind;

/** Monitoring stations as Points. */
public record StationLayer(List<Station> stations) implements TypedLayer {
    public static final GeometryRule RULE = GeometryRule.of("station", GeometryType.POINT);

    public StationLayer {
        stations = List.copyOf(stations);
    }

    public static ImportResult<StationLayer> read(Path file) {
        return GeoJsonReader.read(file, RULE).flatMap(fc -> fromFeatures(file.getFileName().toString(), fc));
    }

    public static ImportResult<StationLayer> fromFeatures(String source, FeatureCollection fc) {
        return FieldReader.readAll(source, fc, (f, r) -> {
            String id = r.id();
            String name = r.text("name");
            String kindText = r.text("kind");
            StationKind kind = null;
            if (kindText != null) {
                try {
                    kind = StationKind.valueOf(kindText);
                } catch (IllegalArgumentException e) {
                    r.error("properties.kind", "unknown station kind " + kindText + "; one of " + Arrays.toString(StationKind.values()));
                }
            }
            if (!(f.geometry() instanceof Geometry.Point p)) {
                r.error("geometry", "expected a Point");
                return null;
            }
            return r.ok() ? new Station(id, name, kind, p, r.others(Station.SCHEMA)) : null;
        }).flatMap(items -> ImportResult.ok(new StationLayer(items)));
    }

    @Override
    public LayerKind kind() {
        return LayerKind.STATIONS;
    }

    @Override
    public List<Station> features() {
        return stations;
    }
}
