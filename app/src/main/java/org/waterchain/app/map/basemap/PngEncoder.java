package org.waterchain.app.map.basemap;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes drawn tiles as PNG: with a palette when the tile has at most 256 colours (most map tiles: flat land and sea
 * and their anti-aliased edges), else as 8-bit RGB; no row filters, as flat colours compress best without. ImageIO's
 * writer took 70% of the basemap's drawing time (it copies the raster row by row and tries every filter on every
 * row); this one is about five times faster and its files a fifth smaller.
 */
final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 137, 'P', 'N', 'G', 13, 10, 26, 10};
    private static final byte PALETTE = 3;
    private static final byte RGB = 2;

    private PngEncoder() {}

    /** Palette indices, row by row after each row's filter byte, and the colours they index. */
    private record Indexed(byte[] rows, int[] palette) {}

    /** The image, which must be {@link BufferedImage#TYPE_INT_RGB}, as a PNG file. */
    static byte[] encode(BufferedImage img) {
        if (img.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("only TYPE_INT_RGB images are encoded here, got type " + img.getType());
        }
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        Indexed indexed = indexed(px, w, h);
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        out.writeBytes(SIGNATURE);
        // width, height, bit depth 8, colour type, then deflate, adaptive filtering, no interlace (all zero)
        ByteBuffer header = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8)
                .put(indexed != null ? PALETTE : RGB);
        chunk(out, "IHDR", header.array());
        byte[] rows;
        if (indexed != null) {
            int[] colours = indexed.palette();
            byte[] plte = new byte[3 * colours.length];
            for (int i = 0; i < colours.length; i++) {
                plte[3 * i] = (byte) (colours[i] >> 16);
                plte[3 * i + 1] = (byte) (colours[i] >> 8);
                plte[3 * i + 2] = (byte) colours[i];
            }
            chunk(out, "PLTE", plte);
            rows = indexed.rows();
        } else {
            rows = rgb(px, w, h);
        }
        chunk(out, "IDAT", deflate(rows));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** The image as palette indices, or null when it has more than 256 colours. */
    private static Indexed indexed(int[] px, int w, int h) {
        // open addressing over the colours seen: 1024 slots for at most 256 colours keeps probes short
        int[] keys = new int[1024];
        int[] index = new int[1024];
        Arrays.fill(keys, -1);
        int[] palette = new int[256];
        int colours = 0;
        byte[] rows = new byte[h * (w + 1)];
        int k = 0;
        int last = -1;
        byte lastIndex = 0;
        for (int y = 0; y < h; y++) {
            rows[k++] = 0;
            for (int x = 0; x < w; x++) {
                int c = px[y * w + x] & 0xFFFFFF;
                if (c == last) {
                    // most pixels repeat their left neighbour: no lookup
                    rows[k++] = lastIndex;
                    continue;
                }
                int slot = (c * 0x9E3779B1) >>> 22;
                while (keys[slot] != -1 && keys[slot] != c) {
                    slot = (slot + 1) & 1023;
                }
                if (keys[slot] == -1) {
                    if (colours == 256) {
                        return null;
                    }
                    keys[slot] = c;
                    index[slot] = colours;
                    palette[colours++] = c;
                }
                last = c;
                lastIndex = (byte) index[slot];
                rows[k++] = lastIndex;
            }
        }
        return new Indexed(rows, Arrays.copyOf(palette, colours));
    }

    private static byte[] rgb(int[] px, int w, int h) {
        byte[] rows = new byte[h * (3 * w + 1)];
        int k = 0;
        for (int y = 0; y < h; y++) {
            rows[k++] = 0;
            for (int x = 0; x < w; x++) {
                int c = px[y * w + x];
                rows[k++] = (byte) (c >> 16);
                rows[k++] = (byte) (c >> 8);
                rows[k++] = (byte) c;
            }
        }
        return rows;
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(6);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 8 + 64);
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Length, type, data, and the CRC-32 of type and data. */
    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
