package org.waterchain.app.map.geo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real New Hope Creek network; skipped when ../../shared/data is absent. */
class NhdPlusImportTest {
    @TempDir
    Path dir;

    @Test
    void newHopeCreekTopologyMatchesTheDataReadme() {
        NhdPlusImport.Network net = NhdPlusImport.read(SharedData.nhdPlusFlowlines()).orThrow();
        FlowNetworkSummary s = net.summary();
        assertEquals(746, s.reaches());
        assertEquals(1, s.outlets());
        assertEquals(144, s.headwaters());
        assertEquals(144, s.startFlags(), "topological headwaters agree with StartFlag");
        assertEquals(84, s.minorDivergences());
        assertEquals(83, s.divergenceNodes(), "one split node feeds two minor paths");
        // The README says TerminalFl = 1 on one reach, but this clip of the basin flags none: its outlet
        // (the New Hope River reach) continues into Jordan Lake outside the file. Topology is what counts.
        assertEquals(0, s.terminalFlags());
        Channel outlet = net.channels().channels().stream()
                .filter(c -> net.channels().channels().stream().noneMatch(d -> d.fromNode().equals(c.toNode())))
                .findFirst().orElseThrow();
        assertEquals("8897784", outlet.id());
        assertEquals("New Hope River", outlet.name());
        Channel first = net.channels().channels().get(0);
        assertEquals("8893864", first.id());
        assertEquals("250031721", first.fromNode());
        assertEquals(3245.0, first.lengthM());
        assertEquals(4L, first.attributes().get("StreamOrde"));
    }

    @Test
    void newHopeCreekRoundTripsAsAChannelLayer() throws Exception {
        ChannelLayer layer = NhdPlusImport.read(SharedData.nhdPlusFlowlines()).orThrow().channels();
        Path file = dir.resolve("newhope.geojson");
        layer.write(file);
        assertEquals(layer, ChannelLayer.read(file).orThrow());
    }

    @Test
    void aReachDigitizedAgainstTheFlowIsAnError() {
        FeatureCollection fc = GeoJsonReader.read(SharedData.nhdPlusFlowlines(),
                GeometryRule.of("NHDPlus flowline", GeometryType.MULTI_LINE_STRING)).orThrow();
        List<Feature> features = new ArrayList<>(fc.features());
        Feature f = features.get(0);
        List<Position> reversed = new ArrayList<>(((Geometry.MultiLineString) f.geometry()).lines().get(0).points());
        java.util.Collections.reverse(reversed);
        features.set(0, new Feature(f.id(), new Geometry.LineString(reversed), f.properties()));
        ImportResult<NhdPlusImport.Network> r = NhdPlusImport.fromFeatures("nhd", new FeatureCollection(features));
        assertFalse(r.isOk());
        assertTrue(r.errorReport().contains("digitized against the flow"), r.errorReport());
    }
}
