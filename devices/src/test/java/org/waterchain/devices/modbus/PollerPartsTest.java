package org.waterchain.devices.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The poller's pure parts: reconnect backoff, scheduling, exception names, bus grouping, status snapshots. */
class PollerPartsTest {

    @Test
    void backoffDoublesUpToItsCeilingAndResets() {
        Backoff b = new Backoff(500, 3000);
        assertEquals(List.of(500L, 1000L, 2000L, 3000L, 3000L), List.of(b.next(), b.next(), b.next(), b.next(), b.next()));
        b.reset();
        assertEquals(500L, b.next());
    }

    @Test
    void scheduleKeepsItsPhaseUnlessItFellBehind() {
        assertEquals(2_000L, BusPoller.nextDue(1_000, 1_000, 1_500));
        assertEquals(6_500L, BusPoller.nextDue(1_000, 1_000, 5_500), "late by several intervals: restart from now");
    }

    @Test
    void exceptionCodesHaveTheirSpecificationNames() {
        assertEquals("ILLEGAL_DATA_ADDRESS", new ModbusExceptionCode(2).name());
        assertEquals("GATEWAY_TARGET_DEVICE_FAILED_TO_RESPOND (11)", new ModbusExceptionCode(11).toString());
        assertEquals("UNKNOWN_0x0C", new ModbusExceptionCode(12).name());
    }

    @Test
    void busesAreGroupedByPort() {
        ModbusProfile p = ReadPlanTest.profile(0, 0, ReadPlanTest.point(org.waterchain.ledger.record.Quantity.PH,
                RegisterKind.HOLDING, 0, DataType.UINT16));
        ModbusDevice a = ModbusDevice.of("A", p, "/dev/ttyUSB0", 1, Duration.ofSeconds(1));
        ModbusDevice b = ModbusDevice.of("B", p, "/dev/ttyUSB1", 1, Duration.ofSeconds(1));
        ModbusDevice c = ModbusDevice.of("C", p, "/dev/ttyUSB0", 2, Duration.ofSeconds(1));
        var buses = BusPlan.of(List.of(a, b, c));
        assertEquals(List.of("/dev/ttyUSB0", "/dev/ttyUSB1"), List.copyOf(buses.keySet()));
        assertEquals(List.of(a, c), buses.get("/dev/ttyUSB0"));
        assertThrows(IllegalArgumentException.class, () -> BusPlan.of(List.of(a, a)));
    }

    @Test
    void statusCountsFailuresByKind() {
        ModbusProfile p = ReadPlanTest.profile(0, 0, ReadPlanTest.point(org.waterchain.ledger.record.Quantity.PH,
                RegisterKind.HOLDING, 0, DataType.UINT16));
        StatusRecorder r = new StatusRecorder(ModbusDevice.of("A", p, "/dev/ttyUSB0", 1, Duration.ofSeconds(1)));
        assertEquals(LinkState.STARTING, r.snapshot().state());
        r.portOpened();
        r.pollStarted(1_000);
        r.failed(new RequestFailedException(RequestFailedException.Kind.EXCEPTION_RESPONSE,
                ModbusExceptionCode.ILLEGAL_DATA_ADDRESS, "read 1 holding register at 0: exception response", null));
        r.pollFinished(1_000, true, false);
        DeviceStatus s = r.snapshot();
        assertEquals(LinkState.ONLINE, s.state());
        assertEquals(1, s.exceptionResponses());
        assertEquals("ILLEGAL_DATA_ADDRESS", s.lastException().name());
        assertEquals(null, s.lastGoodPoll());
        r.pollStarted(2_000);
        r.failed(new RequestFailedException(RequestFailedException.Kind.TIMEOUT, "no answer"));
        r.pollFinished(2_000, false, false);
        assertEquals(LinkState.NO_RESPONSE, r.snapshot().state());
        assertEquals(1, r.snapshot().timeouts());
        assertEquals(2, r.snapshot().polls());
        assertEquals(1, s.polls(), "a snapshot does not change afterwards");
    }
}
