package org.waterchain.it.devices;

import static org.junit.jupiter.api.Assertions.*;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.devices.ingest.RejectReason;
import org.waterchain.devices.ingest.SourceStats;
import org.waterchain.devices.ingest.SystemAlarm;
import org.waterchain.devices.sensornode.SensorNodeDriver;
import org.waterchain.devices.serial.LinkState;
import org.waterchain.devices.serial.PortSettings;
import org.waterchain.devices.wire.FrameDecoder;
import org.waterchain.devices.wire.Frames;
import org.waterchain.devices.wire.WireMessage;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.SensorRecord;

/**
 * The jSerialComm driver on a real pseudo-terminal pair: it greets the device with a HELLO request and the
 * time, finds its footing again after line noise, and when the far end vanishes it reconnects by itself once
 * the port comes back under the same name.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SerialDriverPtyTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needsSocat() {
        SocatPtyPair.assumeSocat();
    }

    @Test
    void resynchronisesOnGarbageAndReconnectsWhenTheFarEndVanishes() throws Exception {
        try (DemoNode d = new DemoNode(tmp.resolve("node")); SocatPtyPair pty = new SocatPtyPair(tmp).start()) {
            KeyPair key = d.genesis.deviceKeys().get("R07-A");
            String port = pty.device.toString();
            try (SensorNodeDriver driver = new SensorNodeDriver(port, PortSettings.FIRMWARE, d.ingest, System::currentTimeMillis).start()) {
                Peer peer = new Peer(pty.peer);
                assertInstanceOf(WireMessage.HelloRequest.class, peer.next(), "the driver asks for a HELLO on connect");
                WireMessage.TimeSync time = assertInstanceOf(WireMessage.TimeSync.class, peer.next());
                assertTrue(Math.abs(time.unixTimeMs() - System.currentTimeMillis()) < 60_000);

                byte[] noise = new byte[3000];
                new SplittableRandom(7).nextBytes(noise);
                peer.write(noise);
                peer.write(new byte[] {0});
                peer.write(frame(key, 1));
                waitFor(() -> d.ingest.stats(port).accepted() == 1, "record 1 accepted after the noise");
                SourceStats s = d.ingest.stats(port);
                assertTrue(s.rejectedTotal() > 0, "the noise was counted: " + s);
                assertFalse(d.alarms(SystemAlarm.Kind.BAD_FRAMES).isEmpty(), "bad frames raise a system alarm");

                peer.close();
                pty.kill();
                waitFor(() -> driver.status().link().state() != LinkState.OPEN, "the driver notices the far end is gone");
                waitFor(() -> !d.alarms(SystemAlarm.Kind.LINK_LOST).isEmpty(), "a link-lost alarm");

                pty.start();
                waitFor(() -> driver.status().link().state() == LinkState.OPEN && driver.status().link().opens() == 2,
                        "the driver reopens the port under the same name");
                Peer again = new Peer(pty.peer);
                assertInstanceOf(WireMessage.HelloRequest.class, again.next());
                again.write(frame(key, 2));
                again.write(frame(key, 2));
                waitFor(() -> d.ingest.stats(port).accepted() == 2, "record 2 accepted after the reconnect");
                waitFor(() -> d.ingest.stats(port).rejected(RejectReason.STALE_SEQUENCE) == 1, "the repeated record is a replay");
                again.close();
            }
            List<Long> seqs = d.node.queries().records("R07", Long.MIN_VALUE, Long.MAX_VALUE).stream()
                    .map(r -> r.record().seq()).toList();
            assertEquals(List.of(1L, 2L), seqs);
        }
    }

    private static byte[] frame(KeyPair key, long seq) {
        SensorRecord r = new SensorRecord("R07-A", seq, System.currentTimeMillis(), 0,
                List.of(new Reading(Quantity.EC, 431.0), new Reading(Quantity.PH, 7.3)));
        return Frames.encode(new WireMessage.RecordMessage(r.sign(key)).encode());
    }

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The device's end of the line, opened as a plain file; frames it receives are decoded on a thread. */
    static final class Peer implements AutoCloseable {
        private final FileOutputStream out;
        private final FileInputStream in;
        private final BlockingQueue<WireMessage> received = new LinkedBlockingQueue<>();

        Peer(Path path) throws IOException {
            out = new FileOutputStream(path.toFile());
            in = new FileInputStream(path.toFile());
            FrameDecoder dec = new FrameDecoder((buf, len) -> {
                try {
                    received.add(WireMessage.parse(java.util.Arrays.copyOf(buf, len)));
                } catch (WireMessage.MalformedMessage e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread t = new Thread(() -> {
                byte[] b = new byte[512];
                try {
                    int n;
                    while ((n = in.read(b)) > 0) {
                        dec.feed(b, 0, n);
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "pty peer");
            t.setDaemon(true);
            t.start();
        }

        WireMessage next() throws InterruptedException {
            WireMessage m = received.poll(30, TimeUnit.SECONDS);
            assertNotNull(m, "nothing received from the driver");
            return m;
        }

        void write(byte[] b) throws IOException {
            out.write(b);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
            in.close();
        }
    }
}
