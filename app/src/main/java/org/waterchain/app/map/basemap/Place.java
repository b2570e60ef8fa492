package org.waterchain.app.map.basemap;

/** A named place drawn on the basemap from zoom {@code minZoom} on: cities from further out than towns. */
public record Place(String name, double lon, double lat, int minZoom) {}
