package org.waterchain.app.trace.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Section geometry, Manning's equation and normal depth against values worked by hand. */
class ManningChannelTest {

    @Test
    void trapezoidAtHalfAMetre() {
        // b = 1 m, z = 1, y = 0.5 m: A = (1 + 0.5) 0.5 = 0.75 m²; P = 1 + 2 (0.5) sqrt 2 = 2.414214 m;
        // R = 0.310660 m; R^(2/3) = 0.458695; v = 0.458695 sqrt(0.002) / 0.015 = 1.367563 m/s; Q = 1.025673 m³/s.
        ManningChannel c = new ManningChannel(new TrapezoidSection(1, 1), 0.015, 0.002);
        assertEquals(0.75, c.section().areaM2(0.5), 1e-12);
        assertEquals(2.414214, c.section().wettedPerimeterM(0.5), 1e-6);
        assertEquals(2.0, c.section().topWidthM(0.5), 1e-12);
        assertEquals(0.310660, c.section().hydraulicRadiusM(0.5), 1e-6);
        assertEquals(1.367563, c.velocityMps(0.5), 1e-6);
        assertEquals(1.025673, c.flowM3s(0.5), 1e-6);
    }

    @Test
    void rectangleAtOneMetre() {
        // b = 2 m, y = 1 m: A = 2 m², P = 4 m, R = 0.5 m; v = 0.5^(2/3) sqrt(0.001) / 0.013 = 0.629961 x 0.0316228
        // / 0.013 = 1.532392 m/s; Q = 3.064785 m³/s.
        ManningChannel c = new ManningChannel(new TrapezoidSection(2, 0), 0.013, 0.001);
        assertEquals(1.532392, c.velocityMps(1), 1e-6);
        assertEquals(3.064785, c.flowM3s(1), 1e-6);
        assertEquals(1, c.normalDepthM(3.064785), 1e-6);
    }

    @Test
    void normalDepthInvertsManningOverFourOrdersOfFlow() {
        ManningChannel c = new ManningChannel(new TrapezoidSection(1, 1), 0.015, 0.002);
        assertEquals(0.5, c.normalDepthM(c.flowM3s(0.5)), 1e-10);
        for (double q = 0.001; q < 20; q *= 1.7) {
            double y = c.normalDepthM(q);
            assertEquals(q, c.flowM3s(y), 1e-9 * q, "flow " + q);
        }
        // A flow too large for the first bracket of 1 m: doubling finds it.
        assertEquals(6.0, c.normalDepthM(c.flowM3s(6.0)), 1e-9);
    }

    @Test
    void thePapersBranchCanalAtHalfACubicMetre() {
        // Assumed section (see TransportAssumptions): b = 1 m, 1:1 sides, n = 0.015 lined concrete, S = 0.002.
        FlowState s = new ManningChannel(new TrapezoidSection(1, 1), 0.015, 0.002).atFlow(0.5);
        assertEquals(0.33500, s.depthM(), 1e-5);
        assertEquals(1.11802, s.velocityMps(), 1e-5);
        assertTrue(s.froude() < 1, "a lined canal on a 0.002 slope runs subcritical: Fr " + s.froude());
        // Fischer by hand: T = 1.66999 m, h = A/T = 0.267797 m, u* = sqrt(9.80665 x R x 0.002) with R = A/P.
        double uStar = Math.sqrt(9.80665 * s.hydraulicRadiusM() * 0.002);
        double expected = 0.011 * 1.11802 * 1.11802 * 1.66999 * 1.66999 / (0.267797 * uStar);
        assertEquals(expected, Dispersion.fischer(s), 1e-4);
        assertEquals(2.1336, Dispersion.fischer(s), 1e-3);
    }

    @Test
    void brentFindsRootsWhereNewtonWanders() {
        assertEquals(2.0945514815423265, BracketedRoot.solve(x -> x * x * x - 2 * x - 5, 2, 3, 1e-14), 1e-12);
        // Flat for most of the bracket, steep at one end.
        assertEquals(0.9, BracketedRoot.solve(x -> Math.pow(x - 0.9, 9), 0, 1, 1e-14), 2e-2);
        assertEquals(0.7, BracketedRoot.solve(x -> Math.atan(50 * (x - 0.7)), -10, 10, 1e-14), 1e-12);
    }

    @Test
    void nonsenseIsRefusedWithTheReason() {
        ManningChannel c = new ManningChannel(new TrapezoidSection(1, 1), 0.015, 0.002);
        assertEquals("flow must be positive to have a normal depth, got -1.0 m³/s",
                assertThrows(IllegalArgumentException.class, () -> c.normalDepthM(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ManningChannel(new TrapezoidSection(1, 1), 0.015, 0));
        assertThrows(IllegalArgumentException.class, () -> new TrapezoidSection(0, 0));
        assertThrows(IllegalArgumentException.class, () -> BracketedRoot.solve(x -> x * x + 1, -1, 1, 1e-9));
    }
}
