package org.waterchain.ledger.alarm;

import java.util.Optional;

/**
 * What happened to an alarm, as ISA-18.2 / IEC 62682 name the transitions of its state diagram. The codes are
 * part of the encoding (docs/encoding.md) and are never renumbered.
 */
public enum AlarmAction {
    /** The condition became active (after its on-delay): the alarm annunciates, unacknowledged. */
    RAISE(1),
    /** An operator acknowledged it. */
    ACKNOWLEDGE(2),
    /** An operator shelved it until a time: it is not annunciated meanwhile. */
    SHELVE(3),
    /** The shelve ended (expired, or an operator took it back). */
    UNSHELVE(4),
    /** The condition cleared (past its deadband and off-delay). */
    RETURN_TO_NORMAL(5),
    /** Suppressed by design, e.g. while its station is in maintenance. */
    SUPPRESS(6),
    UNSUPPRESS(7),
    /** Taken out of service by an operator (a broken transmitter awaiting repair). */
    OUT_OF_SERVICE(8),
    RETURN_TO_SERVICE(9);

    private final int code;

    AlarmAction(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<AlarmAction> byCode(int code) {
        for (AlarmAction a : values()) {
            if (a.code == code) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Actions a person takes, so the journal must say who: the operator field may not be empty. */
    public boolean needsOperator() {
        return this == ACKNOWLEDGE || this == SHELVE || this == OUT_OF_SERVICE || this == RETURN_TO_SERVICE;
    }
}
