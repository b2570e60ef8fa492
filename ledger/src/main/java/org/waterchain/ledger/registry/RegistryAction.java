package org.waterchain.ledger.registry;

import java.util.ArrayList;
import java.util.List;
import org.waterchain.ledger.codec.CanonicalReader;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.crypto.Address;

/**
 * Changes to the alliance's registry, carried as value-chain entries and signed by a member whose roles
 * allow them (see RegistryRules). Body layout: u8 version=1, i64 nonce, u8 action, action fields.
 */
public sealed interface RegistryAction {
    int VERSION = 1;

    int code();

    /** The registry kind and key this action writes, e.g. ("station", "R04"). */
    String kind();

    String key();

    void encodeFields(CanonicalWriter w);

    static byte[] encode(RegistryAction a, long nonce) {
        CanonicalWriter w = new CanonicalWriter(128).u8(VERSION).i64(nonce).u8(a.code());
        a.encodeFields(w);
        return w.toByteArray();
    }

    /** The fields alone, as stored in the registry table (no version or nonce). */
    static byte[] encodeFields(RegistryAction a) {
        CanonicalWriter w = new CanonicalWriter(128).u8(a.code());
        a.encodeFields(w);
        return w.toByteArray();
    }

    static RegistryAction decode(byte[] body) {
        CanonicalReader r = new CanonicalReader(body);
        int version = r.u8("registry.version");
        if (version != VERSION) {
            throw new DecodeException("registry.version: unsupported " + version);
        }
        r.i64("registry.nonce");
        RegistryAction a = decodeAction(r);
        r.expectEnd("registry action");
        return a;
    }

    static RegistryAction decodeFields(byte[] fields) {
        CanonicalReader r = new CanonicalReader(fields);
        RegistryAction a = decodeAction(r);
        r.expectEnd("registry fields");
        return a;
    }

    private static RegistryAction decodeAction(CanonicalReader r) {
        int code = r.u8("registry.action");
        try {
            return switch (code) {
                case AddMember.CODE -> new AddMember(r.raw(32, "member.key"), r.text("member.name"), r.u16("member.roles"));
                case RegisterStation.CODE -> new RegisterStation(r.text("station.id"), r.text("station.name"),
                        kind(r.u8("station.kind")), point(r, "station"), Address.fromHash(r.raw(20, "station.operator")));
                case RegisterDevice.CODE -> new RegisterDevice(r.text("device.id"), r.text("device.station"),
                        r.raw(32, "device.key"), r.bool("device.gateway"), r.text("device.model"));
                case RetireDevice.CODE -> new RetireDevice(r.text("device.id"));
                case RegisterFactory.CODE -> new RegisterFactory(r.text("factory.id"), r.text("factory.name"),
                        r.text("factory.industry"), point(r, "factory"), texts(r, "factory.pollutants"),
                        r.f64("factory.permittedDischarge"), r.text("factory.dischargeNode"),
                        Address.fromHash(r.raw(20, "factory.operator")));
                case AddChannel.CODE -> new AddChannel(r.text("channel.id"), r.text("channel.name"),
                        r.text("channel.from"), r.text("channel.to"), r.f64("channel.length"), points(r));
                case SetStandard.CODE -> new SetStandard(r.text("standard.quantity"), optional(r, "standard.min"),
                        optional(r, "standard.max"), r.f64("standard.warnFraction"));
                case GrantLicence.CODE -> new GrantLicence(r.text("licence.asset"), Address.fromHash(r.raw(20, "licence.issuer")));
                default -> throw new DecodeException("registry.action: unknown action " + code);
            };
        } catch (IllegalArgumentException e) {
            throw new DecodeException("registry action " + code + ": " + e.getMessage());
        }
    }

    private static StationKind kind(int ordinal) {
        if (ordinal >= StationKind.values().length) {
            throw new DecodeException("station.kind: unknown " + ordinal);
        }
        return StationKind.values()[ordinal];
    }

    private static GeoPoint point(CanonicalReader r, String field) {
        return new GeoPoint(r.f64(field + ".lon"), r.f64(field + ".lat"));
    }

