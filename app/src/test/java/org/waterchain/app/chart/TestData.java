package org.waterchain.app.chart;

import java.util.List;
import org.waterchain.app.standards.Standards;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;

/** The demo's standards and readings, for the chart's tests. */
final class TestData {
    static final long T0 = 1_740_000_000_000L;
    static final long MINUTE = 60_000L;
    static final long HOUR = 3_600_000L;

    static final Standards STANDARDS = Standards.of(List.of(
            new SetStandard("EC", Double.NaN, 750, 0.8),
            new SetStandard("PH", 6.0, 9.0, 0.8),
            new SetStandard("DO", 3.0, Double.NaN, 0.8),
            new SetStandard("CU", Double.NaN, 0.2, 0.75)));

    private TestData() {}

    static List<Reading> regular(double ec, double ph, double temp) {
        return List.of(new Reading(Quantity.EC, ec), new Reading(Quantity.PH, ph), new Reading(Quantity.TEMPERATURE, temp));
    }
}
