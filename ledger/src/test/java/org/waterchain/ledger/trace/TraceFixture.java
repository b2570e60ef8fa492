package org.waterchain.ledger.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.chain.MerkleTree;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance.Genesis;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.NodeConfig;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.AddMember;
import org.waterchain.ledger.registry.RegistryAction.GrantLicence;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;
import org.waterchain.ledger.registry.Role;
import org.waterchain.ledger.registry.StationKind;
import org.waterchain.ledger.testkit.TestLedger;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.ValueEntry;

/** Networks, Cu records and nodes for the tracing tests. */
final class TraceFixture {
    static final long HOUR = PollutionContract.TIME_POINT_MS;
    /** The time point traced in the tests: 05:00 on the test ledgers' genesis day. */
    static final long T = TestLedger.T0 + 5 * HOUR;
    static final double CU_MAX = 0.2;

    /** Cu values like the seed paper's exceedances at M02, one per polluted station of the Taoyuan-like network. */
    static final Map<String, Double> TAOYUAN_CU = Map.of("M02", 0.358, "R10", 0.595, "R12", 0.482, "R07", 0.429,
            "R06", 0.299, "R04", 0.271);

    /** The seed paper's Figure 5 network: A -> B -> C -> D -> OUT and E -> F -> D. */
    static final List<String> FIGURE5_STATIONS = List.of("A", "B", "C", "D", "E", "F");
    static final List<String> FIGURE5_CHANNELS = List.of("C1 A>B", "C2 B>C", "C3 C>D", "C4 D>OUT", "C5 E>F", "C6 F>D");

    private TraceFixture() {}

    /**
     * A genesis of the given network: the validator regulates, validates and holds the POLLUTION:* licence, each
     * station has one device "<id>-A", and the Cu standard is a maximum of 0.2 mg/L. Channels are "id from>to".
     */
    static Genesis network(KeyPair validator, List<String> stations, List<String> channels) {
        KeyPair plant = KeyPair.generate();
        List<RegistryAction> actions = new ArrayList<>();
        actions.add(new AddMember(validator.publicKey(), "Regulator", Role.bits(EnumSet.of(Role.REGULATOR, Role.VALIDATOR))));
        actions.add(new AddMember(plant.publicKey(), "Plant", Role.bits(EnumSet.of(Role.PLANT))));
        Map<String, KeyPair> devices = new LinkedHashMap<>();
        for (String s : stations) {
            actions.add(new RegisterStation(s, "Station " + s, StationKind.HEAVY_METAL, new GeoPoint(121.2, 24.9), plant.address()));
            KeyPair dk = KeyPair.generate();
            devices.put(s + "-A", dk);
            actions.add(new RegisterDevice(s + "-A", s, dk.publicKey(), false, "test analyser"));
        }
        for (String c : channels) {
            String[] idFromTo = c.split("[ >]");
            actions.add(new AddChannel(idFromTo[0], "channel " + idFromTo[0], idFromTo[1], idFromTo[2], 100,
                    List.of(new GeoPoint(121.2, 24.9), new GeoPoint(121.21, 24.91))));
        }
        actions.add(new SetStandard("CU", Double.NaN, CU_MAX, 0.75));
        actions.add(new GrantLicence(Asset.POLLUTION_ANY, validator.address()));
        List<byte[]> entries = new ArrayList<>();
        long nonce = 0;
        for (RegistryAction a : actions) {
            entries.add(ValueEntry.signed(a, nonce++, validator).encode());
        }
        Block value = Block.seal(ChainId.VALUE, 0, new byte[32], TestLedger.T0, entries, validator);
        Block data = Block.seal(ChainId.DATA, 0, MerkleTree.EMPTY_ROOT, TestLedger.T0, List.of(), validator);
        return new Genesis(List.of(value, data), devices, Map.of("plant", plant));
    }

    /** Signs records of Cu readings as the stations' devices, numbering each device's records from 1. */
    static final class Records {
        private final Map<String, KeyPair> deviceKeys;
        private final Map<String, Long> seq = new HashMap<>();

        Records(Genesis g) {
            this.deviceKeys = g.deviceKeys();
        }

        /** A record of one Cu reading of the station's device "<station>-A" at a device time. */
        RecordEntry cu(String station, long timeMs, double value) {
            return cu(station, timeMs, new Reading(Quantity.CU, value));
        }

        RecordEntry cu(String station, long timeMs, Reading reading) {
            String device = station + "-A";
            long n = seq.merge(device, 1L, Long::sum);
            SensorRecord r = new SensorRecord(device, n, timeMs, 0, List.of(reading));
            return new RecordEntry(r.sign(deviceKeys.get(device)), timeMs + 1_000);
        }

        /** One record per station at {@code timeMs}: the polluted ones with their value, the others clean (0.05). */
        List<RecordEntry> hour(List<String> stations, long timeMs, Map<String, Double> polluted) {
            List<RecordEntry> out = new ArrayList<>();
            for (String s : stations) {
                out.add(cu(s, timeMs, polluted.getOrDefault(s, 0.05)));
            }
            return out;
        }
    }

    static byte[][] encoded(List<RecordEntry> records) {
        return records.stream().map(RecordEntry::encode).toArray(byte[][]::new);
    }

    /** A real node (single-member Ratis group, SQLite file) of this genesis in {@code dir}, keyed by the validator. */
    static LedgerNode startNode(Path dir, KeyPair validator, Genesis g) {
        try {
            DataDirectory.create(dir, NodeConfig.singleMember("n1", freePort(), g.blocks()), validator, g.blocks());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LedgerNode.start(DataDirectory.open(dir));
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
