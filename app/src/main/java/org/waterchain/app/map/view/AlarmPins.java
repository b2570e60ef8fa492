package org.waterchain.app.map.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.waterchain.app.alarm.AlarmRow;
import org.waterchain.app.alarm.AlarmSnapshot;

/**
 * Which station pins flash: those with an alarm no operator has acknowledged yet (ISA-18.2 states UNACK and
 * RTN_UNACK, {@link org.waterchain.app.alarm.AlarmState#unacknowledged()}). A process alarm names its station; a
 * system alarm names its device, whose station the registry knows. Alarms of sources without a station (a serial
 * port, the simulator) have no pin. Immutable.
 */
public record AlarmPins(Map<String, List<AlarmRow>> unacknowledged) {
    public static final AlarmPins NONE = new AlarmPins(Map.of());

    public AlarmPins {
        Map<String, List<AlarmRow>> copy = new LinkedHashMap<>();
        unacknowledged.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        unacknowledged = java.util.Collections.unmodifiableMap(copy);
    }

    /** @param stationOfDevice the registry's device-to-station map */
    public static AlarmPins of(AlarmSnapshot snapshot, Function<String, Optional<String>> stationOfDevice) {
        Map<String, List<AlarmRow>> out = new LinkedHashMap<>();
        for (AlarmRow r : snapshot.rows()) {
            if (!r.state().unacknowledged()) {
                continue;
            }
            Optional<String> station = r.system() ? stationOfDevice.apply(r.source()) : Optional.of(r.source());
            station.ifPresent(s -> out.computeIfAbsent(s, k -> new ArrayList<>()).add(r));
        }
        return new AlarmPins(out);
    }

    public Set<String> flashing() {
        return unacknowledged.keySet();
    }

    /** The station's unacknowledged alarms, most urgent first (the snapshot's order). */
    public List<AlarmRow> of(String stationId) {
        return unacknowledged.getOrDefault(stationId, List.of());
    }
}
