package org.waterchain.devices.ingest;

import org.waterchain.devices.wire.FrameError;

/** Why something a device sent never reached the data chain. Each is counted per source. */
public enum RejectReason {
    BAD_COBS(SystemAlarm.Kind.BAD_FRAMES),
    SHORT_FRAME(SystemAlarm.Kind.BAD_FRAMES),
    FRAME_TOO_LONG(SystemAlarm.Kind.BAD_FRAMES),
    BAD_CRC(SystemAlarm.Kind.BAD_FRAMES),
    UNKNOWN_MESSAGE_TYPE(SystemAlarm.Kind.MALFORMED_MESSAGE),
    MALFORMED_MESSAGE(SystemAlarm.Kind.MALFORMED_MESSAGE),
    BAD_SIGNATURE(SystemAlarm.Kind.SIGNATURE_FAILURE),
    /** No registered device has this id or key. */
    UNKNOWN_DEVICE(SystemAlarm.Kind.UNKNOWN_DEVICE),
    /** The device id is registered with another key: a replaced device that was not registered again, or a forgery. */
    KEY_MISMATCH(SystemAlarm.Kind.REPLACED_DEVICE),
    RETIRED_DEVICE(SystemAlarm.Kind.RETIRED_DEVICE),
    /** Sequence number not above the last one accepted for this key: a replayed or old record. */
    STALE_SEQUENCE(SystemAlarm.Kind.REPLAYED_RECORD),
    GATEWAY_FLAG_MISMATCH(SystemAlarm.Kind.REFUSED_RECORD),
    UNKNOWN_QUANTITY(SystemAlarm.Kind.REFUSED_RECORD),
    /** Passed every check here but the ledger's rules refused it (the registry changed in between). */
    LEDGER_REFUSED(SystemAlarm.Kind.REFUSED_RECORD);

    private final SystemAlarm.Kind alarm;

    RejectReason(SystemAlarm.Kind alarm) {
        this.alarm = alarm;
    }

    public SystemAlarm.Kind alarm() {
        return alarm;
    }

    /** Null for an empty frame, which is how a sender flushes the line and is no error. */
    public static RejectReason of(FrameError e) {
        return switch (e) {
            case EMPTY -> null;
            case COBS -> BAD_COBS;
            case SHORT -> SHORT_FRAME;
            case TOO_LONG -> FRAME_TOO_LONG;
            case CRC -> BAD_CRC;
        };
    }
}
