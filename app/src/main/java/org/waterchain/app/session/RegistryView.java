package org.waterchain.app.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.waterchain.app.standards.Standards;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RegisterFactory;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;
import org.waterchain.ledger.store.LedgerQueries;

/** The registry as of one read, for the screens: stations, devices, factories, channels and standards. Immutable. */
public record RegistryView(Map<String, RegisterStation> stations, Map<String, RegisterDevice> devices,
        Map<String, RegisterFactory> factories, List<AddChannel> channels, Standards standards) {
    public RegistryView {
        stations = Map.copyOf(stations);
        devices = Map.copyOf(devices);
        factories = Map.copyOf(factories);
        channels = List.copyOf(channels);
    }

    public static RegistryView load(LedgerQueries q) {
        Map<String, RegisterStation> stations = new TreeMap<>();
        for (RegistryAction a : q.registry("station", true)) {
            if (a instanceof RegisterStation s) {
                stations.put(s.id(), s);
            }
        }
        Map<String, RegisterDevice> devices = new TreeMap<>();
        for (RegistryAction a : q.registry("device", true)) {
            if (a instanceof RegisterDevice d) {
                devices.put(d.deviceId(), d);
            }
        }
        Map<String, RegisterFactory> factories = new TreeMap<>();
        for (RegistryAction a : q.registry("factory", true)) {
            if (a instanceof RegisterFactory f) {
                factories.put(f.id(), f);
            }
        }
        List<AddChannel> channels = new ArrayList<>();
        for (RegistryAction a : q.registry("channel", true)) {
            if (a instanceof AddChannel c) {
                channels.add(c);
            }
        }
        return new RegistryView(stations, devices, factories, channels, Standards.of(q.registry("standard", true)));
    }

    /** Stations in id order. */
    public List<RegisterStation> stationList() {
        return new ArrayList<>(new TreeMap<>(stations).values());
    }

    public Optional<String> stationOf(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId)).map(RegisterDevice::stationId);
    }

    public List<RegisterDevice> devicesOf(String stationId) {
        return devices.values().stream().filter(d -> d.stationId().equals(stationId)).toList();
    }
}
