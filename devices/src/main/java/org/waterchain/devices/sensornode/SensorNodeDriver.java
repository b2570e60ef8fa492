package org.waterchain.devices.sensornode;

import java.util.Arrays;
import java.util.Map;
import java.util.function.LongSupplier;
import org.waterchain.devices.ingest.RecordIngest;
import org.waterchain.devices.serial.PortSettings;
import org.waterchain.devices.serial.SerialLink;
import org.waterchain.devices.wire.FrameDecoder;
import org.waterchain.devices.wire.FrameError;
import org.waterchain.devices.wire.Frames;
import org.waterchain.devices.wire.WireMessage;
import org.waterchain.devices.wire.WireMessage.Hello;
import org.waterchain.devices.wire.WireMessage.HelloRequest;
import org.waterchain.devices.wire.WireMessage.MalformedMessage;
import org.waterchain.devices.wire.WireMessage.RecordMessage;
import org.waterchain.devices.wire.WireMessage.TimeSync;

/**
 * Driver for the project's own sensor node on one serial port: frames in, records to the ingest, the device's
 * HELLO kept for enrollment, and on every (re)connection a HELLO request and the node's time, so a device with
 * no battery-backed clock gets set.
 */
public final class SensorNodeDriver implements AutoCloseable {
    /** An immutable view for the devices screen. */
    public record Status(SerialLink.Status link, Hello lastHello, long goodFrames, Map<FrameError, Long> frameErrors) {}

    private final RecordIngest ingest;
    private final LongSupplier clock;
    private final SerialLink link;
    private final FrameDecoder decoder;
    private static final long GREETING_RETRY_NS = 3_000_000_000L;
    private static final long TIME_RESYNC_NS = 3_600_000_000_000L;

    private volatile Hello lastHello;
    /** Owned by the link's thread. */
    private boolean helloSinceOpen;
    private long greetedAt;
    private volatile long goodFrames;
    private volatile Map<FrameError, Long> frameErrors = Map.of();

    public SensorNodeDriver(String path, PortSettings settings, RecordIngest ingest, LongSupplier clock) {
        this.ingest = ingest;
        this.clock = clock;
        this.decoder = new FrameDecoder(new FrameDecoder.Listener() {
            @Override
            public void payload(byte[] buf, int len) {
                onPayload(buf, len);
            }

            @Override
            public void rejected(FrameError e) {
                frameErrors = SensorNodeDriver.this.decoder.rejectedFrames();
                ingest.frameRejected(path, e);
            }
        });
        this.link = new SerialLink(path, settings, new SerialLink.Handler() {
            @Override
            public void opened(SerialLink l) {
                decoder.reset();
                helloSinceOpen = false;
                greet();
            }

            @Override
            public void tick(SerialLink l) {
                long now = System.nanoTime();
                // A device that was not listening yet (booting, or nobody at the far end of a pty) missed the
                // greeting: repeat it until it answers, and keep its clock set.
                if (!helloSinceOpen && now - greetedAt > GREETING_RETRY_NS || now - greetedAt > TIME_RESYNC_NS) {
                    greet();
                }
            }

            @Override
            public void received(byte[] buf, int n) {
                decoder.feed(buf, 0, n);
            }

            @Override
            public void lost(String why) {
                ingest.linkLost(path, why);
            }
        });
    }

    public SensorNodeDriver start() {
        link.start();
        return this;
    }

    private void onPayload(byte[] buf, int len) {
        goodFrames = decoder.goodFrames();
        try {
            dispatch(buf, len);
        } catch (RuntimeException e) {
            // A fault behind one frame (the node's storage, say) must not cost the link or the frames after it.
            ingest.messageRejected(link.path(), false, "frame could not be handled: " + e);
        }
    }

    private void dispatch(byte[] buf, int len) {
        WireMessage m;
        try {
            m = WireMessage.parse(Arrays.copyOf(buf, len), len);
        } catch (MalformedMessage e) {
            ingest.messageRejected(link.path(), e.unknownType(), e.getMessage());
            return;
        }
        if (m instanceof RecordMessage r) {
            ingest.offer(link.path(), r.signed());
        } else if (m instanceof Hello h) {
            lastHello = h;
            helloSinceOpen = true;
            if (h.intervalSeconds() > 0) {
                ingest.expect(h.deviceId(), link.path(), h.intervalSeconds() * 1000);
            }
        }
        // TIME and HELLO_REQUEST travel the other way; a device echoing them is harmless.
    }

    private void greet() {
        greetedAt = System.nanoTime();
        send(new HelloRequest());
        send(new TimeSync(clock.getAsLong()));
    }

    /** Frames and writes one message; false when the port is not open. */
    public boolean send(WireMessage m) {
        return link.write(Frames.encode(m.encode()));
    }

    public String path() {
        return link.path();
    }

    public Status status() {
        return new Status(link.status(), lastHello, goodFrames, frameErrors);
    }

    @Override
    public void close() {
        link.close();
    }
}
