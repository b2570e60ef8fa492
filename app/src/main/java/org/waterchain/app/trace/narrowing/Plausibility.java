package org.waterchain.app.trace.narrowing;

/**
 * Whether a fitted load is believable for a factory: the concentration its effluent would need if it carried the
 * load in its permitted daily volume, against the strongest effluent such a factory could plausibly release.
 *
 * @param requiredEffluent load / permitted flow, in the quantity's unit (mg/L for metals); infinite for a load from
 *                         a factory with no permitted discharge; NaN when no
 *                         load could be fitted
 * @param ceiling          the strongest plausible effluent, or NaN when none is known for the quantity
 * @param plausible        requiredEffluent <= ceiling, or no ceiling known; false when no load could be fitted
 */
public record Plausibility(double requiredEffluent, double ceiling, boolean plausible) {

    /** requiredEffluent / ceiling: above 1 is implausible; NaN without a ceiling. */
    public double ratio() {
        return requiredEffluent / ceiling;
    }
}
