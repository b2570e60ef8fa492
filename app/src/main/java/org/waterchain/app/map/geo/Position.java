package org.waterchain.app.map.geo;

/**
 * One GeoJSON position in EPSG:4326: longitude, latitude and an optional altitude (NaN when the file had
 * none, so that writing it back reproduces the same array length).
 */
public record Position(double lon, double lat, double alt) {
    public Position {
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("longitude " + lon + " out of range -180..180");
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("latitude " + lat + " out of range -90..90");
        }
        if (Double.isInfinite(alt)) {
            throw new IllegalArgumentException("altitude " + alt + " is not finite");
        }
    }

    public Position(double lon, double lat) {
        this(lon, lat, Double.NaN);
    }

    public boolean hasAltitude() {
        return !Double.isNaN(alt);
    }
}
