package org.waterchain.app.map.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlowArrowsTest {
    @Test
    void arrowsAreEvenlySpacedStartingHalfASpacingIn() {
        List<FlowArrows.Arrow> a = FlowArrows.place(new double[] {0, 300}, new double[] {0, 0}, 100);
        assertEquals(3, a.size());
        assertEquals(50, a.get(0).x(), 1e-9);
        assertEquals(150, a.get(1).x(), 1e-9);
        assertEquals(250, a.get(2).x(), 1e-9);
        assertTrue(a.stream().allMatch(x -> x.y() == 0 && x.angleDeg() == 0), "pointing east along the line");
    }

    @Test
    void arrowsPointTheWayTheCoordinatesRun() {
        List<FlowArrows.Arrow> west = FlowArrows.place(new double[] {300, 0}, new double[] {0, 0}, 100);
        assertEquals(180, Math.abs(west.get(0).angleDeg()), 1e-9);
        List<FlowArrows.Arrow> south = FlowArrows.place(new double[] {0, 0}, new double[] {0, 200}, 100);
        assertEquals(90, south.get(0).angleDeg(), 1e-9, "screen y grows downwards");
    }

    @Test
    void spacingCarriesOverCornersAndEachArrowTakesItsSegmentsDirection() {
        // an L: 80 px east, then 120 px south; arrows at 50 (east leg) and 150 (70 px down the south leg)
        List<FlowArrows.Arrow> a = FlowArrows.place(new double[] {0, 80, 80}, new double[] {0, 0, 120}, 100);
        assertEquals(2, a.size());
        assertEquals(new FlowArrows.Arrow(50, 0, 0), a.get(0));
        assertEquals(80, a.get(1).x(), 1e-9);
        assertEquals(70, a.get(1).y(), 1e-9);
        assertEquals(90, a.get(1).angleDeg(), 1e-9);
    }

    @Test
    void shortLinesAndRepeatedPointsGetNoStrayArrows() {
        assertTrue(FlowArrows.place(new double[] {0, 60}, new double[] {0, 0}, 100).isEmpty());
        assertTrue(FlowArrows.place(new double[] {5}, new double[] {5}, 100).isEmpty());
        List<FlowArrows.Arrow> a = FlowArrows.place(new double[] {0, 0, 200}, new double[] {0, 0, 0}, 100);
        assertEquals(2, a.size());
        assertTrue(a.stream().allMatch(x -> x.angleDeg() == 0));
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> FlowArrows.place(new double[2], new double[3], 10));
        assertThrows(IllegalArgumentException.class, () -> FlowArrows.place(new double[2], new double[2], 0));
    }
}
