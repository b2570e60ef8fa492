package org.waterchain.ledger.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.registry.StationKind;

/**
 * Plausible readings for the demo stations: a diurnal cycle for temperature, DO and pH, noise, and values
 * around irrigation-water norms. The richer simulator (drift, dropouts, travelling pollution) lives in the
 * devices module; this one only gives the headless node something real to sign.
 */
public final class DemoReadings {
    private DemoReadings() {}

    public static List<Reading> sample(StationKind kind, long timeMs, SplittableRandom rnd) {
        double hourOfDay = (timeMs / 3_600_000.0) % 24;
        double diurnal = Math.sin((hourOfDay - 9) / 24 * 2 * Math.PI);
        List<Reading> r = new ArrayList<>();
        if (kind == StationKind.HEAVY_METAL) {
            r.add(new Reading(Quantity.CU, round(0.04 + 0.02 * rnd.nextDouble(), 4)));
            r.add(new Reading(Quantity.ZN, round(0.15 + 0.10 * rnd.nextDouble(), 4)));
            r.add(new Reading(Quantity.NI, round(0.02 + 0.01 * rnd.nextDouble(), 4)));
            r.add(new Reading(Quantity.PB, round(0.005 + 0.004 * rnd.nextDouble(), 4)));
            r.add(new Reading(Quantity.CD, round(0.001 + 0.001 * rnd.nextDouble(), 5)));
            return r;
        }
        r.add(new Reading(Quantity.PH, round(7.2 + 0.3 * diurnal + 0.05 * rnd.nextGaussian(), 2)));
        r.add(new Reading(Quantity.TEMPERATURE, round(24 + 3 * diurnal + 0.2 * rnd.nextGaussian(), 2)));
        r.add(new Reading(Quantity.EC, round(420 + 40 * rnd.nextGaussian(), 1)));
        r.add(new Reading(Quantity.ORP, round(180 + 15 * rnd.nextGaussian(), 1)));
        r.add(new Reading(Quantity.DO, round(6.5 + 1.2 * diurnal + 0.2 * rnd.nextGaussian(), 2)));
        r.add(new Reading(Quantity.TURBIDITY, round(Math.abs(12 + 3 * rnd.nextGaussian()), 2)));
        r.add(new Reading(Quantity.SS, round(Math.abs(25 + 6 * rnd.nextGaussian()), 1)));
        return r;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
