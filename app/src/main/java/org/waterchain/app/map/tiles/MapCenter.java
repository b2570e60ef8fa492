package org.waterchain.app.map.tiles;

/** The MBTiles {@code center}: where a viewer opens the map, and at which zoom. */
public record MapCenter(double lon, double lat, int zoom) {
    /** Parses {@code "lon,lat,zoom"}. */
    public static MapCenter parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("center must be \"lon,lat,zoom\", got \"" + text + "\"");
        }
        try {
            return new MapCenter(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
                    (int) Math.round(Double.parseDouble(parts[2].trim())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("center must be three numbers, got \"" + text + "\"", e);
        }
    }
}
