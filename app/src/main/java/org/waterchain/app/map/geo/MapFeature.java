package org.waterchain.app.map.geo;

/** Anything drawn on the map and selectable by a click: it has a registry id and a geometry. */
public interface MapFeature {
    String id();

    String name();

    Geometry geometry();

    /** The feature as GeoJSON writes it: the layer's schema first, then the other attributes it was read with. */
    Feature toFeature();
}
