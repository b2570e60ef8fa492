package org.waterchain.app.trace.transport;

/** How water enters the top of a stretch (distance 0). */
public enum Inlet {
    /**
     * Flux (third-type, Danckwerts) boundary: only the inflow's advective flux Q c_up crosses the inlet. Right for a
     * discharge into the top of the stretch: all of its load goes downstream, none is lost upstream.
     */
    FLUX,
    /**
     * Concentration (first-type) boundary: the concentration at the inlet is held at the upstream value and
     * dispersion exchanges mass across it, as with a WASP boundary segment. The Ogata-Banks condition.
     */
    CONCENTRATION
}
