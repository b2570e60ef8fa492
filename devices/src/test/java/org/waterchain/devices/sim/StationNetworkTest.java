package org.waterchain.devices.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;
import org.waterchain.ledger.registry.RegistryAction.RetireDevice;
import org.waterchain.ledger.registry.StationKind;

class StationNetworkTest {

    @Test
    void demoDistrictHasTheSeedPapersStationsDevicesAndTopology() {
        StationNetwork n = StationNetwork.demo();
        assertEquals(List.of("R04", "R06", "R07", "R09", "R10", "R12", "M02"),
                n.stations().stream().map(StationSpec::id).toList());
        for (StationSpec s : n.stations()) {
            assertEquals(s.id() + "-A", s.deviceId());
        }
        StationSpec m02 = n.station("M02").orElseThrow();
        assertEquals(StationKind.HEAVY_METAL, m02.kind());
        assertEquals(StationSpec.HEAVY_METAL_QUANTITIES, m02.quantities());
        assertEquals(NetworkDefaults.DEMO.heavyMetalIntervalMs(), m02.intervalMs());
        assertEquals(StationSpec.REGULAR_QUANTITIES, n.station("R04").orElseThrow().quantities());

        // R04 -> R06 -> R07 -> J1 -> {R10, R12}; R09 -> R12; R10, R12 -> M02 -> OUT
        assertEquals(List.of("R06", "R07", "J1", "R10", "R12", "M02", "OUT"), order(n, n.downstreamNodes("R04")));
        assertEquals(List.of("R12", "M02", "OUT"), order(n, n.downstreamNodes("R09")));
        assertEquals(2, n.downstreamChannels("J1").size());
        assertEquals(2, n.upstreamChannels("M02").size());
        List<String> topo = n.topologicalOrder();
        assertTrue(topo.indexOf("R04") < topo.indexOf("R06"));
        assertTrue(topo.indexOf("R12") < topo.indexOf("M02"));
        assertTrue(topo.indexOf("R09") < topo.indexOf("R12"));

        assertEquals("R10", n.factory("F-PCB-01").orElseThrow().dischargeNode());
        assertEquals(List.of("CU", "NI"), n.factory("F-PCB-01").orElseThrow().pollutants());
        assertEquals(4, n.factories().size());
        ChannelEdge c = n.downstreamChannels("R04").get(0);
        assertEquals("R06", c.toNode());
        assertTrue(c.lengthM() > 1000 && c.lengthM() < 3000, "R04-R06 is about 2 km: " + c.lengthM());
        assertEquals(NetworkDefaults.DEMO.channelVelocityMps(), c.velocityMps());
    }

    private static List<String> order(StationNetwork n, List<String> nodes) {
        return n.topologicalOrder().stream().filter(nodes::contains).toList();
    }

    @Test
    void aCycleIsRejectedNamingItsNodes() {
        List<StationSpec> st = List.of(StationSpec.of("A", StationKind.REGULAR, "A-1", 60_000),
                StationSpec.of("B", StationKind.REGULAR, "B-1", 60_000));
        List<ChannelEdge> ch = List.of(new ChannelEdge("c1", "A", "B", 100, 0.5), new ChannelEdge("c2", "B", "X", 100, 0.5),
                new ChannelEdge("c3", "X", "A", 100, 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StationNetwork(st, ch, List.of()));
        assertTrue(e.getMessage().contains("cycle") && e.getMessage().contains("X"), e.getMessage());
    }

    @Test
    void inconsistentDescriptionsAreRejectedWithClearMessages() {
        StationSpec a = StationSpec.of("A", StationKind.REGULAR, "dev", 60_000);
        StationSpec b = StationSpec.of("B", StationKind.REGULAR, "dev", 60_000);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new StationNetwork(List.of(a, b), List.of(), List.of()))
                .getMessage().contains("device dev reports for two stations"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new StationNetwork(List.of(a), List.of(),
                List.of(new FactoryOutlet("F", "x", "nowhere", List.of("CU"))))).getMessage().contains("nowhere"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ChannelEdge("c", "A", "B", 100, 0))
                .getMessage().contains("velocity"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StationNetwork.demo().downstreamNodes("R99"))
                .getMessage().contains("R99"));
    }

    @Test
    void registryImportFollowsDeviceReplacementAndRetirement() {
        Address op = Address.of(KeyPair.generate().publicKey());
        byte[] key = KeyPair.generate().publicKey();
        List<RegistryAction> actions = List.of(
                new RegisterStation("S1", "one", StationKind.REGULAR, new GeoPoint(121, 25), op),
                new RegisterStation("S2", "two", StationKind.FLOW, new GeoPoint(121, 25), op),
                new RegisterStation("S3", "three", StationKind.REGULAR, new GeoPoint(121, 25), op),
                new RegisterDevice("S1-A", "S1", key, false, "m"),
                new RegisterDevice("S1-B", "S1", key, false, "m"),
                new RegisterDevice("S2-A", "S2", key, false, "m"),
                new RegisterDevice("S3-A", "S3", key, false, "m"),
                new RetireDevice("S3-A"),
                new AddChannel("c1", "c", "S1", "S2", 500, List.of(new GeoPoint(121, 25), new GeoPoint(121, 25))),
                new AddChannel("c2", "c", "S3", "S2", 700, List.of(new GeoPoint(121, 25), new GeoPoint(121, 25))));
        StationNetwork n = StationNetwork.fromRegistry(actions, NetworkDefaults.DEMO);
        assertEquals("S1-B", n.station("S1").orElseThrow().deviceId());
        assertEquals(StationSpec.FLOW_QUANTITIES, n.station("S2").orElseThrow().quantities());
        assertFalse(n.station("S3").isPresent(), "a station whose device was retired produces no samples");
        assertTrue(n.hasNode("S3"), "but it stays a node of the network");
        assertEquals(List.of("S2"), n.downstreamNodes("S3"));
    }

    @Test
    void generatedNetworksAreAcyclicDeterministicAndOfTheRequestedSize() {
        NetworkGenerator.Spec spec = NetworkGenerator.Spec.tree(500, 10, 42).withBraids(0.1).withHeavyMetalShare(0.05);
        StationNetwork a = NetworkGenerator.generate(spec);
        StationNetwork b = NetworkGenerator.generate(spec);
        assertEquals(500, a.stations().size());
        assertEquals(a.channels(), b.channels());
        assertEquals(a.stations(), b.stations());
        assertTrue(a.channels().size() > 500, "braids add second outlets");
        assertEquals(a.nodeIds().size(), a.topologicalOrder().size());
        long regular = a.stations().stream().filter(s -> s.kind() == StationKind.REGULAR).count();
        assertTrue(a.stations().stream().filter(s -> s.kind() == StationKind.REGULAR)
                .allMatch(s -> s.quantities().equals(NetworkGenerator.TEN_QUANTITIES)));
        assertTrue(regular > 400 && regular < 500, "about 5% heavy-metal stations: " + (500 - regular));
        // Every station drains to the outlet.
        assertTrue(a.stations().stream().allMatch(s -> a.downstreamNodes(s.id()).contains("OUT")));
    }
}
