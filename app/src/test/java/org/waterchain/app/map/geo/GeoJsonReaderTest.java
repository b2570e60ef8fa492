package org.waterchain.app.map.geo;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeoJsonReaderTest {
    private static String fc(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private static String point(String id, String coords) {
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":{\"type\":\"Point\",\"coordinates\":" + coords
                + "},\"properties\":{\"name\":\"" + id + "\"}}";
    }

    private static List<GeoJsonError> errors(String json, GeometryRule rule) {
        ImportResult<FeatureCollection> r = GeoJsonReader.read("test.geojson", json, rule);
        assertFalse(r.isOk(), "expected errors");
        assertNull(r.value(), "nothing half-imported");
        return r.errors();
    }

    @Test
    void readsAValidCollection() {
        FeatureCollection fc = GeoJsonReader.read("ok.geojson", fc(point("R04", "[121.2, 24.9]"), point("R06", "[121.3, 24.95, 12.5]")),
                GeometryRule.ANY).orThrow();
        assertEquals(2, fc.size());
        assertEquals(new Position(121.3, 24.95, 12.5), ((Geometry.Point) fc.features().get(1).geometry()).position());
        assertEquals("R04", fc.features().get(0).id());
    }

    @Test
    void outOfRangeCoordinatesNameFileFeatureAndPosition() {
        List<GeoJsonError> e = errors(fc(point("R04", "[121.2, 24.9]"), point("R06", "[24.9, 121.2]")), GeometryRule.ANY);
        assertEquals(1, e.size());
        assertEquals(1, e.get(0).featureIndex());
        String text = e.get(0).toString();
        assertTrue(text.startsWith("test.geojson: feature 1 (id R06): geometry.coordinates[1]: latitude 121.2 out of range"), text);
        assertTrue(text.contains("swapped"), text);
    }

    @Test
    void collectsEveryErrorAndImportsNothing() {
        List<GeoJsonError> e = errors(fc(point("A", "[\"121\", 24]"), point("B", "[500000, 2700000]"), point("C", "[1]"),
                point("D", "[121, 24]")), GeometryRule.ANY);
        assertEquals(4, e.size(), e.toString());
        assertTrue(e.get(0).toString().contains("not a number"), e.get(0).toString());
        assertTrue(e.get(1).toString().contains("projected"), e.get(1).toString());
        assertEquals(2, e.get(3).featureIndex());
    }

    @Test
    void wrongGeometryTypeForTheLayer() {
        List<GeoJsonError> e = errors(fc(point("R04", "[121.2, 24.9]")), ChannelLayer.RULE);
        assertEquals("Point is not allowed in the channel layer (expected LineString)", e.get(0).message());
    }

    @Test
    void polygonRingsMustBeClosedAndLongEnough() {
        String open = "{\"type\":\"Feature\",\"id\":\"U1\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[0,0],[1,0],[1,1],[0,1]]]},\"properties\":{}}";
        String shortRing = "{\"type\":\"Feature\",\"id\":\"U2\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[0,0],[1,0],[0,0]]]},\"properties\":{}}";
        List<GeoJsonError> e = errors(fc(open, shortRing), IrrigationUnitLayer.RULE);
        assertEquals(2, e.size());
        assertTrue(e.get(0).message().contains("ring not closed"), e.get(0).message());
        assertTrue(e.get(1).message().contains("at least 4 positions, has 3"), e.get(1).message());
    }

    @Test
    void legacyCrsMustBeWgs84() {
        String epsg3857 = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:3857\"}},\"features\":[]}";
        assertTrue(errors(epsg3857, GeometryRule.ANY).get(0).message().contains("EPSG:3857"));
        String crs84 = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:OGC:1.3:CRS84\"}},\"features\":[]}";
        assertTrue(GeoJsonReader.read("t", crs84, GeometryRule.ANY).isOk());
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        List<GeoJsonError> e = errors("{\"type\":\"FeatureCollection\",\n\"features\":[ {\"type\": } ]}", GeometryRule.ANY);
        assertEquals(1, e.size());
        assertTrue(e.get(0).where().startsWith("line 2, column"), e.get(0).toString());
        assertTrue(e.get(0).message().startsWith("malformed JSON"));
    }

    @Test
    void structuralProblems() {
        assertTrue(errors("{\"type\":\"Feature\"}", GeometryRule.ANY).get(0).toString().contains("expected \"FeatureCollection\""));
        assertTrue(errors("{\"type\":\"FeatureCollection\",\"features\":[],\"features\":[]}", GeometryRule.ANY)
                .get(0).message().contains("Duplicate field"));
        String nullGeometry = "{\"type\":\"Feature\",\"id\":7,\"geometry\":null,\"properties\":null}";
        GeoJsonError e = errors(fc(nullGeometry), StationLayer.RULE).get(0);
        assertEquals("id 7", e.featureLabel());
        assertTrue(e.message().contains("missing geometry"));
    }
}
