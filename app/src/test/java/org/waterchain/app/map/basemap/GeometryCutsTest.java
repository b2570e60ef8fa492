package org.waterchain.app.map.basemap;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.geom.Rectangle2D;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting rings at the antimeridian and at a rectangle: what turns spherical land into flat tiles. */
class GeometryCutsTest {

    @Test
    void aRingAcrossTheAntimeridianIsUnrolledAndCopiedOneWorldOver() {
        List<double[]> flat = Antimeridian.planar(new double[] {179, 0, -179, 0, -179, 1, 179, 1, 179, 0});
        assertEquals(2, flat.size());
        assertArrayEquals(new double[] {179, 0, 181, 0, 181, 1, 179, 1, 179, 0}, flat.get(0));
        assertArrayEquals(new double[] {-181, 0, -179, 0, -179, 1, -181, 1, -181, 0}, flat.get(1));
    }

    @Test
    void aRingRoundThePoleIsClosedAlongThePole() {
        List<double[]> flat = Antimeridian.planar(new double[] {-180, -70, 0, -72, 179, -70, -180, -70});
        assertEquals(1, flat.size(), "it spans the world exactly: nothing beyond the edge to copy");
        assertArrayEquals(new double[] {-180, -70, 0, -72, 179, -70, 180, -70, 180, -90, -180, -90}, flat.get(0));
    }

    @Test
    void anOrdinaryRingIsLeftAlone() {
        double[] taiwan = {120.1, 22.0, 121.9, 25.0, 121.5, 25.3, 120.1, 22.0};
        List<double[]> flat = Antimeridian.planar(taiwan);
        assertEquals(1, flat.size());
        assertArrayEquals(taiwan, flat.get(0));
    }

    @Test
    void aRingIsCutToTheRectangle() {
        double[] square = {0, 0, 10, 0, 10, 10, 0, 10};
        double[] cut = RingClip.clip(square, new Rectangle2D.Double(5, -5, 10, 20));
        assertEquals(50, Math.abs(area(cut)), 1e-9, "the east half");
        for (int i = 0; i < cut.length; i += 2) {
            assertTrue(cut[i] >= 5 && cut[i] <= 10, "x " + cut[i]);
        }
        assertSame(square, RingClip.clip(square, new Rectangle2D.Double(-1, -1, 12, 12)), "inside: untouched");
        assertTrue(RingClip.clip(square, new Rectangle2D.Double(20, 20, 5, 5)).length < 6, "outside: nothing");
    }

    /** Shoelace formula. */
    private static double area(double[] xy) {
        double a = 0;
        for (int i = 0, n = xy.length / 2; i < n; i++) {
            int j = (i + 1) % n;
            a += xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1];
        }
        return a / 2;
    }
}
