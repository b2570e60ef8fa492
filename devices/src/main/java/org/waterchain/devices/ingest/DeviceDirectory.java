package org.waterchain.devices.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.store.LedgerQueries;

/** The devices the registry knows, as of one read: who may sign for which station, and who was retired. */
public record DeviceDirectory(Map<String, RegisterDevice> devices, Set<String> retired) {
    public DeviceDirectory {
        devices = Map.copyOf(devices);
        retired = Set.copyOf(retired);
    }

    public static DeviceDirectory load(LedgerQueries q) {
        Map<String, RegisterDevice> all = new HashMap<>();
        for (RegistryAction a : q.registry("device", false)) {
            if (a instanceof RegisterDevice d) {
                all.put(d.deviceId(), d);
            }
        }
        Set<String> active = new HashSet<>();
        for (RegistryAction a : q.registry("device", true)) {
            if (a instanceof RegisterDevice d) {
                active.add(d.deviceId());
            }
        }
        Set<String> retired = new HashSet<>(all.keySet());
        retired.removeAll(active);
        return new DeviceDirectory(all, retired);
    }

    public Optional<RegisterDevice> device(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    public boolean isRetired(String id) {
        return retired.contains(id);
    }

    public List<RegisterDevice> active() {
        return devices.values().stream().filter(d -> !retired.contains(d.deviceId())).toList();
    }
}
