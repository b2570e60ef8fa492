package org.waterchain.ledger.registry;

/** Longitude and latitude in degrees, EPSG:4326, the order GeoJSON uses. */
public record GeoPoint(double lon, double lat) {
    public GeoPoint {
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("coordinates out of range: lon " + lon + ", lat " + lat);
        }
    }
}
