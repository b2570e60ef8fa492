package org.waterchain.ledger.trace;

/**
 * The three kinds of transfer of backward pollution source tracing. The code is part of the memo layout
 * (docs/encoding.md): never renumber.
 */
public enum PollutionStep {
    /** The issuer creates coins at a polluted station that no polluted station downstream hands coins to. */
    MINT(1),
    /** A polluted station hands all its coins to its polluted upstream neighbours. */
    PASS(2),
    /** A source (a polluted station with no polluted upstream neighbour) hands all its coins to the collection address. */
    COLLECT(3);

    private final int code;

    PollutionStep(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static PollutionStep of(int code) {
        for (PollutionStep s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown pollution step " + code);
    }
}
