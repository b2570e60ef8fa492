package org.waterchain.devices.wire;

import org.waterchain.ledger.codec.CanonicalReader;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.record.SignedRecord;

/** The messages of docs/wire.md, one per frame payload. */
public sealed interface WireMessage {
    int PROTOCOL = 1;

    byte[] encode();

    /** A signed sensor record: what the ledger receives, with the key that signed it. */
    record RecordMessage(SignedRecord signed) implements WireMessage {
        public static final int TYPE = 0x01;

        public byte[] encode() {
            return new CanonicalWriter(512).u8(TYPE).bytes16(signed.body()).raw(signed.signature()).raw(signed.signerKey()).toByteArray();
        }
    }

    /** What a device says about itself at start and when asked; enrollment reads it. */
    record Hello(int protocol, String deviceId, byte[] publicKey, String model, String firmware, long intervalSeconds)
            implements WireMessage {
        public static final int TYPE = 0x02;

        public Hello {
            publicKey = publicKey.clone();
        }

        public byte[] encode() {
            return new CanonicalWriter(160).u8(TYPE).u8(protocol).text(deviceId).raw(publicKey).text(model).text(firmware)
                    .u32(intervalSeconds).toByteArray();
        }
    }

    /** Sets the device's clock. */
    record TimeSync(long unixTimeMs) implements WireMessage {
        public static final int TYPE = 0x10;

        public byte[] encode() {
            return new CanonicalWriter(9).u8(TYPE).i64(unixTimeMs).toByteArray();
        }
    }

    /** Asks the device for a HELLO. */
    record HelloRequest() implements WireMessage {
        public static final int TYPE = 0x11;

        public byte[] encode() {
            return new byte[] {TYPE};
        }
    }

    /** Why a good frame's payload is not a message we accept. */
    final class MalformedMessage extends Exception {
        private final boolean unknownType;

        MalformedMessage(String message, boolean unknownType) {
            super(message, null, false, false);
            this.unknownType = unknownType;
        }

        /** True when the type byte is unknown; false when the fields do not parse. */
        public boolean unknownType() {
            return unknownType;
        }
    }

    /**
     * Parses a frame's payload. A RECORD's body must decode as a sensor record (its signature is checked by the
     * caller, who counts it separately).
     */
    static WireMessage parse(byte[] buf, int len) throws MalformedMessage {
        if (len == 0) {
            throw new MalformedMessage("empty payload: no message type", false);
        }
        int type = buf[0] & 0xFF;
        CanonicalReader r = new CanonicalReader(buf, 1, len - 1);
        try {
            WireMessage m = switch (type) {
                case RecordMessage.TYPE -> {
                    byte[] body = r.bytes16("record.body");
                    SensorRecord.decode(body);
                    yield new RecordMessage(new SignedRecord(body, r.raw(64, "record.signature"), r.raw(32, "record.publicKey")));
                }
                case Hello.TYPE -> new Hello(r.u8("hello.protocol"), r.text("hello.deviceId"), r.raw(32, "hello.publicKey"),
                        r.text("hello.model"), r.text("hello.firmware"), r.u32("hello.interval"));
                case TimeSync.TYPE -> new TimeSync(r.i64("time.unixTimeMs"));
                case HelloRequest.TYPE -> new HelloRequest();
                default -> throw new MalformedMessage(String.format("unknown message type 0x%02x", type), true);
            };
            r.expectEnd(String.format("message 0x%02x", type));
            if (m instanceof Hello h) {
                checkHello(h);
            }
            return m;
        } catch (DecodeException e) {
            throw new MalformedMessage(e.getMessage(), false);
        }
    }

    /** The same rules as the firmware's: this protocol, and a device id a record could carry. */
    private static void checkHello(Hello h) throws MalformedMessage {
        if (h.protocol() != PROTOCOL) {
            throw new MalformedMessage("hello: protocol " + h.protocol() + " is not " + PROTOCOL, false);
        }
        if (!SensorRecord.isValidDeviceId(h.deviceId())) {
            throw new MalformedMessage("hello: " + SensorRecord.DEVICE_ID_RULE + ": '" + h.deviceId() + "'", false);
        }
    }

    static WireMessage parse(byte[] payload) throws MalformedMessage {
        return parse(payload, payload.length);
    }
}
