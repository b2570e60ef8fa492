package org.waterchain.it.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.waterchain.devices.modbus.DeviceStatus;
import org.waterchain.devices.modbus.LinkState;
import org.waterchain.devices.modbus.ModbusInstallation;
import org.waterchain.devices.modbus.ModbusPoller;
import org.waterchain.devices.sample.Sample;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.Reading.Quality;

/**
 * The Modbus poller against a real RTU slave: Debian's pymodbus ({@code modbus/rtu_slave.py}) on one end of a
 * socat pty pair, j2mod over jSerialComm on the other, 9600 8N1 (ptys drop parity). Seven devices share the one
 * bus: four read the slave's values in each word order, one runs a trigger and reads NaN and an out-of-range
 * value, one reads a register the slave does not have, and one has a unit id nobody answers. Skipped, with the
 * packages to install, when socat or the Python side is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModbusRtuTest {
    private static final long WAIT_SECONDS = 20;

    private Path dir;
    private String python;
    private PtyPair pty;
    private RtuSlave slave;
    private ModbusPoller poller;
    private String missing;
    private final Map<String, List<Sample>> samples = new ConcurrentHashMap<>();

    /**
     * Starts the pty pair, the slave and the poller once for all tests, when the tools are there. A missing tool is
     * reported by {@link #requireTools()} on every test, so each shows as skipped with the reason: an assumption
     * failing in {@code @BeforeAll} would leave Surefire reporting no tests at all.
     */
    @BeforeAll
    void startSlaveAndPoller() throws Exception {
        if (!ModbusTools.hasSocat()) {
            missing = "socat is not installed; the Modbus RTU test needs: apt-get install " + ModbusTools.APT_PACKAGES;
            return;
        }
        Optional<String> py = ModbusTools.python();
        if (py.isEmpty()) {
            missing = "no python3 can import pymodbus and serial_asyncio; the Modbus RTU test needs: apt-get install "
                    + ModbusTools.APT_PACKAGES;
            return;
        }
        python = py.get();
        dir = Files.createTempDirectory("modbus-rtu-test");
        pty = new PtyPair(dir.resolve("ttyMaster"));
        try {
            slave = RtuSlave.start(python, dir, pty.first());
        } catch (RtuSlave.UnsupportedPymodbus e) {
            missing = "the installed pymodbus is not supported by modbus/rtu_slave.py: " + e.getMessage();
            return;
        }
        writeProfiles();
        Path installation = dir.resolve("modbus.json");
        Files.writeString(installation, installation(pty.secondLink().toString()));
        poller = ModbusPoller.start(ModbusInstallation.load(installation).devices(),
                s -> samples.computeIfAbsent(s.deviceId(), k -> new CopyOnWriteArrayList<>()).add(s));
        awaitUntil("every answering device gave a sample and the silent one timed out", () ->
                List.of("order-ABCD", "order-CDAB", "order-BADC", "order-DCBA", "trigger", "exception").stream()
                        .allMatch(id -> !samplesOf(id).isEmpty())
                        && status("silent").timeouts() > 0 && status("exception").exceptionResponses() > 0);
    }

    @BeforeEach
    void requireTools() {
        Assumptions.assumeTrue(missing == null, missing);
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (poller != null) {
            poller.close();
        }
        if (slave != null) {
            slave.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    @Test
    @Order(1)
    void decodesEveryTypeInEveryWordOrder() {
        for (String order : List.of("ABCD", "CDAB", "BADC", "DCBA")) {
            Map<Quantity, Reading> r = readings(samplesOf("order-" + order).get(0));
            assertGood(12.5, r.get(Quantity.FLOW), order + " float32");
            assertGood(-123456, r.get(Quantity.LEVEL), order + " int32");
            assertGood(3_000_000_000.0, r.get(Quantity.EC), order + " uint32");
        }
        Map<Quantity, Reading> abcd = readings(samplesOf("order-ABCD").get(0));
        assertGood(-1234, abcd.get(Quantity.TEMPERATURE), "int16");
        assertGood(54321, abcd.get(Quantity.PRESSURE), "uint16");
        assertGood(7.77, abcd.get(Quantity.PH), "input register 777, scale 0.01");
        assertEquals(6, abcd.size());
    }

    @Test
    @Order(2)
    void samplesCarryTheDeviceAndThePollStartTime() {
        Sample first = samplesOf("order-CDAB").get(0);
        assertEquals("order-CDAB", first.deviceId());
        assertEquals(0, first.statusFlags());
        DeviceStatus s = status("order-CDAB");
        assertNotNull(s.lastGoodPoll());
        assertTrue(first.sampleTimeMs() <= s.lastPoll().toEpochMilli());
        List<Quantity> order = first.readings().stream()
                .map(r -> Quantity.byCode(r.quantityCode()).orElseThrow()).toList();
        assertEquals(List.of(Quantity.FLOW, Quantity.LEVEL, Quantity.EC), order, "the profile's point order");
    }

    @Test
    @Order(3)
    void runsTheTriggerBeforeReadingAndMarksNanAndOutOfRangeBad() {
        Map<Quantity, Reading> r = readings(samplesOf("trigger").get(0));
        assertGood(31, r.get(Quantity.TURBIDITY), "the trigger wrote 31 into register 50 before the first read");
        assertEquals(0.0, r.get(Quantity.DO).value(), "NaN is recorded as 0");
        assertEquals(Quality.BAD, r.get(Quantity.DO).quality(), "NaN is BAD");
        assertEquals(12.5, r.get(Quantity.SS).value(), "a value outside its valid range is kept");
        assertEquals(Quality.BAD, r.get(Quantity.SS).quality(), "and marked BAD");
    }

    @Test
    @Order(4)
    void anExceptionResponseLosesOnlyItsPointAndIsReported() {
        Map<Quantity, Reading> r = readings(samplesOf("exception").get(0));
        assertGood(54321, r.get(Quantity.PRESSURE), "the register that exists is still read");
        assertFalse(r.containsKey(Quantity.CU), "the register the slave lacks is left out");
        DeviceStatus s = status("exception");
        assertEquals(LinkState.ONLINE, s.state());
        assertTrue(s.connected());
        assertTrue(s.exceptionResponses() >= 1);
        assertEquals("ILLEGAL_DATA_ADDRESS", s.lastException().name());
        assertTrue(s.lastError().contains("ILLEGAL_DATA_ADDRESS"), s.lastError());
        assertEquals(0, s.timeouts());
        assertNull(s.lastGoodPoll(), "no poll read every point");
    }

    @Test
    @Order(5)
    void aUnitNobodyAnswersTimesOutWithoutStoppingTheBus() {
        DeviceStatus s = status("silent");
        assertEquals(LinkState.NO_RESPONSE, s.state());
        assertFalse(s.connected());
        assertTrue(s.portOpen());
        assertTrue(s.timeouts() >= 1);
        assertEquals(0, s.samples());
        assertTrue(s.lastError().contains("no answer within 1000 ms"), s.lastError());
        assertFalse(samples.containsKey("silent"));
        long before = samplesOf("order-DCBA").size();
        awaitUntil("the bus keeps polling the others", () -> samplesOf("order-DCBA").size() > before);
    }

    @Test
    @Order(6)
    void reconnectsAfterThePortVanishes() throws Exception {
        slave.close();
        pty.close();
        awaitUntil("the poller notices the port is gone", () -> status("order-ABCD").state() == LinkState.PORT_DOWN);
        assertFalse(status("order-ABCD").portOpen());
        int before = samplesOf("order-ABCD").size();

        pty = new PtyPair(dir.resolve("ttyMaster"));
        slave = RtuSlave.start(python, dir, pty.first());
        awaitUntil("the poller reopens the port and polls again", () -> samplesOf("order-ABCD").size() > before
                && status("order-ABCD").state() == LinkState.ONLINE);
        assertGood(12.5, readings(samplesOf("order-ABCD").get(samplesOf("order-ABCD").size() - 1)).get(Quantity.FLOW),
                "after reconnecting");
    }

    @Test
    @Order(7)
    void closeStopsEveryBus() {
        poller.close();
        for (DeviceStatus s : poller.status()) {
            assertEquals(LinkState.STOPPED, s.state(), s.deviceId());
            assertFalse(s.portOpen(), s.deviceId());
        }
        poller.close();
    }

    private void writeProfiles() throws IOException {
        String[] orders = {"ABCD", "CDAB", "BADC", "DCBA"};
        for (int i = 0; i < orders.length; i++) {
            String extra = i == 0 ? """
                    ,
                    { "quantity": "TEMP", "function": 3, "register": 30, "type": "int16" },
                    { "quantity": "PRES", "function": 3, "register": 31, "type": "uint16" },
                    { "quantity": "PH", "function": 4, "register": 0, "type": "uint16", "scale": 0.01 }""" : "";
            Files.writeString(dir.resolve("order-" + orders[i] + ".json"), profile("word order " + orders[i],
                    i == 0 ? 10 : 0, "", """
                    { "quantity": "FLOW", "function": 3, "register": %d, "type": "float32", "wordOrder": "%s" },
                    { "quantity": "LEVEL", "function": 3, "register": %d, "type": "int32", "wordOrder": "%s" },
                    { "quantity": "EC", "function": 3, "register": %d, "type": "uint32", "wordOrder": "%s" }%s"""
                    .formatted(2 * i, orders[i], 10 + 2 * i, orders[i], 20 + 2 * i, orders[i], extra)));
        }
        Files.writeString(dir.resolve("trigger.json"), profile("trigger, NaN, range", 0,
                "\"trigger\": [ { \"function\": 6, \"register\": 50, \"value\": 31, \"waitMs\": 50 } ],", """
                { "quantity": "DO", "function": 3, "register": 40, "type": "float32", "wordOrder": "ABCD" },
                { "quantity": "TURB", "function": 3, "register": 50, "type": "uint16" },
                { "quantity": "SS", "function": 3, "register": 0, "type": "float32", "wordOrder": "ABCD",
                  "validRange": { "min": 0, "max": 10 } }"""));
        Files.writeString(dir.resolve("exception.json"), profile("missing register", 0, "", """
                { "quantity": "PRES", "function": 3, "register": 31, "type": "uint16" },
                { "quantity": "CU", "function": 3, "register": 5000, "type": "uint16" }"""));
        Files.writeString(dir.resolve("silent.json"), profile("nobody home", 0, "", """
                { "quantity": "PH", "function": 3, "register": 0, "type": "uint16" }"""));
    }

    private static String profile(String model, int maxGap, String trigger, String points) {
        return """
                { "manufacturer": "WaterChain test", "model": "%s",
                  "documentation": "src-test/src/test/resources/modbus/rtu_slave.py",
                  "serial": { "baud": 9600, "dataBits": 8, "parity": "NONE", "stopBits": 1 },
                  "defaultUnitId": 1, "addressBase": 0, "responseTimeoutMs": 1000, "maxGapRegisters": %d,
                  %s
                  "points": [ %s ] }
                """.formatted(model, maxGap, trigger, points);
    }

    private static String installation(String port) {
        StringBuilder devices = new StringBuilder();
        String[][] bindings = {
            {"order-ABCD", "1"}, {"order-CDAB", "2"}, {"order-BADC", "3"}, {"order-DCBA", "4"},
            {"trigger", "5"}, {"exception", "6"}, {"silent", "9"}};
        for (String[] b : bindings) {
            devices.append(devices.isEmpty() ? "" : ",\n").append("""
                    { "deviceId": "%s", "profile": "%s.json", "port": "%s", "unitId": %s, "pollIntervalSeconds": 0.2 }"""
                    .formatted(b[0], b[0], port, b[1]));
        }
        return "{ \"devices\": [\n" + devices + "\n] }\n";
    }

    private List<Sample> samplesOf(String deviceId) {
        return samples.getOrDefault(deviceId, List.of());
    }

    private DeviceStatus status(String deviceId) {
        return poller.status(deviceId).orElseThrow();
    }

    private static Map<Quantity, Reading> readings(Sample s) {
        Map<Quantity, Reading> m = new HashMap<>();
        for (Reading r : s.readings()) {
            m.put(Quantity.byCode(r.quantityCode()).orElseThrow(), r);
        }
        return m;
    }

    private static void assertGood(double expected, Reading r, String what) {
        assertNotNull(r, what + ": no reading");
        assertEquals(expected, r.value(), 1e-9, what);
        assertEquals(Quality.GOOD, r.quality(), what);
    }

    /** Waits for a condition the poller reaches on its own; the deadline only bounds a hang, it measures nothing. */
    private void awaitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting until " + what + "\nstatus: " + poller.status() + "\nslave output:\n"
                        + (slave == null ? "" : slave.output()) + "\nsocat:\n" + (pty == null ? "" : pty.log()));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting until " + what);
            }
        }
    }
}