    private static List<GeoPoint> points(CanonicalReader r) {
        int n = r.u16("channel.geometry.count");
        List<GeoPoint> pts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pts.add(point(r, "channel.geometry[" + i + "]"));
        }
        return pts;
    }

    private static List<String> texts(CanonicalReader r, String field) {
        int n = r.u8(field + ".count");
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(r.text(field + "[" + i + "]"));
        }
        return out;
    }

    /** NaN stands for "no limit" in memory; on the wire it is a presence byte. */
    private static double optional(CanonicalReader r, String field) {
        return r.bool(field + ".present") ? r.f64(field) : Double.NaN;
    }

    private static void optional(CanonicalWriter w, double v) {
        w.bool(!Double.isNaN(v));
        if (!Double.isNaN(v)) {
            w.f64(v);
        }
    }

    record AddMember(byte[] publicKey, String name, int roles) implements RegistryAction {
        static final int CODE = 1;

        public AddMember {
            publicKey = publicKey.clone();
        }

        public Address address() {
            return Address.of(publicKey);
        }

        public boolean has(Role r) {
            return (roles & r.bit()) != 0;
        }

        public int code() { return CODE; }
        public String kind() { return "member"; }
        public String key() { return address().toString(); }

        public void encodeFields(CanonicalWriter w) {
            w.raw(publicKey).text(name).u16(roles);
        }
    }

    record RegisterStation(String id, String name, StationKind stationKind, GeoPoint location, Address operator)
            implements RegistryAction {
        static final int CODE = 2;

        public int code() { return CODE; }
        public String kind() { return "station"; }
        public String key() { return id; }

        public void encodeFields(CanonicalWriter w) {
            w.text(id).text(name).u8(stationKind.ordinal()).f64(location.lon()).f64(location.lat()).raw(operator.hash());
        }
    }

    /** Binds a device id to a station and a public key; registering again replaces the key. */
    record RegisterDevice(String deviceId, String stationId, byte[] publicKey, boolean gateway, String model)
            implements RegistryAction {
        static final int CODE = 3;

        public RegisterDevice {
            publicKey = publicKey.clone();
        }

        public int code() { return CODE; }
        public String kind() { return "device"; }
        public String key() { return deviceId; }

        public void encodeFields(CanonicalWriter w) {
            w.text(deviceId).text(stationId).raw(publicKey).bool(gateway).text(model);
        }
    }

    record RetireDevice(String deviceId) implements RegistryAction {
        static final int CODE = 4;

        public int code() { return CODE; }
        public String kind() { return "device"; }
        public String key() { return deviceId; }

        public void encodeFields(CanonicalWriter w) {
            w.text(deviceId);
        }
    }

    /**
     * @param pollutants              quantity symbols the factory may discharge (e.g. CU, NI)
     * @param permittedDischargeM3Day permitted waste-water discharge
     * @param dischargeNode           channel node where its outfall joins the network
     */
    record RegisterFactory(String id, String name, String industry, GeoPoint location, List<String> pollutants,
                           double permittedDischargeM3Day, String dischargeNode, Address operator)
            implements RegistryAction {
        static final int CODE = 5;

        public RegisterFactory {
            pollutants = List.copyOf(pollutants);
        }

        public int code() { return CODE; }
        public String kind() { return "factory"; }
        public String key() { return id; }

        public void encodeFields(CanonicalWriter w) {
            w.text(id).text(name).text(industry).f64(location.lon()).f64(location.lat()).u8(pollutants.size());
            pollutants.forEach(w::text);
            w.f64(permittedDischargeM3Day).text(dischargeNode).raw(operator.hash());
        }
    }

    /** A reach of the channel network; water flows from {@code fromNode} to {@code toNode}. */
    record AddChannel(String id, String name, String fromNode, String toNode, double lengthM, List<GeoPoint> geometry)
            implements RegistryAction {
        static final int CODE = 6;

        public AddChannel {
            geometry = List.copyOf(geometry);
        }

        public int code() { return CODE; }
        public String kind() { return "channel"; }
        public String key() { return id; }

        public void encodeFields(CanonicalWriter w) {
            w.text(id).text(name).text(fromNode).text(toNode).f64(lengthM).u16(geometry.size());
            geometry.forEach(p -> w.f64(p.lon()).f64(p.lat()));
        }
    }

    /**
     * A water-quality standard for one quantity. min/max are NaN when absent. {@code warnFraction} places the
     * yellow band: a value past warnFraction of the way to a limit is yellow, past the limit red.
     */
    record SetStandard(String quantity, double min, double max, double warnFraction) implements RegistryAction {
        static final int CODE = 7;

        public int code() { return CODE; }
        public String kind() { return "standard"; }
        public String key() { return quantity; }

        public void encodeFields(CanonicalWriter w) {
            w.text(quantity);
            optional(w, min);
            optional(w, max);
            w.f64(warnFraction);
        }
    }

    /** Licenses an address to mint an asset (or every pollution asset with POLLUTION:*), as Gcoin's licences. */
    record GrantLicence(String assetPattern, Address issuer) implements RegistryAction {
        static final int CODE = 8;

        public int code() { return CODE; }
        public String kind() { return "licence"; }
        public String key() { return assetPattern + "|" + issuer; }

        public void encodeFields(CanonicalWriter w) {
            w.text(assetPattern).raw(issuer.hash());
        }
    }
}
