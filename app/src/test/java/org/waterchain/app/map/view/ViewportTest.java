package org.waterchain.app.map.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waterchain.app.map.geo.BoundingBox;
import org.waterchain.app.map.geo.Position;

class ViewportTest {
    @Test
    void aCentredViewHasItsCentreInTheMiddle() {
        Viewport v = Viewport.centred(24.93, 121.21, 13, 1000, 700);
        assertEquals(500, v.screenX(121.21), 1e-6);
        assertEquals(350, v.screenY(24.93), 1e-6);
        assertEquals(256 * 8192, v.worldSize(), 0);
    }

    @Test
    void positionIsTheInverseOfScreenXy() {
        Viewport v = Viewport.centred(35.9, -79.0, 11.3, 1200, 800);
        Position p = v.position(v.screenX(-78.95), v.screenY(35.95));
        assertEquals(-78.95, p.lon(), 1e-9);
        assertEquals(35.95, p.lat(), 1e-9);
    }

    @Test
    void theAreaCoversTheViewAndItsMargin() {
        Viewport v = Viewport.centred(24.93, 121.21, 13, 1000, 700);
        BoundingBox a = v.area(100);
        Position nw = v.position(-100, -100);
        Position se = v.position(1100, 800);
        assertEquals(nw.lon(), a.minLon(), 1e-12);
        assertEquals(nw.lat(), a.maxLat(), 1e-12);
        assertEquals(se.lon(), a.maxLon(), 1e-12);
        assertEquals(se.lat(), a.minLat(), 1e-12);
        assertTrue(a.contains(121.21, 24.93));
    }

    @Test
    void aWorldViewIsClampedToTheGlobe() {
        BoundingBox a = Viewport.centred(0, 0, 0, 2000, 2000).area(0);
        assertEquals(-180, a.minLon(), 0);
        assertEquals(180, a.maxLon(), 0);
    }

    @Test
    void emptyUntilLaidOut() {
        assertTrue(new Viewport(12, 0, 0, 0, 0).isEmpty());
    }
}
