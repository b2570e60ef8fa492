package org.waterchain.app.map.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.waterchain.app.alarm.AlarmPriority;
import org.waterchain.app.alarm.AlarmRow;
import org.waterchain.app.alarm.AlarmSnapshot;
import org.waterchain.app.alarm.AlarmState;

class AlarmPinsTest {
    static AlarmRow process(String station, String condition, AlarmState state) {
        return new AlarmRow(station + " " + condition, station, condition, false, AlarmPriority.HIGH, state, 0, 900, "µS/cm",
                "≤ 750 µS/cm", "", "", 0, 1);
    }

    static AlarmRow system(String source, String condition, AlarmState state) {
        return new AlarmRow(source + " " + condition, source, condition, true, AlarmPriority.MEDIUM, state, 0, Double.NaN, "", "",
                "", "", 0, 1);
    }

    static final Map<String, String> DEVICES = Map.of("R09-A", "R09", "R04-A", "R04");

    static AlarmPins pins(AlarmRow... rows) {
        return AlarmPins.of(new AlarmSnapshot(List.of(rows), 0, 1), d -> Optional.ofNullable(DEVICES.get(d)));
    }

    @Test
    void unacknowledgedAlarmsFlashWhetherTheirConditionIsActiveOrReturned() {
        AlarmPins p = pins(process("R04", "EC high", AlarmState.UNACK), process("R06", "CU high", AlarmState.RTN_UNACK));
        assertEquals(Set.of("R04", "R06"), p.flashing());
    }

    @Test
    void acknowledgedShelvedSuppressedAndOutOfServiceAlarmsDoNot() {
        AlarmPins p = pins(process("R04", "EC high", AlarmState.ACKED), process("R06", "CU high", AlarmState.SHELVED),
                process("R07", "PH low", AlarmState.SUPPRESSED), process("R10", "DO low", AlarmState.OUT_OF_SERVICE),
                process("R12", "SS high", AlarmState.NORMAL));
        assertEquals(Set.of(), p.flashing());
    }

    @Test
    void aSystemAlarmFlashesItsDevicesStationAndOneWithoutAStationNone() {
        AlarmPins p = pins(system("R09-A", "DEVICE_TAMPERED", AlarmState.UNACK), system("/dev/ttyUSB0", "BAD_FRAMES", AlarmState.UNACK));
        assertEquals(Set.of("R09"), p.flashing());
        assertEquals("DEVICE_TAMPERED", p.of("R09").get(0).condition());
        assertEquals(List.of(), p.of("R04"));
    }

    @Test
    void aStationKeepsEveryUnacknowledgedAlarmInTheSnapshotsOrder() {
        AlarmPins p = pins(process("R04", "EC high", AlarmState.UNACK), system("R04-A", "LOW_BATTERY", AlarmState.RTN_UNACK),
                process("R04", "PH low", AlarmState.ACKED));
        assertEquals(List.of("EC high", "LOW_BATTERY"), p.of("R04").stream().map(AlarmRow::condition).toList());
    }
}
