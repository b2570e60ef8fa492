package org.waterchain.app.alarm;

/**
 * The alarm states of ISA-18.2 / IEC 62682 (the letters of the standard's state diagram in brackets).
 * Shelved, suppressed and out-of-service alarms are not annunciated; the alarm system keeps watching their
 * condition so it can put them back where they belong.
 */
public enum AlarmState {
    /** (A) Condition normal, nothing to acknowledge. */
    NORMAL("Normal"),
    /** (B) Condition active, not yet acknowledged: annunciated. */
    UNACK("Unacknowledged"),
    /** (C) Condition active, acknowledged. */
    ACKED("Acknowledged"),
    /** (D) Condition returned to normal before anyone acknowledged it. */
    RTN_UNACK("Cleared, unacked"),
    /** (E) Shelved by an operator until a time. */
    SHELVED("Shelved"),
    /** (F) Suppressed by design, e.g. while its station reports maintenance. */
    SUPPRESSED("Suppressed"),
    /** (G) Out of service, e.g. a broken transmitter awaiting repair. */
    OUT_OF_SERVICE("Out of service");

    private final String label;

    AlarmState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Needs an operator's acknowledgement. */
    public boolean unacknowledged() {
        return this == UNACK || this == RTN_UNACK;
    }

    /** Annunciated with its condition active. */
    public boolean active() {
        return this == UNACK || this == ACKED;
    }

    /** Taken out of annunciation: the condition is watched but not shown as an alarm. */
    public boolean hidden() {
        return this == SHELVED || this == SUPPRESSED || this == OUT_OF_SERVICE;
    }
}
