package org.waterchain.app.alarm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.waterchain.app.session.LiveRecord;
import org.waterchain.app.standards.Standard;
import org.waterchain.app.standards.Standards;
import org.waterchain.devices.ingest.SystemAlarm;
import org.waterchain.ledger.alarm.AlarmAction;
import org.waterchain.ledger.alarm.AlarmEvent;
import org.waterchain.ledger.alarm.JournaledAlarm;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.StatusFlags;

/**
 * The alarm system (ISA-18.2 / IEC 62682) without threads or toolkit: process values and system alarms in,
 * alarm states out, every transition of the standard's state diagram handed to the {@link AlarmJournal}.
 *
 * <p>Process alarms come from the standards on the ledger: for each station and each quantity with a
 * standard, HIGH above its maximum and LOW below its minimum. A limit must stay exceeded for the on-delay
 * before the alarm raises, and the value must stay back inside the limit by the deadband for the off-delay
 * before it returns to normal, so a value hovering at the limit does not chatter. Delays count samples, or
 * time between sample times, on the session's clock. System alarms (device silent, signature failure...)
 * raise at once (the ingest folds their repeats already) and clear on their own signal: a record from the
 * silent device, a record without the tamper flag, or else an hour without a repeat.
 *
 * <p>Not thread-safe: one thread owns it ({@link AlarmService} in the app, the test in tests). Time is always
 * passed in, never read from the wall clock.
 */
public final class AlarmEngine {
    private static final Comparator<Alarm> URGENCY = Comparator.<Alarm>comparingInt(a -> rank(a.state))
            .thenComparing(a -> a.priority, Comparator.reverseOrder())
            .thenComparing(a -> a.timeMs, Comparator.reverseOrder())
            .thenComparing(a -> a.id);

    private final AlarmSettings settings;
    private final AlarmJournal journal;
    private final Map<String, Alarm> alarms = new LinkedHashMap<>();
    private Standards standards;
    private Map<Quantity, List<LimitAlarm>> limits = Map.of();
    private long version;
    private long highPriorityRaises;

    public AlarmEngine(AlarmSettings settings, AlarmJournal journal) {
        this.settings = settings;
        this.journal = journal;
    }

    /** The standards in force; a changed standard moves its alarms' limits from their next sample on. */
    public void setStandards(Standards s) {
        if (s == standards) {
            return;
        }
        standards = s;
        Map<Quantity, List<LimitAlarm>> m = new EnumMap<>(Quantity.class);
        for (Standard st : s.byQuantity().values()) {
            m.put(st.quantity(), LimitAlarm.of(st, settings));
        }
        limits = m;
    }

    // ---- inputs ----

    /** One block's committed records. */
    public void onRecords(List<LiveRecord> records, long now) {
        for (LiveRecord r : records) {
            clearDeviceAlarms(r, now);
            if (r.stationId() == null || r.stationId().equals("?")) {
                continue; // an unregistered device: its own system alarm says so
            }
            for (Reading reading : r.readings()) {
                Quantity q = Quantity.byCode(reading.quantityCode()).orElse(null);
                List<LimitAlarm> defs = q == null ? null : limits.get(q);
                if (defs == null) {
                    continue;
                }
                for (LimitAlarm def : defs) {
                    String id = r.stationId() + " " + def.condition();
                    Alarm a = alarms.computeIfAbsent(id, k -> new Alarm(k, r.stationId(), def.condition(), false, null,
                            AlarmPriority.HIGH));
                    a.limit = def;
                    sample(a, def, reading, r.sampleTimeMs(), now);
                }
            }
        }
    }

    public void onSystemAlarm(SystemAlarm sa, long now) {
        String source = fit(sa.deviceId() != null ? sa.deviceId() : sa.source(), AlarmEvent.MAX_SOURCE_BYTES);
        String condition = sa.kind().name();
        Alarm a = alarms.computeIfAbsent(source + " " + condition,
                id -> new Alarm(id, source, condition, true, sa.kind(), priorityOf(sa.kind())));
        a.lastOccurrenceMs = now;
        if (a.active) {
            a.occurrences += Math.max(1, sa.occurrences());
            changed();
            return;
        }
        a.occurrences = Math.max(1, sa.occurrences());
        a.active = true;
        conditionActive(a, priorityOf(sa.kind()), Double.NaN, now, clip(cleanComment(sa.detail()), AlarmEvent.MAX_COMMENT_BYTES));
    }

