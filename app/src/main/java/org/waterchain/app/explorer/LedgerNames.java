package org.waterchain.app.explorer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.registry.RegistryAction.AddMember;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;
import org.waterchain.ledger.registry.Role;
import org.waterchain.ledger.store.LedgerQueries;

/**
 * Names the registry gives to ids, keys and addresses, so the explorer can say "R04-A at R04" and "Water
 * Resources Department" instead of bare hashes. Retired devices and inactive entries are kept: old blocks
 * name them. Immutable; read again when the value chain grows.
 */
public record LedgerNames(Map<String, String> stationOfDevice, Map<String, String> stationNames,
                          Map<Address, Member> members) {
    /** An alliance member as registered. */
    public record Member(String name, Set<Role> roles) {
        public Member {
            roles = Set.copyOf(roles);
        }
    }

    public static final LedgerNames NONE = new LedgerNames(Map.of(), Map.of(), Map.of());

    public LedgerNames {
        stationOfDevice = Map.copyOf(stationOfDevice);
        stationNames = Map.copyOf(stationNames);
        members = Map.copyOf(members);
    }

    public static LedgerNames load(LedgerQueries q) {
        Map<String, String> devices = new HashMap<>();
        for (RegistryAction a : q.registry("device", false)) {
            if (a instanceof RegisterDevice d) {
                devices.put(d.deviceId(), d.stationId());
            }
        }
        Map<String, String> stations = new HashMap<>();
        for (RegistryAction a : q.registry("station", false)) {
            if (a instanceof RegisterStation s) {
                stations.put(s.id(), s.name());
            }
        }
        Map<Address, Member> members = new HashMap<>();
        for (RegistryAction a : q.registry("member", false)) {
            if (a instanceof AddMember m) {
                members.put(m.address(), new Member(m.name(), Role.of(m.roles())));
            }
        }
        return new LedgerNames(devices, stations, members);
    }

    public Optional<String> stationOf(String deviceId) {
        return Optional.ofNullable(stationOfDevice.get(deviceId));
    }

    public Optional<Member> member(Address a) {
        return Optional.ofNullable(members.get(a));
    }

    /** "Water Resources Department (demo)", or the address itself for someone the registry does not name. */
    public String who(Address a) {
        return member(a).map(Member::name).orElse(a.toString());
    }

    /** "W... (Water Resources Department (demo))" or the bare address. */
    public String addressWithName(Address a) {
        return member(a).map(m -> a + " (" + m.name() + ")").orElse(a.toString());
    }

    /** "R04 Branch 3 head gate" */
    public String station(String stationId) {
        String name = stationNames.get(stationId);
        return name == null ? stationId : stationId + " " + name;
    }
}
