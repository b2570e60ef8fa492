package org.waterchain.app.trace.narrowing;

/** What a pollution event means for an irrigation unit; see {@link UnitMarking#mark}. */
public enum UnitStatus {
    /** Takes water that the pollution reached. */
    POLLUTED,
    /** Takes water from the area searched for the source: the pollution may have passed there on its way. */
    UPSTREAM,
    /** Neither. */
    OUTSIDE,
    /** Its supply node is on no registered channel, so nothing can be said. */
    OFF_NETWORK
}
