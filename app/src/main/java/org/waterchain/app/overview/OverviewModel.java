package org.waterchain.app.overview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.waterchain.app.session.LiveRecord;
import org.waterchain.app.session.RegistryView;
import org.waterchain.app.standards.ComplianceClass;
import org.waterchain.app.standards.Standard;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;

/**
 * The overview's logic without the toolkit: the latest record per station in, one tile per station out, with
 * compliance classes from the standards on the ledger and device health from the record's signer and age.
 * Owned by one thread (the FX thread in the app, the test's in tests).
 */
public final class OverviewModel {
    /** A station is stale when its latest sample is older than this many expected intervals. */
    static final int STALE_INTERVALS = 2;

    private final Map<String, LiveRecord> latest = new HashMap<>();
    private final long expectedIntervalMs;

    public OverviewModel(long expectedIntervalMs) {
        this.expectedIntervalMs = expectedIntervalMs;
    }

    public void accept(List<LiveRecord> records) {
        for (LiveRecord r : records) {
            LiveRecord old = latest.get(r.stationId());
            if (old == null || r.sampleTimeMs() >= old.sampleTimeMs()) {
                latest.put(r.stationId(), r);
            }
        }
    }

    public List<StationTile> tiles(RegistryView registry, long nowMs) {
        List<StationTile> out = new ArrayList<>();
        for (RegisterStation s : registry.stationList()) {
            out.add(tile(s, registry, nowMs));
        }
        return out;
    }

    StationTile tile(RegisterStation s, RegistryView registry, long nowMs) {
        LiveRecord r = latest.get(s.id());
        List<RegisterDevice> devices = registry.devicesOf(s.id());
        String name = s.name();
        String kind = s.stationKind().name().toLowerCase().replace('_', ' ');
        if (r == null) {
            return new StationTile(s.id(), name, kind, List.of(), ComplianceClass.NONE,
                    devices.isEmpty() ? DeviceHealth.UNREGISTERED : DeviceHealth.WAITING, -1,
                    devices.isEmpty() ? null : devices.get(0).deviceId());
        }
        List<StationTile.Value> values = new ArrayList<>();
        ComplianceClass worst = ComplianceClass.NONE;
        for (Reading reading : r.readings()) {
            Quantity q = Quantity.byCode(reading.quantityCode()).orElse(null);
            if (q == null) {
                continue;
            }
            Standard st = registry.standards().of(q).orElse(null);
            ComplianceClass c = reading.quality() == Reading.Quality.GOOD || reading.quality() == Reading.Quality.SUSPECT
                    ? (st == null ? ComplianceClass.NONE : st.classify(reading.value())) : ComplianceClass.NONE;
            worst = worst.worse(c);
            values.add(new StationTile.Value(q.symbol(), reading.value(), q.unit(), c, st == null ? "" : st.describe()));
        }
        long age = Math.max(0, nowMs - r.sampleTimeMs());
        DeviceHealth health;
        if (!registry.devices().containsKey(r.deviceId())) {
            health = DeviceHealth.UNREGISTERED;
        } else if (age > STALE_INTERVALS * expectedIntervalMs) {
            health = DeviceHealth.STALE;
        } else {
            health = r.gatewaySigned() ? DeviceHealth.GATEWAY : DeviceHealth.SIGNED;
        }
        return new StationTile(s.id(), name, kind, values, worst, health, age, r.deviceId());
    }

    public Map<String, LiveRecord> latest() {
        return Map.copyOf(latest);
    }
}
