package org.waterchain.app.trace.narrowing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.waterchain.app.session.RegistryView;
import org.waterchain.app.standards.Standards;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RegisterFactory;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;
import org.waterchain.ledger.value.ValueEntry;

/**
 * The demo district's registry as the app reads it, built from the registry actions of DemoAlliance's genesis
 * block (no node): R04 -> R06 -> R07 -> J1, which splits to R10 and R12; R09 -> R12; R10 and R12 -> M02 -> OUT.
 * F-PCB-01 (Cu, Ni) discharges at R10, F-PLT-02 (Cu, Ni, Zn) at R06, F-TEX-03 (EC, SS, UV254) at R04,
 * F-BAT-04 (Pb, Cd) at R12.
 */
final class DemoDistrict {
    private DemoDistrict() {}

    static List<RegistryAction> actions() {
        List<RegistryAction> actions = new ArrayList<>();
        for (Block b : DemoAlliance.create(KeyPair.generate(), List.of(), 0).blocks()) {
            if (b.header().chain() == ChainId.VALUE) {
                for (byte[] raw : b.entries()) {
                    ValueEntry e = ValueEntry.decode(raw);
                    if (!e.isTransfer() && !e.isAlarm()) {
                        actions.add(e.registryAction());
                    }
                }
            }
        }
        return actions;
    }

    static RegistryView registry(RegistryAction... extra) {
        List<RegistryAction> all = new ArrayList<>(actions());
        all.addAll(List.of(extra));
        Map<String, RegisterStation> stations = new TreeMap<>();
        Map<String, RegisterDevice> devices = new TreeMap<>();
        Map<String, RegisterFactory> factories = new TreeMap<>();
        Map<String, AddChannel> channels = new TreeMap<>();
        for (RegistryAction a : all) {
            if (a instanceof RegisterStation s) {
                stations.put(s.id(), s);
            } else if (a instanceof RegisterDevice d) {
                devices.put(d.deviceId(), d);
            } else if (a instanceof RegisterFactory f) {
                factories.put(f.id(), f);
            } else if (a instanceof AddChannel c) {
                channels.put(c.id(), c);
            }
        }
        return new RegistryView(stations, devices, factories, List.copyOf(channels.values()), Standards.of(all));
    }

    static double channelLength(String from, String to) {
        return actions().stream().filter(a -> a instanceof AddChannel c && c.fromNode().equals(from) && c.toNode().equals(to))
                .map(a -> ((AddChannel) a).lengthM()).findFirst().orElseThrow();
    }
}
