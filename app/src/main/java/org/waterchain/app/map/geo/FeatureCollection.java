package org.waterchain.app.map.geo;

import java.util.List;

/** An ordered list of features; order is part of equality because the layers draw in file order. */
public record FeatureCollection(List<Feature> features) {
    public FeatureCollection {
        features = List.copyOf(features);
    }

    public int size() {
        return features.size();
    }
}
