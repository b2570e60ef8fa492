package org.waterchain.app.map.basemap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Makes rings drawn on the sphere drawable on the flat map. world-atlas keeps d3's spherical meaning: a ring may
 * step across the antimeridian (Chukotka, Fiji: from 179.9 to -180) or go once round a pole (Antarctica), which on a
 * flat map would draw a band of land across the whole world. Such a ring is unrolled so its longitudes run on without
 * the jump (past 180 if need be), closed through the pole when it goes round one, and given a copy one world-width
 * over for the part beyond the edge; drawing clips both copies to the world.
 */
final class Antimeridian {
    private Antimeridian() {}

    /** The ring (interleaved lon, lat) as one or two flat rings whose union covers the same land. */
    static List<double[]> planar(double[] ring) {
        int n = ring.length / 2;
        double[] out = new double[ring.length + 4];
        double shift = 0;
        double west = ring[0];
        double east = ring[0];
        out[0] = ring[0];
        out[1] = ring[1];
        double latSum = ring[1];
        for (int i = 1; i < n; i++) {
            double step = ring[2 * i] - ring[2 * i - 2];
            if (step > 180) {
                shift -= 360;
            } else if (step < -180) {
                shift += 360;
            }
            double lon = ring[2 * i] + shift;
            out[2 * i] = lon;
            out[2 * i + 1] = ring[2 * i + 1];
            west = Math.min(west, lon);
            east = Math.max(east, lon);
            latSum += ring[2 * i + 1];
        }
        int length = ring.length;
        if (shift != 0) {
            // it went round a pole: come back along the pole's edge of the map
            double pole = latSum / n < 0 ? -90 : 90;
            out[length] = out[length - 2];
            out[length + 1] = pole;
            out[length + 2] = out[0];
            out[length + 3] = pole;
            length += 4;
        }
        double[] flat = Arrays.copyOf(out, length);
        List<double[]> copies = new ArrayList<>(2);
        copies.add(flat);
        if (east > 180) {
            copies.add(shifted(flat, -360));
        }
        if (west < -180) {
            copies.add(shifted(flat, 360));
        }
        return copies;
    }

    private static double[] shifted(double[] ring, double by) {
        double[] out = ring.clone();
        for (int i = 0; i < out.length; i += 2) {
            out[i] += by;
        }
        return out;
    }
}
