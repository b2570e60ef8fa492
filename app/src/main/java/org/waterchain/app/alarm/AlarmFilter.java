package org.waterchain.app.alarm;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The alarm list's filters: which states, which priorities (this one and above; null for all), and text that
 * must appear in the alarm's id, source, condition, operator or comment (case-insensitive).
 */
public record AlarmFilter(States states, AlarmPriority minPriority, String text) implements Predicate<AlarmRow> {
    public static final AlarmFilter ALL = new AlarmFilter(States.ALL, null, "");

    public enum States {
        ALL("All states", s -> true),
        ACTIVE("Active", AlarmState::active),
        UNACKNOWLEDGED("Unacknowledged", AlarmState::unacknowledged),
        SHELVED("Shelved", s -> s == AlarmState.SHELVED),
        SUPPRESSED("Suppressed or out of service", s -> s == AlarmState.SUPPRESSED || s == AlarmState.OUT_OF_SERVICE);

        private final String label;
        private final Predicate<AlarmState> test;

        States(String label, Predicate<AlarmState> test) {
            this.label = label;
            this.test = test;
        }

        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public AlarmFilter {
        text = text == null ? "" : text.strip();
    }

    @Override
    public boolean test(AlarmRow r) {
        if (!states.test.test(r.state())) {
            return false;
        }
        if (minPriority != null && !r.priority().atLeast(minPriority)) {
            return false;
        }
        if (text.isEmpty()) {
            return true;
        }
        String needle = text.toLowerCase(Locale.ROOT);
        for (String hay : new String[] {r.alarmId(), r.source(), r.condition(), r.operator(), r.comment()}) {
            if (hay.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    public List<AlarmRow> apply(List<AlarmRow> rows) {
        return rows.stream().filter(this).toList();
    }

    public AlarmFilter withStates(States s) {
        return new AlarmFilter(s, minPriority, text);
    }

    public AlarmFilter withMinPriority(AlarmPriority p) {
        return new AlarmFilter(states, p, text);
    }

    public AlarmFilter withText(String t) {
        return new AlarmFilter(states, minPriority, t);
    }
}
