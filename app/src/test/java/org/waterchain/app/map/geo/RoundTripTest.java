package org.waterchain.app.map.geo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.registry.StationKind;

/** import(export(layer)) must equal the layer exactly: coordinates, properties and order. */
class RoundTripTest {
    @TempDir
    Path dir;

    static final Geometry.Polygon SQUARE = new Geometry.Polygon(List.of(
            List.of(new Position(121.1, 24.9), new Position(121.2, 24.9), new Position(121.2, 25.0), new Position(121.1, 24.9)),
            List.of(new Position(121.15, 24.93), new Position(121.16, 24.93), new Position(121.16, 24.94), new Position(121.15, 24.93))));

    static Geometry.LineString line(double... lonLat) {
        List<Position> ps = new java.util.ArrayList<>();
        for (int i = 0; i < lonLat.length; i += 2) {
            ps.add(new Position(lonLat[i], lonLat[i + 1]));
        }
        return new Geometry.LineString(ps);
    }

    static Properties attrs() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order", 3L);
        m.put("slope", 0.002);
        m.put("note", null);
        m.put("lined", true);
        m.put("tags", List.of("a", 1L, 2.5));
        m.put("nested", Map.of("k", "v"));
        m.put("tiny", 1e-7);
        m.put("big", new java.math.BigInteger("123456789012345678901234567890"));
        return new Properties(m);
    }

    @Test
    void channels() throws Exception {
        ChannelLayer layer = new ChannelLayer(List.of(
                new Channel("C2", "San-Kuai-Tsuo", "N2", "N3", 3838, line(121.2, 24.9, 121.2000001, 24.95, -78.9454651, 35.8385469), attrs()),
                new Channel("C1", "", "N1", "N2", 0.1 + 0.2, line(121.1, 24.8, 121.2, 24.9), Properties.EMPTY)));
        Path file = dir.resolve("channels.geojson");
        layer.write(file);
        assertEquals(layer, ChannelLayer.read(file).orThrow());
    }

    @Test
    void stations() throws Exception {
        StationLayer layer = new StationLayer(List.of(
                new Station("R04", "Regular 4", StationKind.REGULAR, new Geometry.Point(new Position(121.25, 24.91, 35.5)), attrs()),
                new Station("M02", "Heavy metal 2", StationKind.HEAVY_METAL, new Geometry.Point(-180, -90), Properties.EMPTY)));
        Path file = dir.resolve("stations.geojson");
        layer.write(file);
        assertEquals(layer, StationLayer.read(file).orThrow());
    }

    @Test
    void factories() throws Exception {
        FactoryLayer layer = new FactoryLayer(List.of(
                new Factory("F1", "Plating works", "electroplating", SQUARE, List.of("CU", "NI"), 120.5, "N2", attrs()),
                new Factory("F2", "Tannery", "leather", new Geometry.Point(180, 90), List.of(), 0, "", Properties.EMPTY)));
        Path file = dir.resolve("factories.geojson");
        layer.write(file);
        assertEquals(layer, FactoryLayer.read(file).orThrow());
    }

    @Test
    void irrigationUnits() throws Exception {
        IrrigationUnitLayer layer = new IrrigationUnitLayer(List.of(
                new IrrigationUnit("U1", "Block 1", SQUARE, 12.75, "R04", attrs()),
                new IrrigationUnit("U2", "Block 2", SQUARE, 0, "", Properties.EMPTY)));
        Path file = dir.resolve("units.geojson");
        layer.write(file);
        assertEquals(layer, IrrigationUnitLayer.read(file).orThrow());
    }

    @Test
    void genericCollectionWithMultiGeometriesAndIds() {
        FeatureCollection fc = new FeatureCollection(List.of(
                new Feature(42L, new Geometry.MultiPoint(List.of(new Position(1, 2), new Position(3, 4, 5))), attrs()),
                new Feature(2.5, new Geometry.MultiLineString(List.of(line(0, 0, 1, 1), line(2, 2, 3, 3))), Properties.EMPTY),
                new Feature(null, new Geometry.MultiPolygon(List.of(SQUARE, SQUARE)), Properties.EMPTY),
                new Feature("x", line(-179.9999999, -89.9999999, 179.9999999, 89.9999999), Properties.EMPTY)));
        String json = GeoJsonWriter.toJson(fc);
        assertFalse(json.contains("crs"));
        assertEquals(fc, GeoJsonReader.read("mem", json, GeometryRule.ANY).orThrow());
    }

    @Test
    void typedLayerReportsMissingAndMistypedFields() {
        String json = "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"id\":\"F1\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[121,24]},"
                + "\"properties\":{\"name\":\"Plating\",\"industry\":\"plating\",\"pollutants\":\"CU\",\"permittedDischargeM3Day\":-1,\"dischargeNode\":\"N1\"}},"
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[121,24]},\"properties\":{\"name\":\"Nameless\"}}]}";
        ImportResult<FactoryLayer> r = GeoJsonReader.read("f.geojson", json, FactoryLayer.RULE)
                .flatMap(fc -> FactoryLayer.fromFeatures("f.geojson", fc));
        assertFalse(r.isOk());
        String report = r.errorReport();
        assertTrue(report.contains("f.geojson: feature 0 (id F1): properties.pollutants: must be a list of text"), report);
        assertTrue(report.contains("f.geojson: feature 0 (id F1): properties.permittedDischargeM3Day: must be a number >= 0"), report);
        assertTrue(report.contains("f.geojson: feature 1 (name Nameless): id: missing feature id"), report);
    }

    @Test
    void duplicateIdsAreRejected() {
        ChannelLayer layer = new ChannelLayer(List.of(
                new Channel("C1", "a", "N1", "N2", 1, line(0, 0, 1, 1), Properties.EMPTY),
                new Channel("C1", "b", "N2", "N3", 1, line(1, 1, 2, 2), Properties.EMPTY)));
        ImportResult<ChannelLayer> r = ChannelLayer.fromFeatures("c.geojson", layer.toFeatures());
        assertEquals("c.geojson: feature 1 (id C1): id: duplicate id, first used by feature 0", r.errorReport());
    }
}
