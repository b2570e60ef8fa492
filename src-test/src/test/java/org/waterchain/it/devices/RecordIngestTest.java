package org.waterchain.it.devices;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.devices.enroll.DeviceEnrollment;
import org.waterchain.devices.ingest.RecordIngest.Outcome;
import org.waterchain.devices.ingest.RejectReason;
import org.waterchain.devices.ingest.SigningSink;
import org.waterchain.devices.ingest.SourceStats;
import org.waterchain.devices.ingest.SystemAlarm;
import org.waterchain.devices.sample.Sample;
import org.waterchain.devices.signing.GatewayKeys;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.record.SignedRecord;
import org.waterchain.ledger.record.StatusFlags;
import org.waterchain.ledger.store.StoredRecord;

/**
 * The ingest on a real node: every refusal is counted per source, raises its system alarm and leaves the data
 * chain untouched; enrollment (and re-enrollment of a replaced device) is what lets a key in.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RecordIngestTest {
    @TempDir
    Path tmp;

    private static final String PORT = "/dev/ttyTEST";
    private static final List<Reading> READINGS = List.of(new Reading(Quantity.EC, 512.5), new Reading(Quantity.PH, 7.1));

    @Test
    void refusedRecordsAreCountedAlarmedAndNeverReachTheDataChain() throws Exception {
        try (DemoNode d = new DemoNode(tmp.resolve("node"))) {
            KeyPair device = d.genesis.deviceKeys().get("R04-A");
            long t0 = System.currentTimeMillis();
            Receipt ok = submitted(d.ingest.offer(PORT, record("R04-A", 5, t0, 0).sign(device)));
            assertTrue(ok.valid(), ok.reason());

            KeyPair stranger = KeyPair.generate();
            assertRejected(d.ingest.offer(PORT, record("X99-A", 1, t0, 0).sign(stranger)), RejectReason.UNKNOWN_DEVICE);
            assertRejected(d.ingest.offer(PORT, record("R04-A", 6, t0, 0).sign(stranger)), RejectReason.KEY_MISMATCH);
            assertRejected(d.ingest.offer(PORT, record("R04-A", 5, t0, 0).sign(device)), RejectReason.STALE_SEQUENCE);
            assertRejected(d.ingest.offer(PORT, record("R04-A", 4, t0, 0).sign(device)), RejectReason.STALE_SEQUENCE);
            assertRejected(d.ingest.offer(PORT, record("R04-A", 7, t0, StatusFlags.GATEWAY_SIGNED).sign(device)),
                    RejectReason.GATEWAY_FLAG_MISMATCH);
            SignedRecord forged = record("R04-A", 8, t0, 0).sign(device);
            byte[] sig = forged.signature();
            sig[10] ^= 4;
            assertRejected(d.ingest.offer(PORT, new SignedRecord(forged.body(), sig, forged.signerKey())), RejectReason.BAD_SIGNATURE);

            SourceStats s = d.ingest.stats(PORT);
            assertEquals(1, s.accepted());
            assertEquals(1, s.rejected(RejectReason.UNKNOWN_DEVICE));
            assertEquals(1, s.rejected(RejectReason.KEY_MISMATCH));
            assertEquals(2, s.rejected(RejectReason.STALE_SEQUENCE));
            assertEquals(1, s.rejected(RejectReason.GATEWAY_FLAG_MISMATCH));
            assertEquals(1, s.rejected(RejectReason.BAD_SIGNATURE));
            assertEquals(1, d.alarms(SystemAlarm.Kind.UNKNOWN_DEVICE).size());
            assertTrue(d.alarms(SystemAlarm.Kind.UNKNOWN_DEVICE).get(0).detail().contains("X99-A"));
            assertEquals(PORT, d.alarms(SystemAlarm.Kind.UNKNOWN_DEVICE).get(0).source());
            assertEquals(1, d.alarms(SystemAlarm.Kind.REPLACED_DEVICE).size());
            assertEquals(2, d.alarms(SystemAlarm.Kind.REPLAYED_RECORD).size());
            assertEquals(1, d.alarms(SystemAlarm.Kind.SIGNATURE_FAILURE).size());

            // only the one good record is on the data chain: no invalid entry was left there
            assertEquals(1, d.node.queries().count("entries") - genesisEntries(d));
            List<StoredRecord> r04 = d.node.queries().records("R04", Long.MIN_VALUE, Long.MAX_VALUE);
            assertEquals(1, r04.size());
            assertEquals(5, r04.get(0).record().seq());
        }
    }

    @Test
    void statusFlagsGoToTheLedgerAndRaiseTheirAlarms() throws Exception {
        try (DemoNode d = new DemoNode(tmp.resolve("node"))) {
            KeyPair device = d.genesis.deviceKeys().get("R10-A");
            long t0 = System.currentTimeMillis();
            int flags = StatusFlags.TAMPER | StatusFlags.LEAK | StatusFlags.LOW_BATTERY;
            assertTrue(submitted(d.ingest.offer(PORT, record("R10-A", 1, t0, flags).sign(device))).valid());
            assertEquals(flags, d.node.queries().records("R10", Long.MIN_VALUE, Long.MAX_VALUE).get(0).record().statusFlags());
            for (SystemAlarm.Kind k : List.of(SystemAlarm.Kind.DEVICE_TAMPERED, SystemAlarm.Kind.LEAK_SUSPECTED, SystemAlarm.Kind.LOW_BATTERY)) {
                assertEquals(1, d.alarms(k).size(), k.toString());
                assertEquals("R10-A", d.alarms(k).get(0).deviceId());
            }
            assertTrue(submitted(d.ingest.offer(PORT, record("R10-A", 2, t0 + 1, 0).sign(device))).valid());
            assertEquals(1, d.alarms(SystemAlarm.Kind.DEVICE_TAMPERED).size(), "a record without the flag raises nothing");
        }
    }

    @Test
    void aReplacedDeviceIsLetInOnlyAfterItIsRegisteredAgain() throws Exception {
        try (DemoNode d = new DemoNode(tmp.resolve("node"))) {
            KeyPair replacement = KeyPair.generate();
            long t0 = System.currentTimeMillis();
            assertRejected(d.ingest.offer(PORT, record("R06-A", 1, t0, 0).sign(replacement)), RejectReason.KEY_MISMATCH);

            DeviceEnrollment enrollment = new DeviceEnrollment(d.node, d.regulator, d.ingest);
            Receipt reg = enrollment.enroll("R06-A", "R06", replacement.publicKey(), "WC-SN1 1.0.0").get(30, TimeUnit.SECONDS);
            assertTrue(reg.valid(), reg.reason());
            assertTrue(submitted(d.ingest.offer(PORT, record("R06-A", 1, t0, 0).sign(replacement))).valid());
            // the old key lost its right to sign
            assertRejected(d.ingest.offer(PORT, record("R06-A", 2, t0, 0).sign(d.genesis.deviceKeys().get("R06-A"))),
                    RejectReason.KEY_MISMATCH);

            Receipt retired = enrollment.retire("R06-A").get(30, TimeUnit.SECONDS);
            assertTrue(retired.valid(), retired.reason());
            assertRejected(d.ingest.offer(PORT, record("R06-A", 3, t0, 0).sign(replacement)), RejectReason.RETIRED_DEVICE);
        }
    }

    @Test
    void gatewaySignedDevicesGetTheirOwnDerivedKeyAndTheFlag() throws Exception {
        try (DemoNode d = new DemoNode(tmp.resolve("node"))) {
            KeyPair gateway = KeyPair.generate();
            DeviceEnrollment enrollment = new DeviceEnrollment(d.node, d.regulator, d.ingest);
            for (String id : List.of("R09-EC", "R09-PH")) {
                Receipt r = enrollment.enrollGatewaySigned(id, "R09", gateway, "Modbus transmitter").get(30, TimeUnit.SECONDS);
                assertTrue(r.valid(), r.reason());
            }
            SigningSink sink = SigningSink.gateway(d.ingest, "modbus:/dev/ttyUSB0", gateway);
            long t0 = System.currentTimeMillis();
            for (int i = 0; i < 3; i++) {
                for (String id : List.of("R09-EC", "R09-PH")) {
                    assertTrue(submitted(sink.offer(new Sample(id, t0 + i * 60_000L, READINGS))).valid());
                }
            }
            List<StoredRecord> r09 = d.node.queries().records("R09", Long.MIN_VALUE, Long.MAX_VALUE);
            assertEquals(6, r09.size());
            for (StoredRecord r : r09) {
                assertTrue(StatusFlags.has(r.record().statusFlags(), StatusFlags.GATEWAY_SIGNED));
                assertArrayEquals(GatewayKeys.deviceKey(gateway, r.record().deviceId()).publicKey(), r.entry().signed().signerKey());
            }
            // a restarted poller's new signer continues above what is still in flight instead of reusing it
            Outcome inFlight = sink.offer(new Sample("R09-EC", t0 + 9 * 60_000L, READINGS));
            SigningSink again = SigningSink.gateway(d.ingest, "modbus:/dev/ttyUSB0", gateway);
            Outcome next = again.offer(new Sample("R09-EC", t0 + 10 * 60_000L, READINGS));
            assertTrue(submitted(inFlight).valid());
            assertTrue(submitted(next).valid());
            assertEquals(0, d.ingest.stats("modbus:/dev/ttyUSB0").rejectedTotal());
        }
    }

    private static long genesisEntries(DemoNode d) {
        return d.genesis.blocks().stream().mapToLong(b -> b.entries().size()).sum();
    }

    private static SensorRecord record(String device, long seq, long time, int flags) {
        return new SensorRecord(device, seq, time, flags, READINGS);
    }

    private static Receipt submitted(Outcome o) throws Exception {
        Outcome.Submitted s = assertInstanceOf(Outcome.Submitted.class, o, () -> o.toString());
        return s.receipt().get(30, TimeUnit.SECONDS);
    }

    private static void assertRejected(Outcome o, RejectReason expected) {
        Outcome.Rejected r = assertInstanceOf(Outcome.Rejected.class, o);
        assertEquals(expected, r.reason(), r.detail());
    }
}
