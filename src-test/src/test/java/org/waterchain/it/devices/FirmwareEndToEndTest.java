package org.waterchain.it.devices;

import static org.junit.jupiter.api.Assertions.*;
import static org.waterchain.it.devices.SerialDriverPtyTest.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.devices.enroll.DeviceEnrollment;
import org.waterchain.devices.ingest.RejectReason;
import org.waterchain.devices.ingest.SystemAlarm;
import org.waterchain.devices.sensornode.SensorNodeDriver;
import org.waterchain.devices.serial.PortSettings;
import org.waterchain.devices.wire.WireMessage;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.record.StatusFlags;
import org.waterchain.ledger.store.StoredRecord;

/**
 * End to end with real parts: the firmware's host simulator on its own pty, the jSerialComm driver, the ingest,
 * a real node. An installer plugs in a new sensor node, whose first records are refused as unknown; enrolls it
 * from its HELLO; its records then reach the data chain byte for byte as the device signed them. The device
 * is replaced: the new one is refused until it is enrolled again.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FirmwareEndToEndTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needsTheSimulator() {
        FirmwareSimulator.assumeBuilt();
    }

    @Test
    void simulatorToPtyToDriverToLedgerToQuery() throws Exception {
        try (DemoNode d = new DemoNode(tmp.resolve("node"))) {
            DeviceEnrollment enrollment = new DeviceEnrollment(d.node, d.regulator, d.ingest);
            int count = 12;
            try (FirmwareSimulator sim = new FirmwareSimulator("--station", "R09", "--device", "R09-B", "--interval-ms", "400",
                    "--count", String.valueOf(count), "--state-dir", tmp.resolve("sensor1").toString());
                 SensorNodeDriver driver = new SensorNodeDriver(sim.pty, PortSettings.FIRMWARE, d.ingest, System::currentTimeMillis).start()) {
                waitFor(() -> driver.status().lastHello() != null, "the sensor node's HELLO");
                WireMessage.Hello hello = driver.status().lastHello();
                assertEquals("R09-B", hello.deviceId());
                assertEquals(sim.keyHex, Hex.of(hello.publicKey()));
                waitFor(() -> d.ingest.stats(sim.pty).rejected(RejectReason.UNKNOWN_DEVICE) >= 1, "an unenrolled device is refused");
                waitFor(() -> !d.alarms(SystemAlarm.Kind.UNKNOWN_DEVICE).isEmpty(), "and raises a system alarm");

                Receipt r = enrollment.enroll(hello, "R09").get(30, TimeUnit.SECONDS);
                assertTrue(r.valid(), r.reason());
                assertTrue(sim.waitForExit(60), "the simulator sends its records and exits");
                assertEquals(0, sim.exitValue());
                waitFor(() -> sim.sent.size() == count, "the simulator reported every record it sent");
                waitFor(() -> d.ingest.stats(sim.pty).accepted() + d.ingest.stats(sim.pty).rejectedTotal() == count,
                        "every record accounted for");
                assertEquals(0, d.ingest.stats(sim.pty).rejectedTotal() - d.ingest.stats(sim.pty).rejected(RejectReason.UNKNOWN_DEVICE),
                        "no other refusal: " + d.ingest.stats(sim.pty));
                assertTrue(d.ingest.stats(sim.pty).accepted() >= count / 2, "most records come after the enrollment");

                List<StoredRecord> stored = waitForRecords(d, "R09-B", (int) d.ingest.stats(sim.pty).accepted());
                for (StoredRecord s : stored) {
                    SensorRecord rec = s.record();
                    String sentHex = sim.sent.get(rec.seq());
                    assertNotNull(sentHex, "the simulator sent seq " + rec.seq());
                    // body (values, times, flags) and signature exactly as the device made them
                    assertEquals(sentHex, Hex.of(new WireMessage.RecordMessage(s.entry().signed()).encode()), "seq " + rec.seq());
                    assertTrue(s.entry().signed().signatureValid());
                    assertEquals("R09", s.stationId());
                    assertFalse(StatusFlags.has(rec.statusFlags(), StatusFlags.CLOCK_UNSYNCED), "the driver set the device clock");
                    assertTrue(Math.abs(rec.sampleTimeMs() - s.entry().receiptTimeMs()) < 60_000,
                            "device time close to the node's: " + rec.sampleTimeMs() + " vs " + s.entry().receiptTimeMs());
                    assertEquals(7, rec.readings().size(), "a regular station's seven quantities");
                }
                long max = stored.stream().mapToLong(s -> s.record().seq()).max().orElseThrow();
                assertEquals(count, max, "sequence numbers run 1..count");
            }

            // The sensor node is swapped for a new one with a new key but the same device id.
            try (FirmwareSimulator replacement = new FirmwareSimulator("--station", "R09", "--device", "R09-B", "--interval-ms", "300",
                    "--state-dir", tmp.resolve("sensor2").toString());
                 SensorNodeDriver driver = new SensorNodeDriver(replacement.pty, PortSettings.FIRMWARE, d.ingest, System::currentTimeMillis).start()) {
                waitFor(() -> d.ingest.stats(replacement.pty).rejected(RejectReason.KEY_MISMATCH) >= 2, "the replaced device is refused");
                waitFor(() -> !d.alarms(SystemAlarm.Kind.REPLACED_DEVICE).isEmpty(), "a replaced-device alarm");
                Receipt again = enrollment.enroll(driver.status().lastHello(), "R09").get(30, TimeUnit.SECONDS);
                assertTrue(again.valid(), again.reason());
                waitFor(() -> bySigner(d).getOrDefault(replacement.keyHex, 0L) >= 2, "the new device's records on the data chain");
                Map<String, Long> bySigner = bySigner(d);
                assertEquals(2, bySigner.size(), "records of both devices, each under its own key: " + bySigner);
                assertTrue(bySigner.containsKey(replacement.keyHex));
            }
        }
    }

    private static Map<String, Long> bySigner(DemoNode d) {
        Map<String, Long> out = new java.util.HashMap<>();
        for (StoredRecord s : d.node.queries().records("R09", Long.MIN_VALUE, Long.MAX_VALUE)) {
            out.merge(Hex.of(s.entry().signed().signerKey()), 1L, Long::sum);
        }
        return out;
    }

    private static List<StoredRecord> waitForRecords(DemoNode d, String device, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            List<StoredRecord> r = d.node.queries().records("R09", Long.MIN_VALUE, Long.MAX_VALUE).stream()
                    .filter(s -> s.record().deviceId().equals(device)).toList();
            if (r.size() >= n || System.nanoTime() > deadline) {
                assertEquals(n, r.size(), "records of " + device + " on the data chain");
                return r;
            }
            Thread.sleep(50);
        }
    }
}
