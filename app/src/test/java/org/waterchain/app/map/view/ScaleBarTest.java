package org.waterchain.app.map.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScaleBarTest {
    @Test
    void metresPerPixelAtTheEquatorIsTheWellKnownFigure() {
        assertEquals(156543.034, ScaleBar.metresPerPixel(0, 0), 0.001);
        assertEquals(156543.034 / 4096, ScaleBar.metresPerPixel(0, 12), 1e-6);
    }

    @Test
    void aPixelCoversLessGroundAwayFromTheEquator() {
        double taoyuan = ScaleBar.metresPerPixel(24.9, 12);
        assertEquals(38.2185 * Math.cos(Math.toRadians(24.9)), taoyuan, 0.001);
        assertEquals(ScaleBar.metresPerPixel(0, 12) / 2, ScaleBar.metresPerPixel(60, 12), 1e-9);
    }

    @Test
    void roundLengthsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1, ScaleBar.roundLength(1.9));
        assertEquals(2, ScaleBar.roundLength(2));
        assertEquals(5, ScaleBar.roundLength(9.99));
        assertEquals(10, ScaleBar.roundLength(10));
        assertEquals(2000, ScaleBar.roundLength(4999));
        assertEquals(5000, ScaleBar.roundLength(5000));
        assertEquals(1, ScaleBar.roundLength(0.2), "never below a metre");
        assertEquals(1, ScaleBar.roundLength(Double.NaN));
    }

    @Test
    void theBarFitsItsSpaceAndItsPixelsMatchItsLength() {
        double mpp = ScaleBar.metresPerPixel(24.9, 12); // about 34.7 m per pixel
        ScaleBar bar = ScaleBar.fit(24.9, 12, 120); // 120 px is about 4160 m
        assertEquals(2000, bar.metres());
        assertEquals("2 km", bar.label());
        assertEquals(2000 / mpp, bar.pixels(), 1e-9);
        assertTrue(bar.pixels() <= 120);
        // each zoom level halves the ground per pixel
        ScaleBar closer = ScaleBar.fit(24.9, 15, 120);
        assertEquals(500, closer.metres());
        assertEquals("500 m", closer.label());
    }

    @Test
    void labelsUseKilometresFromAThousandMetres() {
        assertEquals("1 km", ScaleBar.label(1000));
        assertEquals("200 m", ScaleBar.label(200));
        assertEquals("50 km", ScaleBar.label(50_000));
    }
}
