package org.waterchain.app.map.basemap;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The TopoJSON reader on topologies small enough to check by hand, and on Natural Earth's land as the build puts it
 * on the class path.
 */
class TopoJsonTest {

    /**
     * Two squares side by side sharing their middle edge (arc 1, from grid point (1,1) down to (1,0)): the west square
     * is arcs 0 and 1, the east square walks arc 1 backwards (~1 = -2) and then arc 2. Quantized: position = index *
     * scale + translate, deltas after the first. Plus a polygon with a hole, as a Polygon rather than a MultiPolygon
     * member.
     */
    static final String SQUARES = """
            {"type": "Topology",
             "objects": {"land": {"type": "GeometryCollection", "geometries": [
                 {"type": "MultiPolygon", "arcs": [[[0, 1]], [[-2, 2]]]},
                 {"type": "Polygon", "arcs": [[3], [4]]},
                 {"type": null}]}},
             "arcs": [
                 [[1, 0], [-1, 0], [0, 1], [1, 0]],
                 [[1, 1], [0, -1]],
                 [[1, 1], [1, 0], [0, -1], [-1, 0]],
                 [[10, 10], [4, 0], [0, 4], [-4, 0], [0, -4]],
                 [[11, 11], [0, 1], [1, 0], [0, -1], [-1, 0]]],
             "transform": {"scale": [0.5, 0.25], "translate": [100, 20]}}
            """;

    @Test
    void quantizedArcsAreSummedScaledAndJoinedWithReversedArcsWalkedBackwards() throws IOException {
        List<LandPolygon> land = read(SQUARES, "land");
        assertEquals(3, land.size());

        // west square: arc 0 (1,0)->(0,0)->(0,1)->(1,1), then arc 1 (1,1)->(1,0) without its repeated first point
        assertArrayEquals(new double[] {100.5, 20, 100, 20, 100, 20.25, 100.5, 20.25, 100.5, 20},
                land.get(0).rings().get(0));
        // east square: arc 1 backwards (1,0)->(1,1), then arc 2 (1,1)->(2,1)->(2,0)->(1,0)
        assertArrayEquals(new double[] {100.5, 20, 100.5, 20.25, 101, 20.25, 101, 20, 100.5, 20},
                land.get(1).rings().get(0), "~1 walks the shared edge the other way");
        LandPolygon east = land.get(1);
        assertEquals(100.5, east.west());
        assertEquals(101, east.east());
        assertEquals(20, east.south());
        assertEquals(20.25, east.north());
    }

    @Test
    void aHoleIsNotLand() throws IOException {
        LandPolygon withHole = read(SQUARES, "land").get(2);
        assertEquals(2, withHole.rings().size());
        assertTrue(withHole.contains(105.2, 22.7), "between the outer ring and the hole");
        assertFalse(withHole.contains(105.75, 22.9), "inside the hole");
        assertFalse(withHole.contains(99, 22), "outside");
    }

    @Test
    void withoutATransformPositionsAreAbsolute() throws IOException {
        String plain = """
                {"type": "Topology", "objects": {"island": {"type": "Polygon", "arcs": [[0]]}},
                 "arcs": [[[121.5, 25.0, 3.0], [122.0, 25.0], [122.0, 25.5], [121.5, 25.0]]]}
                """;
        LandPolygon island = read(plain, "island").get(0);
        assertArrayEquals(new double[] {121.5, 25.0, 122.0, 25.0, 122.0, 25.5, 121.5, 25.0}, island.rings().get(0),
                "a third number in a position (elevation) is not a coordinate");
    }

    @Test
    void problemsAreNamedWithTheSourceAndWhatIsWrong() {
        IOException missing = assertThrows(IOException.class, () -> read(SQUARES, "countries"));
        assertEquals("tiny.json: no object \"countries\" (it has [land])", missing.getMessage());

        IOException badArc = assertThrows(IOException.class, () -> read("""
                {"type": "Topology", "objects": {"land": {"type": "Polygon", "arcs": [[7]]}},
                 "arcs": [[[0, 0], [1, 1]]]}""", "land"));
        assertEquals("tiny.json: object \"land\" refers to arc 7 but the topology has 1 arcs", badArc.getMessage());

        IOException line = assertThrows(IOException.class, () -> read("""
                {"type": "Topology", "objects": {"land": {"type": "LineString", "arcs": [0]}},
                 "arcs": [[[0, 0], [1, 1]]]}""", "land"));
        assertEquals("tiny.json: object \"land\" holds a LineString; only Polygon and MultiPolygon are areas",
                line.getMessage());

        IOException notTopology = assertThrows(IOException.class, () -> read("""
                {"type": "FeatureCollection", "features": []}""", "land"));
        assertEquals("tiny.json: type is FeatureCollection, expected \"Topology\"", notTopology.getMessage());
    }

    @Test
    void naturalEarthHasTaiwanWithTaoyuanOnItAndTheStraitAsSea() {
        int[] sizes = new int[2];
        for (NaturalEarthLand scale : NaturalEarthLand.values()) {
            List<LandPolygon> land = scale.load();
            sizes[scale.ordinal()] = land.size();
            LandPolygon taiwan = land.stream().filter(p -> p.contains(121.3, 25.0)).findFirst()
                    .orElseThrow(() -> new AssertionError(scale + ": Taoyuan (121.3E 25.0N) is on no land"));
            // the main island, not some islet: from the north cape to the south cape, east of the strait
            assertTrue(taiwan.north() > 25.2 && taiwan.north() < 25.4, scale + " north " + taiwan.north());
            assertTrue(taiwan.south() > 21.8 && taiwan.south() < 22.0, scale + " south " + taiwan.south());
            assertTrue(taiwan.west() > 119.9 && taiwan.east() < 122.1, scale + " west " + taiwan.west());
            assertTrue(land.stream().noneMatch(p -> p.contains(121.0, 25.2)), scale + ": 121.0E 25.2N is sea");
            assertTrue(land.stream().anyMatch(p -> p.contains(10, 25)), scale + ": the Sahara is land");
        }
        assertTrue(sizes[NaturalEarthLand.DETAILED.ordinal()] > sizes[NaturalEarthLand.COARSE.ordinal()],
                "the detailed land has more islands");
    }

    private static List<LandPolygon> read(String json, String object) throws IOException {
        return TopoJson.polygons(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), object, "tiny.json");
    }
}
