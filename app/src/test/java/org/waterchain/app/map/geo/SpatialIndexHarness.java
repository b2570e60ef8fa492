package org.waterchain.app.map.geo;

import java.util.List;
import java.util.Random;

/** Prints index build and query times for the report; run by hand, not by the test suite. */
public final class SpatialIndexHarness {
    public static void main(String[] args) {
        List<MapFeature> all = SpatialIndexTest.tenThousandFeatures(1);
        long t0 = System.nanoTime();
        SpatialIndex<MapFeature> index = SpatialIndex.of(all);
        long build = System.nanoTime() - t0;
        Random rnd = new Random(7);
        BoundingBox e = index.extent();
        int rounds = 20_000;
        long found = 0;
        for (int warm = 0; warm < 2; warm++) {
            long bboxNs = 0, nearNs = 0, brute = 0;
            for (int q = 0; q < rounds; q++) {
                double x = e.minLon() + rnd.nextDouble() * e.width(), y = e.minLat() + rnd.nextDouble() * e.height();
                BoundingBox view = new BoundingBox(x, y, x + 0.02, y + 0.015);
                long s = System.nanoTime();
                found += index.within(view).size();
                bboxNs += System.nanoTime() - s;
                s = System.nanoTime();
                found += index.nearest(new Position(x, y), 30).isPresent() ? 1 : 0;
                nearNs += System.nanoTime() - s;
            }
            for (int q = 0; q < 200; q++) {
                Position p = new Position(e.minLon() + rnd.nextDouble() * e.width(), e.minLat() + rnd.nextDouble() * e.height());
                long s = System.nanoTime();
                found += all.stream().filter(f -> Planar.distanceM(p, f.geometry()) <= 30).count();
                brute += System.nanoTime() - s;
            }
            System.out.printf("%s: %d features, build %.1f ms; bbox (~2 x 1.7 km view) %.1f us/query; "
                            + "nearest (30 m) %.1f us/query; brute-force nearest %.0f us/query%n",
                    warm == 0 ? "warm-up" : "measured", all.size(), build / 1e6, bboxNs / 1e3 / rounds,
                    nearNs / 1e3 / rounds, brute / 1e3 / 200);
        }
        System.out.println("(checksum " + found + ")");
    }
}
