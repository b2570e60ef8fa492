package org.waterchain.ledger.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.chain.MerkleTree;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.node.NodeException;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.AddMember;
import org.waterchain.ledger.registry.RegistryAction.GrantLicence;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RegisterFactory;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;
import org.waterchain.ledger.registry.Role;
import org.waterchain.ledger.registry.StationKind;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.ValueEntry;

/**
 * A demo alliance modelled on the seed paper's Taoyuan irrigation district: a regulator that validates,
 * a water plant, factories of several industries, regular (R..) and heavy-metal (M..) stations along a
 * branch canal, one signing device per station, irrigation-water standards, and asset licences. The
 * network and coordinates are the project's own. Device and member secrets go to demo-keys.json so the
 * demo load generator can sign as the devices.
 */
public final class DemoAlliance {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A demo station: id, name, kind, position, and the node downstream of it. */
    public record DemoStation(String id, String name, StationKind kind, double lon, double lat, String downstream) {}

    public static final List<DemoStation> STATIONS = List.of(
            new DemoStation("R04", "Branch 3 head gate", StationKind.REGULAR, 121.2410, 24.9050, "R06"),
            new DemoStation("R06", "Dapu bridge", StationKind.REGULAR, 121.2270, 24.9170, "R07"),
            new DemoStation("R07", "Pond 12 inlet", StationKind.REGULAR, 121.2130, 24.9290, "J1"),
            new DemoStation("R09", "Side ditch east", StationKind.REGULAR, 121.2180, 24.9480, "R12"),
            new DemoStation("R10", "Industrial park culvert", StationKind.REGULAR, 121.1960, 24.9380, "M02"),
            new DemoStation("R12", "Lotus field gate", StationKind.REGULAR, 121.2020, 24.9560, "M02"),
            new DemoStation("M02", "San-Kuai-Tsuo heavy-metal station", StationKind.HEAVY_METAL, 121.1820, 24.9530, "OUT"));

    private DemoAlliance() {}

    /** Genesis blocks (value, then data) proposed by the node key, and the demo secrets, for a new demo node. */
    public record Genesis(List<Block> blocks, Map<String, KeyPair> deviceKeys, Map<String, KeyPair> memberKeys) {}

