package org.waterchain.app.map.geo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.registry.StationKind;

/** Checks the index against brute force over 10,000 features; no timing here (see SpatialIndexHarness). */
class SpatialIndexTest {
    static final BoundingBox NEW_HOPE = new BoundingBox(-79.1, 35.75, -78.8, 36.1);

    /** The New Hope Creek reaches when the shared data is present, else synthetic reaches in the same box. */
    static List<MapFeature> tenThousandFeatures(long seed) {
        List<MapFeature> out = new ArrayList<>();
        Path nhd = Path.of(Optional.ofNullable(System.getenv("WATERCHAIN_SHARED_DATA")).orElse("../../shared/data"))
                .resolve("nhdplus/nhdplusv2_flowlines_NewHopeCreek_NC.geojson");
        Random rnd = new Random(seed);
        if (Files.isRegularFile(nhd)) {
            out.addAll(NhdPlusImport.read(nhd).orThrow().channels().channels());
        } else {
            for (int i = 0; i < 746; i++) {
                double x = lon(rnd), y = lat(rnd);
                out.add(new Channel("C" + i, "", "N" + i, "N" + (i + 1), 500,
                        RoundTripTest.line(x, y, x + 0.003, y + 0.002, x + 0.005, y + 0.006), Properties.EMPTY));
            }
        }
        while (out.size() < 10_000) {
            out.add(new Station("S" + out.size(), "", StationKind.REGULAR, new Geometry.Point(lon(rnd), lat(rnd)), Properties.EMPTY));
        }
        return out;
    }

    private static double lon(Random r) {
        return NEW_HOPE.minLon() + r.nextDouble() * NEW_HOPE.width();
    }

    private static double lat(Random r) {
        return NEW_HOPE.minLat() + r.nextDouble() * NEW_HOPE.height();
    }

    @Test
    void bboxQueriesMatchBruteForce() {
        List<MapFeature> all = tenThousandFeatures(1);
        SpatialIndex<MapFeature> index = SpatialIndex.of(all);
        assertEquals(10_000, index.size());
        Random rnd = new Random(2);
        for (int q = 0; q < 200; q++) {
            double x = lon(rnd), y = lat(rnd), w = rnd.nextDouble() * 0.05, h = rnd.nextDouble() * 0.05;
            BoundingBox box = new BoundingBox(x, y, x + w, y + h);
            List<MapFeature> expected = all.stream().filter(f -> Planar.intersects(f.geometry(), box)).toList();
            assertEquals(expected, index.within(box));
        }
        assertEquals(all, index.within(new BoundingBox(-180, -90, 180, 90)));
        assertTrue(index.within(new BoundingBox(0, 0, 1, 1)).isEmpty());
    }

    @Test
    void nearestMatchesBruteForce() {
        List<MapFeature> all = tenThousandFeatures(3);
        SpatialIndex<MapFeature> index = SpatialIndex.of(all);
        Random rnd = new Random(4);
        int hits = 0;
        for (int q = 0; q < 500; q++) {
            Position click = new Position(lon(rnd), lat(rnd));
            double tol = 5 + rnd.nextDouble() * 200;
            Optional<MapFeature> expected = all.stream()
                    .filter(f -> Planar.distanceM(click, f.geometry()) <= tol)
                    .min(Comparator.comparingDouble(f -> Planar.distanceM(click, f.geometry())));
            Optional<SpatialIndex.Hit<MapFeature>> got = index.nearest(click, tol);
            assertEquals(expected.map(f -> Planar.distanceM(click, f.geometry())), got.map(SpatialIndex.Hit::distanceM));
            hits += got.isPresent() ? 1 : 0;
        }
        assertTrue(hits > 50, "the queries should exercise hits, got " + hits);
    }

    @Test
    void clickSelectsTheNearestAndRespectsTolerance() {
        Station a = new Station("A", "", StationKind.REGULAR, new Geometry.Point(121.0, 25.0), Properties.EMPTY);
        Channel c = new Channel("C", "", "N1", "N2", 1000, RoundTripTest.line(121.0, 25.001, 121.01, 25.001), Properties.EMPTY);
        IrrigationUnit u = new IrrigationUnit("U", "", RoundTripTest.SQUARE, 1, "", Properties.EMPTY);
        SpatialIndex<MapFeature> index = SpatialIndex.of(List.of(a, c, u));
        // 0.001 degree of latitude is about 111 m: the channel is 111 m north of the station.
        assertEquals("C", index.nearest(new Position(121.005, 25.0008), 50).orElseThrow().feature().id());
        assertEquals("A", index.nearest(new Position(121.0, 25.0001), 50).orElseThrow().feature().id());
        assertTrue(index.nearest(new Position(121.005, 24.99), 50).isEmpty());
        // Inside the unit's exterior but in its hole: the hole is not part of the unit.
        assertEquals(0, index.nearest(new Position(121.18, 24.92), 1).orElseThrow().distanceM());
        assertTrue(index.nearest(new Position(121.158, 24.932), 1).isEmpty());
    }

    @Test
    void boxesTouchingIsTheBoundingBoxSupersetOfWithin() {
        List<MapFeature> all = tenThousandFeatures(5);
        SpatialIndex<MapFeature> index = SpatialIndex.of(all);
        Random rnd = new Random(6);
        for (int q = 0; q < 200; q++) {
            double lon = lon(rnd), lat = lat(rnd);
            BoundingBox box = new BoundingBox(lon, lat, lon + rnd.nextDouble() * 0.05, lat + rnd.nextDouble() * 0.05);
            java.util.BitSet got = new java.util.BitSet();
            got.set(all.size() + 3); // bits already set are left alone
            index.boxesTouching(box, got);
            assertTrue(got.get(all.size() + 3));
            got.clear(all.size() + 3);
            java.util.BitSet expected = new java.util.BitSet();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).geometry().bbox().intersects(box)) {
                    expected.set(i);
                }
            }
            assertEquals(expected, got);
            for (MapFeature f : index.within(box)) {
                assertTrue(got.get(all.indexOf(f)), "within() is a subset");
            }
        }
    }
}
