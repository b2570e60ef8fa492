package org.waterchain.app.standards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.waterchain.ledger.record.Quantity;

/** The seed paper's classes against the demo's irrigation-water standards. */
class StandardTest {
    @Test
    void anUpperLimitIsRedBeyondYellowNearBlueWithin() {
        Standard ec = new Standard(Quantity.EC, Double.NaN, 750, 0.8);
        assertEquals(ComplianceClass.BLUE, ec.classify(420));
        assertEquals(ComplianceClass.YELLOW, ec.classify(600)); // 80 % of the limit
        assertEquals(ComplianceClass.YELLOW, ec.classify(750)); // at the limit is still within it
        assertEquals(ComplianceClass.RED, ec.classify(750.1));
        assertEquals(ComplianceClass.NONE, ec.classify(Double.NaN));
    }

    @Test
    void aLowerLimitWarnsAboveItByTheFraction() {
        Standard dissolvedOxygen = new Standard(Quantity.DO, 3.0, Double.NaN, 0.8);
        assertEquals(ComplianceClass.BLUE, dissolvedOxygen.classify(6.5));
        assertEquals(ComplianceClass.YELLOW, dissolvedOxygen.classify(3.7)); // 3.0 / 0.8 = 3.75
        assertEquals(ComplianceClass.RED, dissolvedOxygen.classify(2.9));
    }

    @Test
    void aRangeWarnsNearEitherEnd() {
        Standard ph = new Standard(Quantity.PH, 6.0, 9.0, 0.8);
        assertEquals(ComplianceClass.BLUE, ph.classify(7.5));
        assertEquals(ComplianceClass.BLUE, ph.classify(8.6));
        assertEquals(ComplianceClass.YELLOW, ph.classify(8.8)); // 1.3 from the middle, 80 % of the half-width 1.5 is 1.2
        assertEquals(ComplianceClass.YELLOW, ph.classify(6.2));
        assertEquals(ComplianceClass.RED, ph.classify(5.9));
        assertEquals(ComplianceClass.RED, ph.classify(9.1));
    }

    @Test
    void theWorseClassWins() {
        assertEquals(ComplianceClass.RED, ComplianceClass.BLUE.worse(ComplianceClass.RED));
        assertEquals(ComplianceClass.YELLOW, ComplianceClass.YELLOW.worse(ComplianceClass.NONE));
    }
}