    /** Ends shelves that expired and clears system alarms that stayed quiet; call it as the session's clock moves. */
    public void tick(long now) {
        for (Alarm a : alarms.values()) {
            if (a.state == AlarmState.SHELVED && a.shelvedUntil <= now) {
                reveal(a, AlarmAction.UNSHELVE, "", "shelve expired", now);
            }
            if (a.system && a.active && !clearsByRecords(a.kind) && now - a.lastOccurrenceMs >= settings.systemQuietMs()) {
                a.active = false;
                conditionCleared(a, now);
            }
        }
    }

    /** Priorities of system alarms: security before availability before line noise. */
    public static AlarmPriority priorityOf(SystemAlarm.Kind kind) {
        return switch (kind) {
            case SIGNATURE_FAILURE, UNKNOWN_DEVICE, REPLACED_DEVICE, RETIRED_DEVICE, REPLAYED_RECORD, DEVICE_TAMPERED,
                 LEAK_SUSPECTED, POLLUTION_TRACED -> AlarmPriority.HIGH;
            case DEVICE_SILENT, LINK_LOST, REFUSED_RECORD -> AlarmPriority.MEDIUM;
            case BAD_FRAMES, MALFORMED_MESSAGE, LOW_BATTERY -> AlarmPriority.LOW;
        };
    }

    // ---- operator commands ----

    public CommandResult acknowledge(String alarmId, String operator, String comment, long now) {
        return command(alarmId, operator, comment, (a, op, c) -> {
            if (!a.state.unacknowledged()) {
                return CommandResult.refused(a.id + " is " + a.state.label().toLowerCase() + ": nothing to acknowledge");
            }
            a.state = a.state == AlarmState.UNACK ? AlarmState.ACKED : AlarmState.NORMAL;
            record(a, AlarmAction.ACKNOWLEDGE, op, c, now, 0);
            return CommandResult.done(a.id + " acknowledged");
        });
    }

    public CommandResult shelve(String alarmId, String operator, String comment, long untilMs, long now) {
        return command(alarmId, operator, comment, (a, op, c) -> {
            if (a.state.hidden()) {
                return CommandResult.refused(a.id + " is " + a.state.label().toLowerCase() + " already");
            }
            if (untilMs <= now) {
                return CommandResult.refused("a shelve must end in the future");
            }
            if (untilMs - now > settings.maxShelveMs()) {
                return CommandResult.refused("a shelve may last at most " + settings.maxShelveMs() / AlarmSettings.HOUR + " h");
            }
            hide(a, AlarmState.SHELVED);
            a.shelvedUntil = untilMs;
            record(a, AlarmAction.SHELVE, op, c, now, untilMs);
            return CommandResult.done(a.id + " shelved");
        });
    }

    public CommandResult unshelve(String alarmId, String operator, String comment, long now) {
        return command(alarmId, operator, comment, (a, op, c) -> {
            if (a.state != AlarmState.SHELVED) {
                return CommandResult.refused(a.id + " is not shelved");
            }
            reveal(a, AlarmAction.UNSHELVE, op, c, now);
            return CommandResult.done(a.id + " unshelved");
        });
    }

    public CommandResult removeFromService(String alarmId, String operator, String comment, long now) {
        return command(alarmId, operator, comment, (a, op, c) -> {
            if (a.state == AlarmState.OUT_OF_SERVICE) {
                return CommandResult.refused(a.id + " is out of service already");
            }
            hide(a, AlarmState.OUT_OF_SERVICE);
            a.shelvedUntil = 0;
            record(a, AlarmAction.OUT_OF_SERVICE, op, c, now, 0);
            return CommandResult.done(a.id + " taken out of service");
        });
    }

    public CommandResult returnToService(String alarmId, String operator, String comment, long now) {
        return command(alarmId, operator, comment, (a, op, c) -> {
            if (a.state != AlarmState.OUT_OF_SERVICE) {
                return CommandResult.refused(a.id + " is not out of service");
            }
            if (a.maintenance) {
                a.state = AlarmState.SUPPRESSED;
                record(a, AlarmAction.RETURN_TO_SERVICE, op, c, now, 0);
                record(a, AlarmAction.SUPPRESS, "", "station reports maintenance", now, 0);
            } else {
                reveal(a, AlarmAction.RETURN_TO_SERVICE, op, c, now);
            }
            return CommandResult.done(a.id + " returned to service");
        });
    }

