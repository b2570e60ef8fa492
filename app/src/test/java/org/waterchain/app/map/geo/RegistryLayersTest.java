package org.waterchain.app.map.geo;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.registry.StationKind;

class RegistryLayersTest {
    private static final Address OPERATOR = Address.fromHash(new byte[20]);

    @Test
    void registryEntriesBecomeLayersLaterRegistrationWins() {
        List<RegistryAction> actions = List.of(
                new RegistryAction.RegisterStation("R04", "R04", StationKind.REGULAR, new GeoPoint(121.20, 24.90), OPERATOR),
                new RegistryAction.RegisterStation("M02", "M02", StationKind.HEAVY_METAL, new GeoPoint(121.30, 24.95), OPERATOR),
                new RegistryAction.RegisterFactory("F1", "Plating", "electroplating", new GeoPoint(121.21, 24.91),
                        List.of("CU"), 50, "N1", OPERATOR),
                new RegistryAction.AddChannel("C1", "San-Kuai-Tsuo", "N1", "N2", 3838,
                        List.of(new GeoPoint(121.2, 24.9), new GeoPoint(121.3, 24.95))),
                new RegistryAction.AddChannel("C2", "unsurveyed", "N2", "N3", 100, List.of()),
                new RegistryAction.RegisterStation("R04", "R04 moved", StationKind.REGULAR, new GeoPoint(121.22, 24.92), OPERATOR));
        RegistryLayers layers = RegistryLayers.from(actions);
        assertEquals(List.of("R04", "M02"), layers.stations().stations().stream().map(Station::id).toList());
        Station r04 = layers.stations().stations().get(0);
        assertEquals("R04 moved", r04.name());
        assertEquals(new Position(121.22, 24.92), r04.location());
        Factory f1 = layers.factories().factories().get(0);
        assertEquals(List.of("CU"), f1.pollutants());
        assertEquals("N1", f1.dischargeNode());
        Channel c1 = layers.channels().channels().get(0);
        assertEquals(new Position(121.3, 24.95), c1.geometry().end());
        assertEquals(1, layers.channels().channels().size());
        assertEquals(List.of("C2"), layers.undrawnChannels());
        // What the registry shows can be exported and read back unchanged.
        assertEquals(layers.factories(), FactoryLayer.fromFeatures("x", layers.factories().toFeatures()).orThrow());
    }
}
