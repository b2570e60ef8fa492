package org.waterchain.app.map.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.shape.Circle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import org.waterchain.app.map.geo.BoundingBox;
import org.waterchain.app.map.geo.Channel;
import org.waterchain.app.map.geo.ChannelLayer;
import org.waterchain.app.map.geo.DemoLayers;
import org.waterchain.app.map.geo.Geometry;
import org.waterchain.app.map.geo.LayerKind;
import org.waterchain.app.map.geo.Position;
import org.waterchain.app.map.geo.Properties;
import org.waterchain.app.map.geo.Station;
import org.waterchain.app.map.geo.StationLayer;
import org.waterchain.ledger.registry.StationKind;

/** The vector layer's culling, node reuse, shared pulse and picking, on the FX thread without a window. */
@ExtendWith(ApplicationExtension.class)
class FeatureLayerFxTest {
    static final BoundingBox AREA = new BoundingBox(121.1, 24.8, 121.4, 25.1);

    static StationLayer stations(int n, long seed) {
        Random rnd = new Random(seed);
        List<Station> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Station("S" + i, "", StationKind.REGULAR, new Geometry.Point(
                    AREA.minLon() + rnd.nextDouble() * AREA.width(), AREA.minLat() + rnd.nextDouble() * AREA.height()), Properties.EMPTY));
        }
        return new StationLayer(out);
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    /** Where a station's circle is on screen: its centre plus its layer group's pan offset. */
    static double[] drawnAt(FeatureLayer layer, Circle c) {
        Node group = c.getParent();
        return new double[] {c.getCenterX() + group.getTranslateX(), c.getCenterY() + group.getTranslateY()};
    }

    @Test
    void onlyWhatIsInViewGetsNodesAndAPanReusesThem() throws Exception {
        StationLayer data = stations(10_000, 1);
        PreparedLayer p = PreparedLayer.of(new VectorLayer("s", "S", VectorLayer.Origin.IMPORTED, data));
        fx(() -> {
            FeatureLayer layer = new FeatureLayer();
            layer.put(p);
            Viewport v = Viewport.centred(24.95, 121.25, 15, 1200, 800);
            assertTrue(layer.layout(v));
            BoundingBox area = v.area(FeatureLayer.MARGIN_PX);
            long expected = data.stations().stream().filter(s -> area.contains(s.location().lon(), s.location().lat())).count();
            assertEquals(expected, layer.nodeCounts()[1], "in view, with the margin");
            assertEquals(expected, layer.nodeCounts()[0], "nodes only for them");
            assertTrue(expected < 500, "a z15 view of a 30 km square shows a small part: " + expected);

            int i = data.stations().indexOf(data.stations().stream()
                    .filter(s -> Math.abs(s.location().lon() - 121.25) < 0.005 && Math.abs(s.location().lat() - 24.95) < 0.005)
                    .findFirst().orElseThrow());
            Station s = data.stations().get(i);
            Circle before = (Circle) layer.screenPoint("s", s.id()).map(x -> lookup(layer, "map-s-" + s.id())).orElseThrow();
            double[] at = drawnAt(layer, before);
            assertEquals(v.screenX(s.location().lon()), at[0], 1e-6);
            assertEquals(v.screenY(s.location().lat()), at[1], 1e-6);

            Viewport panned = new Viewport(v.zoom(), v.originX() - 150, v.originY() + 90, v.width(), v.height());
            layer.layout(panned);
            assertSame(before, lookup(layer, "map-s-" + s.id()), "the same node, moved with its group");
            at = drawnAt(layer, before);
            assertEquals(panned.screenX(s.location().lon()), at[0], 1e-6);
            assertEquals(panned.screenY(s.location().lat()), at[1], 1e-6);

            Viewport zoomed = Viewport.centred(24.95, 121.25, 13, 1200, 800);
            layer.layout(zoomed);
            assertSame(before, lookup(layer, "map-s-" + s.id()), "zooming reuses nodes too");
            at = drawnAt(layer, before);
            assertEquals(zoomed.screenX(s.location().lon()), at[0], 1e-6);
            assertEquals(zoomed.screenY(s.location().lat()), at[1], 1e-6);
            assertTrue(layer.nodeCounts()[1] > expected, "more is in view at z13");
            return null;
        });
    }

    private static Node lookup(FeatureLayer layer, String id) {
        return layer.lookup("#" + id);
    }

    @Test
    void aLayoutForTheSameViewDoesNothing() throws Exception {
        fx(() -> {
            FeatureLayer layer = new FeatureLayer();
            layer.put(PreparedLayer.of(new VectorLayer("s", "S", VectorLayer.Origin.IMPORTED, stations(100, 2))));
            Viewport v = Viewport.centred(24.95, 121.25, 12, 800, 600);
            assertTrue(layer.layout(v));
            assertFalse(layer.layout(v), "Gluon lays out on every pass: the same view costs nothing");
            layer.setVisible("s", false);
            assertTrue(layer.layout(v), "a switched layer is laid out again");
            assertFalse(layer.layout(new Viewport(12, 0, 0, 0, 0)), "nothing to do before the view has a size");
            return null;
        });
    }

    @Test
    void oneSharedPulseRunsOnlyWhileAStationFlashes() throws Exception {
        fx(() -> {
            FeatureLayer layer = new FeatureLayer();
            layer.put(PreparedLayer.of(new VectorLayer("a", "A", VectorLayer.Origin.REGISTRY, stations(50, 3))));
            layer.put(PreparedLayer.of(new VectorLayer("b", "B", VectorLayer.Origin.IMPORTED, stations(50, 4))));
            layer.layout(Viewport.centred(24.95, 121.25, 10, 800, 600));
            assertFalse(layer.isFlashing());
            layer.setAlarmed(Set.of("S3", "S7"));
            assertTrue(layer.isFlashing());
            Circle r3 = (Circle) layer.lookup("#map-alarm-S3");
            Circle r7b = (Circle) layer.lookup("#map-alarm-b-S7");
            assertNotNull(r3);
            assertNotNull(r7b, "a station id flashes in every layer that draws it");
            assertTrue(r3.scaleXProperty().isBound() && r7b.scaleXProperty().isBound());
            assertEquals(r3.getScaleX(), r7b.getScaleX(), 0, "one animation drives every ring");
            layer.setAlarmed(Set.of());
            assertFalse(layer.isFlashing());
            assertEquals(null, layer.lookup("#map-alarm-S3"));
            return null;
        });
    }

    @Test
    void aReplacedLayerKeepsItsPlaceAndSwitch() throws Exception {
        fx(() -> {
            FeatureLayer layer = new FeatureLayer();
            layer.put(PreparedLayer.of(new VectorLayer("a", "A", VectorLayer.Origin.REGISTRY, stations(5, 5))));
            layer.put(PreparedLayer.of(new VectorLayer("b", "B", VectorLayer.Origin.REGISTRY, stations(5, 6))));
            layer.setVisible("a", false);
            layer.put(PreparedLayer.of(new VectorLayer("a", "A", VectorLayer.Origin.REGISTRY, stations(6, 7))));
            assertEquals(List.of("a", "b"), layer.layers().stream().map(x -> x.layer().id()).toList());
            assertFalse(layer.isVisible("a"));
            assertEquals(6, layer.layer("a").orElseThrow().size());
            return null;
        });
    }

    @Test
    void aClickPicksAPointOverALineOverAUnit() throws Exception {
        fx(() -> {
            FeatureLayer layer = new FeatureLayer();
            layer.put(PreparedLayer.of(new VectorLayer("units", "U", VectorLayer.Origin.DEMO, DemoLayers.irrigationUnits())));
            Channel c = new Channel("C5", "", "R10", "M02", 2000, new Geometry.LineString(List.of(
                    new Position(121.1960, 24.9380), new Position(121.1820, 24.9530))), Properties.EMPTY);
            layer.put(PreparedLayer.of(new VectorLayer("channels", "C", VectorLayer.Origin.REGISTRY, new ChannelLayer(List.of(c)))));
            layer.put(PreparedLayer.of(new VectorLayer("stations", "S", VectorLayer.Origin.REGISTRY, new StationLayer(List.of(
                    new Station("R10", "", StationKind.REGULAR, new Geometry.Point(121.1960, 24.9380), Properties.EMPTY))))));
            Viewport v = Viewport.centred(24.945, 121.19, 14, 1200, 800);
            layer.layout(v);
            // on the station's marker, which also lies on the channel's start
            assertEquals(Optional.of(new Selection("stations", LayerKind.STATIONS, "R10")),
                    layer.hit(v.screenX(121.1960) + 4, v.screenY(24.9380)));
            // on the channel, away from the station
            assertEquals(Optional.of(new Selection("channels", LayerKind.CHANNELS, "C5")),
                    layer.hit(v.screenX(121.1890) + 2, v.screenY(24.9455)));
            // inside a unit beside it
            Position inside = FeatureLayer.representative(DemoLayers.irrigationUnits().units().get(8).geometry());
            assertEquals(Optional.of(new Selection("units", LayerKind.IRRIGATION_UNITS, "IU-3-09")),
                    layer.hit(v.screenX(inside.lon()), v.screenY(inside.lat())));
            layer.setVisible("units", false);
            assertEquals(Optional.empty(), layer.hit(v.screenX(inside.lon()), v.screenY(inside.lat())), "hidden layers are not picked");
            assertEquals(Optional.empty(), layer.hit(5, 5));
            return null;
        });
    }

    @Test
    void unitStatesRepaintTheUnitsThatHaveNodes() throws Exception {
        fx(() -> {
            FeatureLayer layer = new FeatureLayer();
            layer.put(PreparedLayer.of(new VectorLayer("units", "U", VectorLayer.Origin.DEMO, DemoLayers.irrigationUnits())));
            layer.layout(Viewport.centred(24.93, 121.21, 13, 1200, 800));
            layer.setUnitStates(Map.of("IU-3-09", org.waterchain.app.map.geo.UnitState.POLLUTED));
            javafx.scene.shape.Path p = (javafx.scene.shape.Path) layer.lookup("#map-unit-IU-3-09");
            assertEquals(UnitDrawing.fill(org.waterchain.app.map.geo.UnitState.POLLUTED), p.getFill());
            javafx.scene.shape.Path other = (javafx.scene.shape.Path) layer.lookup("#map-unit-IU-3-01");
            assertEquals(UnitDrawing.fill(org.waterchain.app.map.geo.UnitState.NORMAL), other.getFill());
            return null;
        });
    }
}
