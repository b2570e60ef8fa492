package org.waterchain.app.map.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waterchain.app.map.geo.Geometry;
import org.waterchain.app.map.geo.LayerKind;
import org.waterchain.app.map.geo.Properties;
import org.waterchain.app.map.geo.Station;
import org.waterchain.app.map.geo.StationLayer;
import org.waterchain.app.map.geo.DemoLayers;
import org.waterchain.ledger.registry.StationKind;

class MapSearchTest {
    static Station station(String id, String name) {
        return new Station(id, name, StationKind.REGULAR, new Geometry.Point(121.2, 24.9), Properties.EMPTY);
    }

    final MapSearch search = new MapSearch(List.of(
            new VectorLayer("stations", "Stations", VectorLayer.Origin.REGISTRY, new StationLayer(List.of(
                    station("R06", "Dapu bridge"), station("R07", "Pond 12 inlet"), station("R10", "Industrial park culvert"),
                    station("M02", "San-Kuai-Tsuo heavy-metal station")))),
            new VectorLayer("units", "Irrigation units (demo)", VectorLayer.Origin.DEMO, DemoLayers.irrigationUnits()),
            new VectorLayer("layer-1", "survey", VectorLayer.Origin.IMPORTED, new StationLayer(List.of(station("R06", "Dapu bridge (survey)"))))));

    @Test
    void anExactIdComesFirstThenTheSameIdInLaterLayers() {
        List<MapSearch.Result> r = search.find("r06", 10);
        assertEquals(new Selection("stations", LayerKind.STATIONS, "R06"), r.get(0).selection());
        assertEquals(new Selection("layer-1", LayerKind.STATIONS, "R06"), r.get(1).selection());
        assertEquals("R06  Dapu bridge — station, Stations", r.get(0).label());
    }

    @Test
    void namesMatchByTheStartOfAWordCaseInsensitively() {
        List<MapSearch.Result> r = search.find("POND", 10);
        assertEquals("R07", r.get(0).selection().featureId(), "Pond 12 inlet");
        assertTrue(r.stream().anyMatch(x -> x.selection().kind() == LayerKind.IRRIGATION_UNITS), "the Pond 12 units too");
        assertEquals(2, r.get(0).rank());
        assertEquals("M02", search.find("heavy", 10).get(0).selection().featureId(), "after a hyphen as after a space");
    }

    @Test
    void idPrefixesBeatNameWordsWhichBeatInnerMatches() {
        List<MapSearch.Result> r = search.find("r1", 10);
        assertEquals("R10", r.get(0).selection().featureId());
        assertEquals(1, r.get(0).rank());
        List<MapSearch.Result> inner = search.find("ulver", 10);
        assertEquals("R10", inner.get(0).selection().featureId());
        assertEquals(4, inner.get(0).rank(), "inside a word of the name");
        assertEquals("IU-3-01", search.find("3-01", 10).get(0).selection().featureId(), "inside an id");
    }

    @Test
    void blankQueriesFindNothingAndTheLimitHolds() {
        assertEquals(List.of(), search.find("   ", 10));
        assertEquals(List.of(), search.find("zzz", 10));
        assertEquals(3, search.find("iu-3", 3).size());
    }
}
