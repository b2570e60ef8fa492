package org.waterchain.app.map.tiles;

import java.util.Locale;

/**
 * An area in degrees (EPSG:4326), in the MBTiles {@code bounds} order west, south, east, north. An area across
 * the antimeridian is not representable here: split it in two.
 */
public record BoundingBox(double west, double south, double east, double north) {
    public static final BoundingBox WORLD = new BoundingBox(-180, -85.0511287798066, 180, 85.0511287798066);

    public BoundingBox {
        if (!(west >= -180 && east <= 180 && west <= east)) {
            throw new IllegalArgumentException("bounding box longitudes must satisfy -180 <= west <= east <= 180, got west "
                    + west + ", east " + east + " (split an area across the antimeridian in two)");
        }
        if (!(south >= -90 && north <= 90 && south <= north)) {
            throw new IllegalArgumentException("bounding box latitudes must satisfy -90 <= south <= north <= 90, got south "
                    + south + ", north " + north);
        }
    }

    /** Parses the MBTiles metadata form {@code "west,south,east,north"}. */
    public static BoundingBox parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("bounds must be \"west,south,east,north\", got \"" + text + "\"");
        }
        try {
            return new BoundingBox(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
                    Double.parseDouble(parts[2].trim()), Double.parseDouble(parts[3].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bounds must be four numbers, got \"" + text + "\"", e);
        }
    }

    /** The smallest box holding both. */
    public BoundingBox union(BoundingBox other) {
        return new BoundingBox(Math.min(west, other.west), Math.min(south, other.south),
                Math.max(east, other.east), Math.max(north, other.north));
    }

    /** The MBTiles metadata form. */
    public String toMetadata() {
        return String.format(Locale.ROOT, "%s,%s,%s,%s", west, south, east, north);
    }
}