    public static Genesis create(KeyPair validator, List<KeyPair> extraValidators, long timeMs) {
        Map<String, KeyPair> members = new LinkedHashMap<>();
        members.put("plant", KeyPair.generate());
        members.put("factory-pcb", KeyPair.generate());
        members.put("factory-plating", KeyPair.generate());
        members.put("factory-textile", KeyPair.generate());
        members.put("factory-battery", KeyPair.generate());
        Map<String, KeyPair> devices = new LinkedHashMap<>();
        List<RegistryAction> actions = new ArrayList<>();
        actions.add(new AddMember(validator.publicKey(), "Water Resources Department (demo)",
                Role.bits(EnumSet.of(Role.REGULATOR, Role.VALIDATOR))));
        int i = 2;
        for (KeyPair v : extraValidators) {
            actions.add(new AddMember(v.publicKey(), "Validator " + i++, Role.bits(EnumSet.of(Role.REGULATOR, Role.VALIDATOR))));
        }
        actions.add(new AddMember(members.get("plant").publicKey(), "Taoyuan Irrigation Association", Role.bits(EnumSet.of(Role.PLANT))));
        for (String f : List.of("factory-pcb", "factory-plating", "factory-textile", "factory-battery")) {
            actions.add(new AddMember(members.get(f).publicKey(), f, Role.bits(EnumSet.of(Role.INDUSTRY))));
        }
        for (DemoStation s : STATIONS) {
            actions.add(new RegisterStation(s.id(), s.name(), s.kind(), new GeoPoint(s.lon(), s.lat()),
                    members.get("plant").address()));
            KeyPair dk = KeyPair.generate();
            String deviceId = s.id() + "-A";
            devices.put(deviceId, dk);
            actions.add(new RegisterDevice(deviceId, s.id(), dk.publicKey(), false,
                    s.kind() == StationKind.HEAVY_METAL ? "WaterChain node + XRF analyser" : "WaterChain node v1"));
        }
        int c = 1;
        for (DemoStation s : STATIONS) {
            GeoPoint to = s.downstream().equals("OUT") ? new GeoPoint(121.1700, 24.9600)
                    : s.downstream().equals("J1") ? new GeoPoint(121.2040, 24.9330) : at(s.downstream());
            actions.add(channel("C" + c++, s.id(), s.downstream(), new GeoPoint(s.lon(), s.lat()), to));
        }
        actions.add(channel("C" + c++, "J1", "R10", new GeoPoint(121.2040, 24.9330), at("R10")));
        actions.add(channel("C" + c, "J1", "R12", new GeoPoint(121.2040, 24.9330), at("R12")));
        actions.add(new RegisterFactory("F-PCB-01", "Dayuan circuit boards", "PCB manufacturing",
                new GeoPoint(121.1990, 24.9350), List.of("CU", "NI"), 800, "R10", members.get("factory-pcb").address()));
        actions.add(new RegisterFactory("F-PLT-02", "Luzhu electroplating", "electroplating",
                new GeoPoint(121.2300, 24.9130), List.of("CU", "NI", "ZN"), 450, "R06", members.get("factory-plating").address()));
        actions.add(new RegisterFactory("F-TEX-03", "Guanyin dye works", "textile dyeing",
                new GeoPoint(121.2440, 24.9010), List.of("EC", "SS", "UV254"), 1500, "R04", members.get("factory-textile").address()));
        actions.add(new RegisterFactory("F-BAT-04", "North battery recycling", "battery recycling",
                new GeoPoint(121.2060, 24.9600), List.of("PB", "CD"), 300, "R12", members.get("factory-battery").address()));
        // Irrigation water quality standards (Taiwan; EC and Cu as in the seed paper).
        actions.add(new SetStandard("EC", Double.NaN, 750, 0.8));
        actions.add(new SetStandard("CU", Double.NaN, 0.2, 0.75));
        actions.add(new SetStandard("ZN", Double.NaN, 2.0, 0.75));
        actions.add(new SetStandard("NI", Double.NaN, 0.2, 0.75));
        actions.add(new SetStandard("PB", Double.NaN, 0.1, 0.75));
        actions.add(new SetStandard("CD", Double.NaN, 0.01, 0.75));
        actions.add(new SetStandard("PH", 6.0, 9.0, 0.8));
        actions.add(new SetStandard("SS", Double.NaN, 100, 0.8));
        actions.add(new SetStandard("DO", 3.0, Double.NaN, 0.8));
        actions.add(new GrantLicence(Asset.DROP, validator.address()));
        actions.add(new GrantLicence(Asset.ALLOWANCE, validator.address()));
        actions.add(new GrantLicence(Asset.POLLUTION_ANY, validator.address()));

        List<byte[]> entries = new ArrayList<>();
        long nonce = 0;
        for (RegistryAction a : actions) {
            entries.add(ValueEntry.signed(a, nonce++, validator).encode());
        }
        Block value = Block.seal(ChainId.VALUE, 0, new byte[32], timeMs, entries, validator);
        Block data = Block.seal(ChainId.DATA, 0, MerkleTree.EMPTY_ROOT, timeMs, List.of(), validator);
        return new Genesis(List.of(value, data), devices, members);
    }

    private static AddChannel channel(String id, String from, String to, GeoPoint a, GeoPoint b) {
        double dx = (b.lon() - a.lon()) * 111_320 * Math.cos(Math.toRadians(a.lat()));
        double dy = (b.lat() - a.lat()) * 110_574;
        return new AddChannel(id, "San-Kuai-Tsuo branch " + id, from, to, Math.max(1, Math.round(Math.hypot(dx, dy))),
                List.of(a, b));
    }

    private static GeoPoint at(String stationId) {
        return STATIONS.stream().filter(s -> s.id().equals(stationId)).findFirst()
                .map(s -> new GeoPoint(s.lon(), s.lat())).orElseThrow();
    }

    public static void writeKeys(Path file, Genesis g) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("devices", secrets(g.deviceKeys()));
        doc.put("members", secrets(g.memberKeys()));
        JSON.writeValue(file.toFile(), doc);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not POSIX
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, KeyPair> readDeviceKeys(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NodeException(file + " not found: this data directory was not initialised with the demo alliance");
        }
        try {
            Map<String, Object> doc = JSON.readValue(file.toFile(), Map.class);
            Map<String, KeyPair> out = new LinkedHashMap<>();
            ((Map<String, String>) doc.get("devices")).forEach((id, hex) -> out.put(id, KeyPair.fromSecret(Hex.parse(hex))));
            return out;
        } catch (IOException | RuntimeException e) {
            throw new NodeException("cannot read demo keys " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> secrets(Map<String, KeyPair> keys) {
        Map<String, String> m = new LinkedHashMap<>();
        keys.forEach((k, v) -> m.put(k, Hex.of(v.exportSecret())));
        return m;
    }
}
