package org.waterchain.app.alarm;

import org.waterchain.ledger.alarm.AlarmEvent;

/** Priority as the journal encodes it (1-4): how soon the operator must act. */
public enum AlarmPriority {
    LOW(AlarmEvent.PRIORITY_LOW, "Low"),
    MEDIUM(AlarmEvent.PRIORITY_MEDIUM, "Medium"),
    HIGH(AlarmEvent.PRIORITY_HIGH, "High"),
    CRITICAL(AlarmEvent.PRIORITY_CRITICAL, "Critical");

    private final int code;
    private final String label;

    AlarmPriority(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean atLeast(AlarmPriority other) {
        return compareTo(other) >= 0;
    }

    public static AlarmPriority of(int code) {
        for (AlarmPriority p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        throw new IllegalArgumentException("no alarm priority " + code);
    }
}
