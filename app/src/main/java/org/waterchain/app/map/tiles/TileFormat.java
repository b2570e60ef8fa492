package org.waterchain.app.map.tiles;

import java.util.Locale;

/** Tile encodings found in MBTiles files, named as the {@code format} metadata key names them. */
public enum TileFormat {
    PNG("png"),
    JPG("jpg"),
    WEBP("webp"),
    PBF("pbf"),
    UNKNOWN("unknown");

    private final String metadataName;

    TileFormat(String metadataName) {
        this.metadataName = metadataName;
    }

    public String metadataName() {
        return metadataName;
    }

    public boolean isRaster() {
        return this == PNG || this == JPG || this == WEBP;
    }

    /** The metadata value's format; UNKNOWN for anything else, so an odd value does not make a file unreadable. */
    public static TileFormat fromMetadata(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "png" -> PNG;
            case "jpg", "jpeg" -> JPG;
            case "webp" -> WEBP;
            case "pbf", "mvt" -> PBF;
            default -> UNKNOWN;
        };
    }

    /**
     * Recognises a tile by its first bytes. Vector tiles are stored gzip-compressed in practice, so gzip counts
     * as PBF; bare protobuf has no magic and stays UNKNOWN.
     */
    public static TileFormat sniff(byte[] data) {
        if (data == null) {
            return UNKNOWN;
        }
        if (startsWith(data, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(data, 0xFF, 0xD8, 0xFF)) {
            return JPG;
        }
        if (data.length >= 12 && startsWith(data, 'R', 'I', 'F', 'F')
                && data[8] == 'W' && data[9] == 'E' && data[10] == 'B' && data[11] == 'P') {
            return WEBP;
        }
        if (startsWith(data, 0x1F, 0x8B)) {
            return PBF;
        }
        return UNKNOWN;
    }

    private static boolean startsWith(byte[] data, int... magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
