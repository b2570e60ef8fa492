package org.waterchain.app.map.geo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A layer of one kind of map feature, as imported, exported and drawn; immutable. */
public sealed interface TypedLayer permits ChannelLayer, StationLayer, FactoryLayer, IrrigationUnitLayer {
    LayerKind kind();

    /** The features in file (or registry) order, which is also drawing order. */
    List<? extends MapFeature> features();

    default FeatureCollection toFeatures() {
        return new FeatureCollection(features().stream().map(MapFeature::toFeature).toList());
    }

    /** Writes RFC 7946 GeoJSON that reads back as an equal layer. */
    default void write(Path file) throws IOException {
        GeoJsonWriter.write(toFeatures(), file);
    }

    /** The box around every feature; empty for an empty layer. */
    default Optional<BoundingBox> extent() {
        BoundingBox all = null;
        for (MapFeature f : features()) {
            BoundingBox b = f.geometry().bbox();
            all = all == null ? b : all.union(b);
        }
        return Optional.ofNullable(all);
    }
}
