package org.waterchain.app.map.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.waterchain.app.alarm.AlarmSnapshot;
import org.waterchain.app.alarm.AlarmState;
import org.waterchain.app.map.geo.Channel;
import org.waterchain.app.map.geo.ChannelLayer;
import org.waterchain.app.map.geo.DemoLayers;
import org.waterchain.app.map.geo.Factory;
import org.waterchain.app.map.geo.FactoryLayer;
import org.waterchain.app.map.geo.Geometry;
import org.waterchain.app.map.geo.IrrigationUnit;
import org.waterchain.app.map.geo.Position;
import org.waterchain.app.map.geo.Properties;
import org.waterchain.app.map.geo.Station;
import org.waterchain.app.map.geo.StationLayer;
import org.waterchain.app.map.geo.UnitState;
import org.waterchain.app.session.LiveRecord;
import org.waterchain.app.session.RegistryView;
import org.waterchain.app.standards.ComplianceClass;
import org.waterchain.app.standards.Standards;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;
import org.waterchain.ledger.registry.StationKind;

/** The details panel's rows and the map's states, without the FX toolkit. */
class MapModelTest {
    static final RegistryView REGISTRY = new RegistryView(
            Map.of("R04", new RegisterStation("R04", "Branch 3 head gate", StationKind.REGULAR, new GeoPoint(121.241, 24.905),
                    KeyPair.generate().address())),
            Map.of(), Map.of(), List.of(), Standards.of(List.of(new SetStandard("EC", Double.NaN, 750, 0.8))));

    final MapModel model = new MapModel(REGISTRY, () -> 1_000_000);

    static Station station(String id) {
        return new Station(id, "", StationKind.REGULAR, new Geometry.Point(121.241, 24.905), Properties.EMPTY);
    }

    static VectorLayer stations(Station... s) {
        return new VectorLayer("stations", "Stations", VectorLayer.Origin.REGISTRY, new StationLayer(List.of(s)));
    }

    @Test
    void aStationShowsItsLatestValuesClassAndOpenAlarms() {
        model.accept(List.of(new LiveRecord("R04", "R04-A", 1, 999_000, 999_000, 0, List.of(new Reading(Quantity.EC, 812)), 1, new byte[32])));
        model.setAlarms(AlarmPins.of(new AlarmSnapshot(List.of(AlarmPinsTest.process("R04", "EC high", AlarmState.UNACK)), 0, 1),
                d -> Optional.empty()));
        MapModel.Details d = model.details(stations(station("R04")), station("R04"));
        assertEquals("Station R04", d.title());
        assertEquals(Optional.of("red"), d.value("class"));
        assertTrue(d.value("EC").orElseThrow().startsWith("812 µS/cm"), d.rows().toString());
        assertEquals(Optional.of("EC high — unacknowledged"), d.value("alarm"));
        assertEquals(ComplianceClass.RED, model.stationClass("R04"));
        assertEquals(Map.of("R04", ComplianceClass.RED), model.stationClasses());
    }

    @Test
    void aStationOfAnImportedLayerThatTheLedgerDoesNotKnowSaysSo() {
        VectorLayer survey = new VectorLayer("layer-1", "survey", VectorLayer.Origin.IMPORTED, new StationLayer(List.of(station("X9"))));
        MapModel.Details d = model.details(survey, station("X9"));
        assertEquals(Optional.of("not registered on this ledger"), d.value("latest"));
        assertEquals(Optional.of("survey"), d.value("layer"));
        assertEquals(Optional.of("no record yet"), model.details(stations(station("R04")), station("R04")).value("latest"));
    }

    @Test
    void aFactoryShowsItsIndustryPermittedDischargeAndPollutantProfile() {
        Factory f = new Factory("F-PCB-01", "Dayuan circuit boards", "PCB manufacturing", new Geometry.Point(121.199, 24.935),
                List.of("CU", "NI"), 800, "R10", Properties.EMPTY);
        MapModel.Details d = model.details(new VectorLayer("factories", "Factories", VectorLayer.Origin.REGISTRY, new FactoryLayer(List.of(f))), f);
        assertEquals("Factory F-PCB-01", d.title());
        assertEquals(Optional.of("PCB manufacturing"), d.value("industry"));
        assertEquals(Optional.of("800 m³/day"), d.value("permitted discharge"));
        assertEquals(Optional.of("CU, NI"), d.value("pollutants"));
        assertEquals(Optional.of("R10"), d.value("outfall"));
        assertEquals(Optional.of("point"), d.value("drawn as"));
    }

    @Test
    void anIrrigationUnitShowsItsSupplyAndTracedState() {
        IrrigationUnit u = DemoLayers.irrigationUnits().units().get(8);
        VectorLayer units = new VectorLayer("units", "Irrigation units (demo)", VectorLayer.Origin.DEMO, DemoLayers.irrigationUnits());
        assertEquals(Optional.of("normal"), model.details(units, u).value("state"));
        model.setUnitStates(Map.of(u.id(), UnitState.POLLUTED));
        MapModel.Details d = model.details(units, u);
        assertEquals("Irrigation unit " + u.id(), d.title());
        assertEquals(Optional.of("polluted water"), d.value("state"));
        assertEquals(Optional.of(u.supplyNode()), d.value("supplied from"));
        assertEquals(Optional.of(String.format(java.util.Locale.ROOT, "%.1f ha", u.areaHa())), d.value("area"));
        assertEquals(Optional.of("C5"), d.value("channel"), "other attributes follow");
        model.setUnitStates(Map.of());
        assertEquals(UnitState.NORMAL, model.unitState(u.id()), "units not named are back to normal");
    }

    @Test
    void aChannelShowsItsEndsAndLengthAndAtMostTwelveAttributes() {
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            attrs.put("a" + i, (long) i);
        }
        Channel c = new Channel("8897784", "New Hope River", "1", "2", 3838, new Geometry.LineString(List.of(
                new Position(-78.9, 35.8), new Position(-78.91, 35.81))), new Properties(attrs));
        MapModel.Details d = model.details(new VectorLayer("layer-2", "nhd", VectorLayer.Origin.IMPORTED, new ChannelLayer(List.of(c))), c);
        assertEquals(Optional.of("3.84 km"), d.value("length"));
        assertEquals(Optional.of("1"), d.value("from"));
        assertEquals(Optional.of("a11"), d.rows().stream().map(MapModel.Row::label).filter(l -> l.equals("a11")).findFirst());
        assertEquals(Optional.of("8 more attributes (see an export)"), d.value("…"));
    }
}