    private interface Command {
        CommandResult apply(Alarm a, String operator, String comment);
    }

    private CommandResult command(String alarmId, String operator, String comment, Command cmd) {
        Alarm a = alarms.get(alarmId);
        if (a == null || !a.listed) {
            return CommandResult.refused("no alarm " + alarmId);
        }
        String op = operator == null ? "" : operator.strip();
        if (op.isEmpty()) {
            return CommandResult.refused("no operator name: set it in the settings, it is recorded with every action");
        }
        if (AlarmEvent.utf8Length(op) > AlarmEvent.MAX_OPERATOR_BYTES || op.chars().anyMatch(Character::isISOControl)) {
            return CommandResult.refused("operator name '" + op + "' is longer than " + AlarmEvent.MAX_OPERATOR_BYTES
                    + " bytes or holds control characters");
        }
        String c = cleanComment(comment);
        int bytes = AlarmEvent.utf8Length(c);
        if (bytes > AlarmEvent.MAX_COMMENT_BYTES) {
            return CommandResult.refused("the comment is " + bytes + " bytes; the journal keeps at most "
                    + AlarmEvent.MAX_COMMENT_BYTES);
        }
        return cmd.apply(a, op, c);
    }

    /** Line breaks and tabs become spaces: a comment is one line in the journal. */
    public static String cleanComment(String comment) {
        if (comment == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(comment.length());
        comment.codePoints().forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return sb.toString().strip();
    }

    // ---- restore ----

    /**
     * Puts back the alarms this node journaled (oldest first), e.g. after a restart, without journaling them
     * again: unacknowledged alarms stay unacknowledged, shelves keep their end. Conditions are then re-judged
     * by the next samples (an alarm that cleared meanwhile returns to normal after its off-delay).
     */
    public void restore(List<JournaledAlarm> events) {
        for (JournaledAlarm j : events) {
            AlarmEvent e = j.event();
            Alarm a = alarms.computeIfAbsent(e.alarmId(), id -> restored(id, e));
            a.listed = true;
            a.timeMs = e.eventTimeMs();
            a.operator = e.operator();
            a.comment = e.comment();
            if (e.hasValue()) {
                a.value = e.value();
            }
            switch (e.action()) {
                case RAISE -> {
                    a.active = true;
                    a.state = AlarmState.UNACK;
                    a.priority = priority(e.priority());
                    a.lastOccurrenceMs = e.eventTimeMs();
                    a.occurrences = 1;
                }
                case ACKNOWLEDGE -> a.state = a.state == AlarmState.UNACK ? AlarmState.ACKED
                        : a.state == AlarmState.RTN_UNACK ? AlarmState.NORMAL : a.state;
                case RETURN_TO_NORMAL -> {
                    a.active = false;
                    a.state = a.state == AlarmState.UNACK ? AlarmState.RTN_UNACK
                            : a.state == AlarmState.ACKED ? AlarmState.NORMAL : a.state;
                }
                case SHELVE -> {
                    hide(a, AlarmState.SHELVED);
                    a.shelvedUntil = e.shelvedUntilMs();
                }
                case SUPPRESS -> hide(a, AlarmState.SUPPRESSED);
                case OUT_OF_SERVICE -> hide(a, AlarmState.OUT_OF_SERVICE);
                case UNSHELVE, UNSUPPRESS, RETURN_TO_SERVICE -> {
                    // a RAISE follows in the journal when the condition came back while hidden
                    a.state = a.before == null ? AlarmState.NORMAL : a.before;
                    a.shelvedUntil = 0;
                }
            }
        }
        changed();
    }

    private Alarm restored(String id, AlarmEvent e) {
        Optional<SystemAlarm.Kind> kind = systemKind(e.condition());
        if (kind.isPresent()) {
            return new Alarm(id, e.source(), e.condition(), true, kind.get(), priority(e.priority()));
        }
        boolean process = e.condition().matches("[A-Z0-9]+ (HIGH|LOW)")
                && Quantity.bySymbol(e.condition().substring(0, e.condition().indexOf(' '))).isPresent();
        return new Alarm(id, e.source(), e.condition(), !process, null, priority(e.priority()));
    }

    private static Optional<SystemAlarm.Kind> systemKind(String condition) {
        for (SystemAlarm.Kind k : SystemAlarm.Kind.values()) {
            if (k.name().equals(condition)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private static AlarmPriority priority(int code) {
        return code >= AlarmEvent.PRIORITY_LOW && code <= AlarmEvent.PRIORITY_CRITICAL ? AlarmPriority.of(code)
                : AlarmPriority.HIGH;
    }

    // ---- output ----

    /** Every listed alarm, most urgent first. */
    public AlarmSnapshot snapshot() {
        List<Alarm> listed = new ArrayList<>();
        for (Alarm a : alarms.values()) {
            if (a.listed) {
                listed.add(a);
            }
        }
        listed.sort(URGENCY);
        return new AlarmSnapshot(listed.stream().map(Alarm::row).toList(), highPriorityRaises, version);
    }

    /** Grows whenever something a screen shows changed. */
    public long version() {
        return version;
    }

    // ---- the state diagram ----

    private void sample(Alarm a, LimitAlarm def, Reading reading, long sampleTime, long now) {
        if (sampleTime <= a.lastSampleMs) {
            return; // judged already: a repeat, or a late report older than what came
        }
        a.lastSampleMs = sampleTime;
        switch (reading.quality()) {
            case BAD -> {
                return; // not a measurement (a Modbus decode failure reads 0.0): neither raises nor clears
            }
            case MAINTENANCE -> {
                if (!a.maintenance) {
                    a.maintenance = true;
                    suppress(a, now);
                }
                return;
            }
            default -> {
                if (a.maintenance) {
                    a.maintenance = false;
                    if (a.state == AlarmState.SUPPRESSED) {
                        reveal(a, AlarmAction.UNSUPPRESS, "", "station back from maintenance", now);
                    }
                }
            }
        }
        double v = reading.value();
        if (v != a.value) {
            a.value = v;
            if (a.listed) {
                changed();
            }
        }
        if (a.active && def.exceeded(v) && def.priority(v).compareTo(a.priority) > 0 && a.state.active()) {
            a.priority = def.priority(v);
            raise(a, now, "escalated to " + a.priority.label().toLowerCase());
        }
        boolean towards = a.active ? def.clear(v) : def.exceeded(v);
        if (!towards) {
            a.count = 0;
            a.worstPending = null;
            return;
        }
        if (a.count == 0) {
            a.since = sampleTime;
        }
        a.count++;
        if (!a.active) {
            AlarmPriority p = def.priority(v);
            a.worstPending = a.worstPending == null || p.compareTo(a.worstPending) > 0 ? p : a.worstPending;
        }
        Delay delay = a.active ? settings.offDelay() : settings.onDelay();
        if (!delay.satisfied(a.count, sampleTime - a.since)) {
            return;
        }
        a.count = 0;
        a.active = !a.active;
        if (a.active) {
            AlarmPriority p = a.worstPending;
            a.worstPending = null;
            conditionActive(a, p, v, now, "");
        } else {
            conditionCleared(a, now);
        }
    }

    /** The condition became active (A->B, D->B); a hidden alarm only remembers it. */
    private void conditionActive(Alarm a, AlarmPriority p, double v, long now, String comment) {
        a.value = v;
        a.priority = p;
        switch (a.state) {
            case NORMAL, RTN_UNACK -> raise(a, now, comment);
            case SHELVED, SUPPRESSED, OUT_OF_SERVICE -> a.changedWhileHidden = true;
            case UNACK, ACKED -> { }
        }
    }

    /** The condition returned to normal (B->D, C->A). */
    private void conditionCleared(Alarm a, long now) {
        switch (a.state) {
            case UNACK -> {
                a.state = AlarmState.RTN_UNACK;
                record(a, AlarmAction.RETURN_TO_NORMAL, "", "", now, 0);
            }
            case ACKED -> {
                a.state = AlarmState.NORMAL;
                record(a, AlarmAction.RETURN_TO_NORMAL, "", "", now, 0);
            }
            case SHELVED, SUPPRESSED, OUT_OF_SERVICE -> a.changedWhileHidden = true;
            case NORMAL, RTN_UNACK -> { }
        }
    }

    private void raise(Alarm a, long now, String comment) {
        a.state = AlarmState.UNACK;
        if (!a.system) {
            a.occurrences = 1;
        }
        record(a, AlarmAction.RAISE, "", comment, now, 0);
        if (a.priority.atLeast(AlarmPriority.HIGH)) {
            highPriorityRaises++;
        }
    }

    private void suppress(Alarm a, long now) {
        if (a.state == AlarmState.OUT_OF_SERVICE) {
            return; // out of service outranks suppression; returning to service finds it in maintenance
        }
        hide(a, AlarmState.SUPPRESSED);
        a.shelvedUntil = 0;
        record(a, AlarmAction.SUPPRESS, "", "station reports maintenance", now, 0);
    }

    /** Into a hidden state, remembering the state to come back to (the first one, if hidden already). */
    private static void hide(Alarm a, AlarmState hidden) {
        if (!a.state.hidden()) {
            a.before = a.state;
            a.changedWhileHidden = false;
        }
        a.state = hidden;
    }

    /**
     * Out of a hidden state: back where it was if its condition did not change meanwhile; otherwise by the
     * condition now, and an alarm that became active while hidden is annunciated as a new one.
     */
    private void reveal(Alarm a, AlarmAction action, String operator, String comment, long now) {
        boolean reannunciate = a.changedWhileHidden && a.active;
        AlarmState back = a.before == null ? AlarmState.NORMAL : a.before;
        a.state = !a.changedWhileHidden ? back : a.active ? AlarmState.UNACK : AlarmState.NORMAL;
        a.shelvedUntil = 0;
        record(a, action, operator, comment, now, 0);
        if (reannunciate) {
            raise(a, now, "");
        }
    }

    private void clearDeviceAlarms(LiveRecord r, long now) {
        for (Alarm a : alarms.values()) {
            if (!a.system || !a.active || a.kind == null || !a.source.equals(r.deviceId())) {
                continue;
            }
            boolean cleared = switch (a.kind) {
                case DEVICE_SILENT -> true;
                case DEVICE_TAMPERED -> !StatusFlags.has(r.statusFlags(), StatusFlags.TAMPER);
                case LEAK_SUSPECTED -> !StatusFlags.has(r.statusFlags(), StatusFlags.LEAK);
                case LOW_BATTERY -> !StatusFlags.has(r.statusFlags(), StatusFlags.LOW_BATTERY);
                default -> false;
            };
            if (cleared) {
                a.active = false;
                conditionCleared(a, now);
            }
        }
    }

    /** Kinds with a clearing signal of their own in the records; the others clear after a quiet period. */
    private static boolean clearsByRecords(SystemAlarm.Kind kind) {
        return kind == SystemAlarm.Kind.DEVICE_SILENT || kind == SystemAlarm.Kind.DEVICE_TAMPERED
                || kind == SystemAlarm.Kind.LEAK_SUSPECTED || kind == SystemAlarm.Kind.LOW_BATTERY;
    }

    private void record(Alarm a, AlarmAction action, String operator, String comment, long now, long shelvedUntil) {
        a.listed = true;
        a.timeMs = now;
        a.operator = operator;
        a.comment = comment;
        journal.append(new AlarmTransition(a.id, action, a.source, a.condition, a.priority, a.value, now, operator,
                comment, shelvedUntil));
        changed();
    }

    private void changed() {
        version++;
    }

    private static int rank(AlarmState s) {
        return switch (s) {
            case UNACK -> 0;
            case RTN_UNACK -> 1;
            case ACKED -> 2;
            case SHELVED -> 3;
            case SUPPRESSED -> 4;
            case OUT_OF_SERVICE -> 5;
            case NORMAL -> 6;
        };
    }

    /** Text within a byte budget, cut at its end: a long detail keeps its beginning. */
    static String clip(String s, int maxBytes) {
        if (AlarmEvent.utf8Length(s) <= maxBytes) {
            return s;
        }
        String ellipsis = "\u2026";
        String t = s;
        while (AlarmEvent.utf8Length(t + ellipsis) > maxBytes) {
            t = t.substring(0, t.offsetByCodePoints(t.length(), -1));
        }
        return t + ellipsis;
    }

    /** Text within a byte budget; a long port path keeps its end, which names the device. */
    static String fit(String s, int maxBytes) {
        if (AlarmEvent.utf8Length(s) <= maxBytes) {
            return s;
        }
        String ellipsis = "\u2026";
        String t = s;
        while (AlarmEvent.utf8Length(ellipsis + t) > maxBytes) {
            t = t.substring(t.offsetByCodePoints(0, 1));
        }
        return ellipsis + t;
    }
}
