package org.waterchain.app.map.geo;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayerImportTest {
    static String fc(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    static String feature(String id, String geometry, String properties) {
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":" + geometry + ",\"properties\":" + properties + "}";
    }

    static final String POINT = "{\"type\":\"Point\",\"coordinates\":[121.2,24.9]}";
    static final String LINE = "{\"type\":\"LineString\",\"coordinates\":[[121.2,24.9],[121.21,24.91]]}";
    static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[121.2,24.9],[121.21,24.9],[121.21,24.91],[121.2,24.9]]]}";

    static LayerKind detected(String json) {
        return LayerImport.read("t.geojson", json, null).orThrow().layer().kind();
    }

    @Test
    void theKindIsToldFromTheFirstFeaturesSchema() {
        assertEquals(LayerKind.CHANNELS, detected(fc(feature("C1", LINE, "{\"name\":\"a\",\"fromNode\":\"N1\",\"toNode\":\"N2\",\"lengthM\":10}"))));
        assertEquals(LayerKind.STATIONS, detected(fc(feature("R1", POINT, "{\"name\":\"a\",\"kind\":\"REGULAR\"}"))));
        assertEquals(LayerKind.FACTORIES, detected(fc(feature("F1", SQUARE,
                "{\"name\":\"a\",\"industry\":\"plating\",\"pollutants\":[\"CU\"],\"permittedDischargeM3Day\":5,\"dischargeNode\":\"\"}"))));
        assertEquals(LayerKind.IRRIGATION_UNITS, detected(fc(feature("U1", SQUARE, "{\"name\":\"a\",\"areaHa\":2,\"supplyNode\":\"R04\"}"))));
    }

    @Test
    void aFileWhoseKindCannotBeToldNamesTheFileAndFeatureAndAsksForTheKind() {
        ImportResult<LayerImport.Imported> r = LayerImport.read("mystery.geojson", fc(feature("X1", POINT, "{\"colour\":\"red\"}")), null);
        assertFalse(r.isOk());
        assertTrue(r.errorReport().startsWith("mystery.geojson: feature 0 (id X1): properties: cannot tell which layer"), r.errorReport());
        assertTrue(r.errorReport().contains("choose the layer kind"));
    }

    @Test
    void aChosenKindIsReadStrictlyWithEveryErrorNamed() {
        String json = fc(feature("U1", POINT, "{\"name\":\"a\",\"areaHa\":2,\"supplyNode\":\"R04\"}"),
                feature("U2", SQUARE, "{\"name\":\"b\",\"areaHa\":-1}"));
        ImportResult<LayerImport.Imported> r = LayerImport.read("units.geojson", json, LayerKind.IRRIGATION_UNITS);
        String report = r.errorReport();
        assertTrue(report.contains("units.geojson: feature 0 (id U1): geometry: expected a Polygon"), report);
        assertTrue(report.contains("units.geojson: feature 1 (id U2): properties.areaHa: must be a number >= 0"), report);
        assertTrue(report.contains("units.geojson: feature 1 (id U2): properties.supplyNode: missing text field"), report);
    }

    @Test
    void anEmptyFileImportsNothing() {
        ImportResult<LayerImport.Imported> r = LayerImport.read("empty.geojson", fc(), null);
        assertEquals("empty.geojson: features: the file holds no features: nothing to import", r.errorReport());
    }

    @Test
    void nhdPlusFlowlinesBecomeAChannelLayerCheckedForFlowDirection() {
        LayerImport.Imported i = LayerImport.read(SharedData.nhdPlusFlowlines(), null).orThrow();
        assertEquals("NHDPlus flowlines", i.format());
        assertEquals(LayerKind.CHANNELS, i.layer().kind());
        assertEquals(746, i.layer().features().size());
        assertEquals(1, i.network().orElseThrow().outlets());
        assertEquals(i.layer(), LayerImport.read(SharedData.nhdPlusFlowlines(), LayerKind.CHANNELS).orThrow().layer(),
                "choosing Channels reads an NHDPlus file the same way");
    }

    @Test
    void nhdPlusPropertiesAreDetectedOnTheirOwn() {
        String nhd = fc("{\"type\":\"Feature\",\"geometry\":{\"type\":\"MultiLineString\",\"coordinates\":[[[-78.9,35.8],[-78.91,35.81]]]},"
                + "\"properties\":{\"COMID\":1,\"GNIS_NAME\":\"Creek\",\"FromNode\":10.0,\"ToNode\":11.0,\"LENGTHKM\":1.2}}");
        LayerImport.Imported i = LayerImport.read("nhd.geojson", nhd, null).orThrow();
        assertEquals("NHDPlus flowlines", i.format());
        Channel c = (Channel) i.layer().features().get(0);
        assertEquals(List.of("1", "10", "11", "Creek"), List.of(c.id(), c.fromNode(), c.toNode(), c.name()));
    }
}
