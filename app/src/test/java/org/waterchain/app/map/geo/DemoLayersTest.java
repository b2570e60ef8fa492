package org.waterchain.app.map.geo;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.demo.DemoAlliance;

/** The demo's irrigation units fit the demo district: supplied by its stations, beside its channels, clear of its markers. */
class DemoLayersTest {
    final List<IrrigationUnit> units = DemoLayers.irrigationUnits().units();

    @Test
    void fourteenUnitsEachSuppliedByADemoStation() {
        assertEquals(14, units.size());
        Set<String> stations = DemoAlliance.STATIONS.stream().map(DemoAlliance.DemoStation::id).collect(Collectors.toSet());
        for (IrrigationUnit u : units) {
            assertTrue(stations.contains(u.supplyNode()), u.id() + " takes water from " + u.supplyNode());
            assertFalse(u.name().isBlank());
        }
    }

    @Test
    void statedAreasMatchThePolygons() {
        for (IrrigationUnit u : units) {
            List<Position> ring = u.geometry().exterior();
            double kx = Planar.metresPerDegreeLon(ring.get(0).lat());
            double twice = 0;
            for (int i = 0; i + 1 < ring.size(); i++) {
                Position a = ring.get(i), b = ring.get(i + 1);
                twice += (a.lon() * kx) * (b.lat() * Planar.M_PER_DEG_LAT) - (b.lon() * kx) * (a.lat() * Planar.M_PER_DEG_LAT);
            }
            double ha = Math.abs(twice) / 2 / 10_000;
            assertEquals(u.areaHa(), ha, u.areaHa() * 0.03, u.id());
            assertTrue(twice > 0, u.id() + ": RFC 7946 exterior rings run counter-clockwise");
        }
    }

    @Test
    void noUnitCoversOrCrowdsAStationMarker() {
        for (IrrigationUnit u : units) {
            for (DemoAlliance.DemoStation s : DemoAlliance.STATIONS) {
                double d = Planar.distanceM(new Position(s.lon(), s.lat()), u.geometry());
                assertTrue(d > 150, u.id() + " lies " + Math.round(d) + " m from station " + s.id());
            }
        }
    }
}
