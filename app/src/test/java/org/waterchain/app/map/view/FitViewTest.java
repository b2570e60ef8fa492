package org.waterchain.app.map.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waterchain.app.map.geo.BoundingBox;
import org.waterchain.app.map.tiles.WebMercator;

class FitViewTest {
    /** The New Hope Creek basin (NHDPlus flowlines' extent). */
    static final BoundingBox BASIN = new BoundingBox(-79.165966, 35.78552, -78.8386645, 36.0259851);

    static double widthPx(BoundingBox b, double zoom) {
        return (WebMercator.nx(b.maxLon()) - WebMercator.nx(b.minLon())) * WebMercator.worldSize(zoom);
    }

    static double heightPx(BoundingBox b, double zoom) {
        return (WebMercator.ny(b.minLat()) - WebMercator.ny(b.maxLat())) * WebMercator.worldSize(zoom);
    }

    @Test
    void theBoxFillsTheViewInItsTighterDimension() {
        FitView f = FitView.of(BASIN, 1000, 800, 40, 2, 19);
        double w = widthPx(BASIN, f.zoom());
        double h = heightPx(BASIN, f.zoom());
        assertTrue(w <= 920 + 1e-6 && h <= 720 + 1e-6, "fits: " + w + " x " + h);
        assertEquals(720, h, 1e-6, "Mercator stretches the basin's 0.24 degrees of latitude: its height meets the padded view's");
        assertTrue(w < 920);
    }

    @Test
    void aTallBoxIsLimitedByTheHeight() {
        BoundingBox tall = new BoundingBox(121.0, 24.0, 121.01, 25.0);
        FitView f = FitView.of(tall, 1000, 800, 0, 2, 19);
        assertEquals(800, heightPx(tall, f.zoom()), 1e-6);
    }

    @Test
    void theCentreIsTheMiddleOfTheProjectedBoxNotOfTheDegrees() {
        BoundingBox b = new BoundingBox(10, 0, 20, 60);
        FitView f = FitView.of(b, 500, 500, 0, 0, 19);
        double mid = (WebMercator.ny(0) + WebMercator.ny(60)) / 2;
        assertEquals(mid, WebMercator.ny(f.lat()), 1e-12);
        assertTrue(f.lat() > 30, "Mercator stretches the north: the visual middle of 0..60 N lies above 30 N, got " + f.lat());
        assertEquals(15, f.lon(), 1e-9);
    }

    @Test
    void aSinglePointGetsTheMaximumZoomAndTheRangeClamps() {
        BoundingBox point = new BoundingBox(121.2, 24.9, 121.2, 24.9);
        assertEquals(15, FitView.of(point, 800, 600, 40, 2, 15).zoom());
        assertEquals(2, FitView.of(new BoundingBox(-180, -80, 180, 80), 800, 600, 40, 2, 15).zoom(), "the world at the least zoom allowed");
        assertThrows(IllegalArgumentException.class, () -> FitView.of(point, 800, 600, 0, 10, 9));
    }

    @Test
    void aViewSmallerThanItsPaddingStillGivesAZoom() {
        FitView f = FitView.of(BASIN, 50, 50, 40, 2, 19);
        assertTrue(f.zoom() >= 2 && Double.isFinite(f.zoom()));
    }
}
