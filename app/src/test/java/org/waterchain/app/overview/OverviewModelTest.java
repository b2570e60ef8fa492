package org.waterchain.app.overview;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waterchain.app.session.LiveRecord;
import org.waterchain.app.session.RegistryView;
import org.waterchain.app.standards.ComplianceClass;
import org.waterchain.app.standards.Standards;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.StatusFlags;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;
import org.waterchain.ledger.registry.StationKind;

/** The overview's tiles from records and the registry, without the FX toolkit. */
class OverviewModelTest {
    static final long MIN = 60_000;
    static final KeyPair OPERATOR = KeyPair.generate();

    final RegistryView registry = new RegistryView(
            Map.of("R04", station("R04"), "R06", station("R06"), "R09", station("R09")),
            Map.of("R04-A", new RegisterDevice("R04-A", "R04", KeyPair.generate().publicKey(), false, "node"),
                    "R06-G", new RegisterDevice("R06-G", "R06", KeyPair.generate().publicKey(), true, "modbus")),
            Map.of(), List.of(), Standards.of(List.of(new SetStandard("EC", Double.NaN, 750, 0.8))));

    @Test
    void tilesClassEachValueAndTheStationByItsWorst() {
        OverviewModel m = new OverviewModel(15 * MIN);
        m.accept(List.of(record("R04", "R04-A", 100 * MIN, 0, 812.0, 7.2)));
        StationTile t = tile(m.tiles(registry, 101 * MIN), "R04");
        assertEquals(ComplianceClass.RED, t.compliance());
        assertEquals(ComplianceClass.RED, t.values().get(0).compliance());
        assertEquals("EC", t.values().get(0).symbol());
        assertEquals(ComplianceClass.NONE, t.values().get(1).compliance(), "pH has no standard in this registry");
        assertEquals(DeviceHealth.SIGNED, t.health());
        assertEquals(MIN, t.ageMs());
    }

    @Test
    void healthSaysGatewayStaleWaitingAndUnregistered() {
        OverviewModel m = new OverviewModel(15 * MIN);
        m.accept(List.of(record("R06", "R06-G", 0, StatusFlags.GATEWAY_SIGNED, 400, 7)));
        assertEquals(DeviceHealth.GATEWAY, tile(m.tiles(registry, 10 * MIN), "R06").health());
        assertEquals(DeviceHealth.STALE, tile(m.tiles(registry, 31 * MIN), "R06").health(), "older than two intervals");
        assertEquals(DeviceHealth.UNREGISTERED, tile(m.tiles(registry, 0), "R09").health(), "no device at R09");
        assertEquals(DeviceHealth.WAITING, tile(m.tiles(registry, 0), "R04").health(), "registered, nothing yet");
        m.accept(List.of(record("R09", "R09-X", 0, 0, 400, 7)));
        assertEquals(DeviceHealth.UNREGISTERED, tile(m.tiles(registry, 0), "R09").health(), "a record of an unknown device");
    }

    @Test
    void aLateBatchSampleNeverHidesANewerOne() {
        OverviewModel m = new OverviewModel(15 * MIN);
        m.accept(List.of(record("R04", "R04-A", 50 * MIN, 0, 500, 7)));
        m.accept(List.of(record("R04", "R04-A", 20 * MIN, 0, 900, 7)));
        assertEquals(500, tile(m.tiles(registry, 50 * MIN), "R04").values().get(0).value());
    }

    private static StationTile tile(List<StationTile> tiles, String id) {
        return tiles.stream().filter(t -> t.stationId().equals(id)).findFirst().orElseThrow();
    }

    private static LiveRecord record(String station, String device, long t, int flags, double ec, double ph) {
        return new LiveRecord(station, device, 1, t, t, flags, List.of(new Reading(Quantity.EC, ec), new Reading(Quantity.PH, ph)), 1,
                new byte[32]);
    }

    private static RegisterStation station(String id) {
        return new RegisterStation(id, "Station " + id, StationKind.REGULAR, new GeoPoint(121.2, 24.9), OPERATOR.address());
    }
}
