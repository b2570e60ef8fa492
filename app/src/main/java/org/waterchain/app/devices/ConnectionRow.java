package org.waterchain.app.devices;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.waterchain.app.session.RegistryView;
import org.waterchain.devices.ingest.SourceStats;
import org.waterchain.devices.modbus.DeviceStatus;
import org.waterchain.devices.modbus.ModbusGateway;
import org.waterchain.devices.sensornode.SensorNodeDriver;
import org.waterchain.devices.wire.WireMessage.Hello;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;

/**
 * One line of the devices screen: a source of readings with its state and what the ingest made of it.
 *
 * @param enrollable a sensor node announced a device id and key the registry does not hold (yet): it can be enrolled
 */
public record ConnectionRow(String source, String kind, String state, String device, long accepted, long refused,
        String refusals, String lastError, boolean enrollable, Hello hello) {

    /** Rows for everything connected, plus any other source the ingest has heard from (the simulator, a replay). */
    public static List<ConnectionRow> of(List<SensorNodeDriver.Status> sensorNodes, List<DeviceStatus> transmitters,
            Map<String, SourceStats> stats, RegistryView registry) {
        List<ConnectionRow> rows = new ArrayList<>();
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (SensorNodeDriver.Status s : sensorNodes) {
            String src = s.link().path();
            shown.add(src);
            SourceStats st = stats.get(src);
            Hello h = s.lastHello();
            boolean enrollable = h != null && !registered(registry, h);
            rows.add(new ConnectionRow(src, "sensor node", s.link().state().name(), h == null ? "(no HELLO yet)" : h.deviceId()
                    + (enrollable ? " (not enrolled)" : ""), st == null ? 0 : st.accepted(), st == null ? 0 : st.rejectedTotal(),
                    refusals(st, s.frameErrors()), s.link().lastError() == null ? "" : s.link().lastError(), enrollable, h));
        }
        for (DeviceStatus d : transmitters) {
            String src = ModbusGateway.source(d.port());
            shown.add(src);
            SourceStats st = stats.get(src);
            rows.add(new ConnectionRow(src + " #" + d.unitId(), "Modbus " + d.profileId(), d.state().name(), d.deviceId(),
                    d.samples(), st == null ? 0 : st.rejectedTotal(), d.timeouts() + " timeouts, " + d.exceptionResponses()
                    + " exception responses", d.lastError() == null ? "" : d.lastError(), false, null));
        }
        stats.values().stream().filter(s -> !shown.contains(s.source())).sorted(Comparator.comparing(SourceStats::source))
                .forEach(s -> rows.add(new ConnectionRow(s.source(), kindOf(s.source()), "", s.lastDeviceId() == null ? "" : s.lastDeviceId(),
                        s.accepted(), s.rejectedTotal(), refusals(s, Map.of()), "", false, null)));
        return rows;
    }

    private static boolean registered(RegistryView registry, Hello h) {
        RegisterDevice d = registry.devices().get(h.deviceId());
        return d != null && Arrays.equals(d.publicKey(), h.publicKey());
    }

    private static String kindOf(String source) {
        if (source.equals("simulator")) {
            return "simulated district";
        }
        if (source.startsWith("import:")) {
            return "imported series";
        }
        return source.startsWith("replay:") ? "replay" : source.startsWith("modbus:") ? "Modbus" : "serial";
    }

    static String refusals(SourceStats st, Map<?, Long> frameErrors) {
        List<String> parts = new ArrayList<>();
        if (st != null) {
            st.rejected().forEach((reason, n) -> parts.add(reason.name().toLowerCase().replace('_', ' ') + " " + n));
        }
        if (parts.isEmpty() && frameErrors.values().stream().allMatch(n -> n == 0)) {
            return "";
        }
        return parts.stream().collect(Collectors.joining(", "));
    }
}
