package org.waterchain.app.trace.narrowing;

import java.util.Locale;
import java.util.Map;

/**
 * The strongest effluent a factory could plausibly discharge, per quantity symbol, in the quantity's unit. A load
 * that would need more than this in the factory's permitted volume is implausible for that factory: it would
 * have to discharge far beyond its permit, or something stronger than its process makes.
 *
 * <p>Defaults (assumptions, to be replaced by the regulator's knowledge of the industries): raw rinse water of
 * PCB, plating and metal-finishing lines carries Cu, Ni and Zn at tens to a few hundred mg/L, battery recycling
 * Pb and Cd at up to tens of mg/L; the ceilings are a few times the top of those ranges (Cu, Ni, Zn 500 mg/L;
 * Pb 100; Cd 20). Spent baths are stronger (grams per litre) but are hauled as hazardous waste, not released at
 * the permitted flow. EC 50,000 µS/cm (several times a textile dye-house's effluent) and SS 5,000 mg/L likewise.
 */
public record EffluentCeilings(Map<String, Double> byQuantity) {
    public static final EffluentCeilings DEFAULT = new EffluentCeilings(Map.of(
            "CU", 500.0, "NI", 500.0, "ZN", 500.0, "PB", 100.0, "CD", 20.0, "EC", 50_000.0, "SS", 5_000.0));

    private static final double SECONDS_PER_DAY = 86_400;

    public EffluentCeilings {
        byQuantity = Map.copyOf(byQuantity);
    }

    /**
     * Judges a load (g/s for mg/L quantities) from a factory with the given permitted discharge. An unknown load
     * (NaN: the observations could not see this factory's water) is never plausible: nothing supports it.
     */
    public Plausibility judge(String quantity, double load, double permittedDischargeM3Day) {
        Double ceiling = byQuantity.get(quantity.toUpperCase(Locale.ROOT));
        double limit = ceiling == null ? Double.NaN : ceiling;
        if (Double.isNaN(load)) {
            return new Plausibility(Double.NaN, limit, false);
        }
        double required = permittedDischargeM3Day > 0 ? load / (permittedDischargeM3Day / SECONDS_PER_DAY)
                : load > 0 ? Double.POSITIVE_INFINITY : 0;
        return new Plausibility(required, limit, ceiling == null || required <= ceiling);
    }
}
