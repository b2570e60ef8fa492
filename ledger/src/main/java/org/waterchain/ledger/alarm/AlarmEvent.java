package org.waterchain.ledger.alarm;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.waterchain.ledger.codec.CanonicalReader;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.codec.DecodeException;

/**
 * One transition of an alarm, journaled on the value chain so the alarm history is tamper-evident: who raised,
 * acknowledged, shelved or cleared what, when, and why. Body layout (docs/encoding.md):
 * <pre>
 * u8 version=1 | i64 nonce | text alarmId | u8 action | text source | text condition | u8 priority
 * | bool hasValue [f64 value] | i64 eventTimeMs | text operator | text comment | i64 shelvedUntilMs
 * </pre>
 * Decoding checks only the structure; whether the fields are in range is a rule of the ledger
 * ({@code AlarmRules}), so an out-of-range entry still lands in its block, invalid with its reason.
 *
 * @param alarmId        the alarm (a point and its condition, e.g. "R04 EC HIGH"), the same across its occurrences
 * @param source         where: a station id, or a device or port for system alarms
 * @param condition      what: e.g. "EC HIGH", "DEVICE_SILENT"
 * @param priority       1 low, 2 medium, 3 high, 4 critical
 * @param value          the process value that raised or cleared it; NaN when there is none
 * @param eventTimeMs    when it happened on the session's clock (the demo clock in the demo)
 * @param operator       who acted; empty for transitions the alarm system made by itself
 * @param shelvedUntilMs when a shelve ends; 0 unless the action is SHELVE
 */
public record AlarmEvent(long nonce, String alarmId, AlarmAction action, String source, String condition, int priority,
        double value, long eventTimeMs, String operator, String comment, long shelvedUntilMs) {
    public static final int VERSION = 1;
    public static final int PRIORITY_LOW = 1;
    public static final int PRIORITY_MEDIUM = 2;
    public static final int PRIORITY_HIGH = 3;
    public static final int PRIORITY_CRITICAL = 4;
    public static final int MAX_ALARM_ID_BYTES = 200;
    public static final int MAX_SOURCE_BYTES = 128;
    public static final int MAX_CONDITION_BYTES = 64;
    public static final int MAX_OPERATOR_BYTES = 64;
    public static final int MAX_COMMENT_BYTES = 256;

    public AlarmEvent {
        Objects.requireNonNull(alarmId, "alarmId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(comment, "comment");
        if (priority < 0 || priority > 0xFF) {
            throw new IllegalArgumentException("priority " + priority + " does not fit the encoding's u8");
        }
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("alarm value must be finite or absent (NaN), got " + value);
        }
    }

    public boolean hasValue() {
        return !Double.isNaN(value);
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(160).u8(VERSION).i64(nonce).text(alarmId).u8(action.code())
                .text(source).text(condition).u8(priority).bool(hasValue());
        if (hasValue()) {
            w.f64(value);
        }
        return w.i64(eventTimeMs).text(operator).text(comment).i64(shelvedUntilMs).toByteArray();
    }

    public static AlarmEvent decode(byte[] body) {
        CanonicalReader r = new CanonicalReader(body);
        int version = r.u8("alarm.version");
        if (version != VERSION) {
            throw new DecodeException("alarm.version: unsupported " + version);
        }
        long nonce = r.i64("alarm.nonce");
        String alarmId = r.text("alarm.id");
        int code = r.u8("alarm.action");
        AlarmAction action = AlarmAction.byCode(code)
                .orElseThrow(() -> new DecodeException("alarm.action: unknown action " + code));
        String source = r.text("alarm.source");
        String condition = r.text("alarm.condition");
        int priority = r.u8("alarm.priority");
        double value = r.bool("alarm.hasValue") ? r.f64("alarm.value") : Double.NaN;
        long eventTime = r.i64("alarm.eventTime");
        String operator = r.text("alarm.operator");
        String comment = r.text("alarm.comment");
        long shelvedUntil = r.i64("alarm.shelvedUntil");
        r.expectEnd("alarm event");
        return new AlarmEvent(nonce, alarmId, action, source, condition, priority, value, eventTime, operator, comment,
                shelvedUntil);
    }

    public static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    public static String priorityName(int priority) {
        return switch (priority) {
            case PRIORITY_LOW -> "low";
            case PRIORITY_MEDIUM -> "medium";
            case PRIORITY_HIGH -> "high";
            case PRIORITY_CRITICAL -> "critical";
            default -> "priority " + priority;
        };
    }
}
