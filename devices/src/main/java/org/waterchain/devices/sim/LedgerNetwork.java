package org.waterchain.devices.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.store.LedgerQueries;

/** The station network a node's registry describes, and where a simulation of it should carry on. */
public final class LedgerNetwork {
    private LedgerNetwork() {}

    /**
     * Stations, channels and factories from the registry, with the active devices {@code simulated} accepts
     * (those the simulator holds keys for; a real sensor enrolled since is not the simulator's to sign for).
     */
    public static StationNetwork fromLedger(LedgerQueries q, Predicate<String> simulated, NetworkDefaults defaults) {
        List<RegistryAction> registry = new ArrayList<>();
        for (String kind : List.of("station", "device", "channel", "factory")) {
            for (RegistryAction a : q.registry(kind, true)) {
                if (!(a instanceof RegistryAction.RegisterDevice d) || simulated.test(d.deviceId())) {
                    registry.add(a);
                }
            }
        }
        return StationNetwork.fromRegistry(registry, defaults);
    }

    /**
     * Where a simulation should start: now, or after the latest sample already on the ledger when an earlier
     * run at demo speed wrote ahead of the wall clock, so a restart never lays a second series over the same hours.
     */
    public static long resumeTime(LedgerQueries q, long nowMs) {
        long latest = q.query("latest sample", c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT MAX(sample_time) FROM records")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
        return Math.max(nowMs, latest + 1);
    }
}
