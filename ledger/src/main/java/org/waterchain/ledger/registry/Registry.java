package org.waterchain.ledger.registry;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.AddMember;
import org.waterchain.ledger.registry.RegistryAction.GrantLicence;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RegisterFactory;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;
import org.waterchain.ledger.registry.RegistryAction.RetireDevice;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;

/**
 * The alliance registry as one replica sees it after the blocks applied so far. Owned by the block
 * applier's thread; everyone else reads the registry table through queries. The rules read members, devices
 * and licences; factories, channels and standards are kept for the contracts that run on apply (compliance
 * classes, pollution tracing), which must read the registry as of their block, not the database's latest.
 */
public final class Registry {
    private final Map<Address, AddMember> members = new HashMap<>();
    private final TreeMap<String, RegisterStation> stations = new TreeMap<>();
    private final Map<String, RegisterDevice> devices = new TreeMap<>();
    private final Set<String> retiredDevices = new LinkedHashSet<>();
    private final Map<String, String> deviceByKey = new HashMap<>();
    private final Map<String, RegisterFactory> factories = new TreeMap<>();
    private final Map<String, AddChannel> channels = new TreeMap<>();
    /** The channels leaving each node, by id: what a loop check walks, without scanning every channel per change. */
    private final Map<String, TreeMap<String, AddChannel>> channelsFrom = new HashMap<>();
    private final Map<String, SetStandard> standards = new TreeMap<>();
    private final Set<String> licences = new LinkedHashSet<>();
    /** Counts changes of stations and channels, so a contract can keep a graph built from them until the next one. */
    private long networkRevision;

    /** Applies an action that the rules have accepted. Returns whether the written row is active. */
    public boolean apply(RegistryAction action) {
        if (action instanceof AddMember m) {
            members.put(m.address(), m);
        } else if (action instanceof RegisterStation s) {
            stations.put(s.id(), s);
            networkRevision++;
        } else if (action instanceof RegisterDevice d) {
            RegisterDevice old = devices.put(d.deviceId(), d);
            if (old != null) {
                deviceByKey.remove(Hex.of(old.publicKey()), d.deviceId());
            }
            retiredDevices.remove(d.deviceId());
            deviceByKey.put(Hex.of(d.publicKey()), d.deviceId());
        } else if (action instanceof RetireDevice r) {
            retiredDevices.add(r.deviceId());
            RegisterDevice d = devices.get(r.deviceId());
            if (d != null) {
                deviceByKey.remove(Hex.of(d.publicKey()), r.deviceId());
            }
            return false;
        } else if (action instanceof RegisterFactory f) {
            factories.put(f.id(), f);
        } else if (action instanceof AddChannel c) {
            AddChannel old = channels.put(c.id(), c);
            if (old != null) {
                channelsFrom.get(old.fromNode()).remove(old.id());
            }
            channelsFrom.computeIfAbsent(c.fromNode(), k -> new TreeMap<>()).put(c.id(), c);
            networkRevision++;
        } else if (action instanceof SetStandard s) {
            standards.put(s.quantity(), s);
        } else if (action instanceof GrantLicence l) {
            licences.add(l.key());
        }
        return true;
    }

    /** Restores one stored row at start-up. */
    public void restore(byte[] fields, boolean active) {
        RegistryAction a = RegistryAction.decodeFields(fields);
        if (!active && a instanceof RegisterDevice d) {
            // a retired device's key may belong to another device by now: keep it out of the key index
            devices.put(d.deviceId(), d);
            retiredDevices.add(d.deviceId());
            return;
        }
        apply(a);
    }

    public Optional<AddMember> member(Address a) {
        return Optional.ofNullable(members.get(a));
    }

    public boolean hasRole(Address a, Role role) {
        AddMember m = members.get(a);
        return m != null && m.has(role);
    }

    public boolean hasRole(byte[] publicKey, Role role) {
        return hasRole(Address.of(publicKey), role);
    }

    public Optional<RegisterStation> station(String id) {
        return Optional.ofNullable(stations.get(id));
    }

    /** Registered station ids, sorted. */
    public Set<String> stationIds() {
        return java.util.Collections.unmodifiableSet(stations.navigableKeySet());
    }

    /** The channel network, by channel id. */
    public java.util.Collection<AddChannel> channels() {
        return java.util.Collections.unmodifiableCollection(channels.values());
    }

    /** The channels whose water leaves {@code node}, sorted by id. */
    public java.util.Collection<AddChannel> channelsFrom(String node) {
        TreeMap<String, AddChannel> m = channelsFrom.get(node);
        return m == null ? List.of() : java.util.Collections.unmodifiableCollection(m.values());
    }

    /** Changes whenever a station or channel is registered: a graph built from them stays valid until then. */
    public long networkRevision() {
        return networkRevision;
    }

    /** The standard for a quantity symbol (e.g. "CU"), if the registry sets one. */
    public Optional<SetStandard> standard(String quantity) {
        return Optional.ofNullable(standards.get(quantity));
    }

    public Optional<RegisterDevice> device(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    public boolean isRetired(String deviceId) {
        return retiredDevices.contains(deviceId);
    }

    /** The device currently registered with this key, if any. */
    public Optional<String> deviceWithKey(byte[] publicKey) {
        return Optional.ofNullable(deviceByKey.get(Hex.of(publicKey)));
    }

    public boolean hasLicence(String asset, Address issuer) {
        for (String l : licences) {
            int bar = l.lastIndexOf('|');
            if (l.substring(bar + 1).equals(issuer.toString()) && Asset.licenceCovers(l.substring(0, bar), asset)) {
                return true;
            }
        }
        return false;
    }
}
