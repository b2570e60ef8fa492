package org.waterchain.app.map.geo;

/**
 * What pollution tracing says of an irrigation unit, as the map paints it (the seed paper's maps use the same two
 * warning fills).
 */
public enum UnitState {
    /** Nothing known against its water. */
    NORMAL,
    /** It takes water at or downstream of a polluted station on a traced pathway: orange. */
    POLLUTED,
    /** It lies within the searched reach upstream of a pollution source: purple. */
    UPSTREAM
}
