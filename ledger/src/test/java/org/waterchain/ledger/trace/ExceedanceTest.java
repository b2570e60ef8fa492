package org.waterchain.ledger.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;
import org.waterchain.ledger.value.Transfer;

/** The observed value, the memo layout and the split: the definitions planner and rules share. */
class ExceedanceTest {
    static final SetStandard CU = new SetStandard("CU", Double.NaN, 0.2, 0.75);

    static SensorRecord record(Quantity q, double... values) {
        List<Reading> rs = java.util.Arrays.stream(values).mapToObj(v -> new Reading(q, v)).toList();
        return new SensorRecord("M02-A", 1, TraceFixture.T, 0, rs);
    }

    @Test
    void theObservedValueIsTheReadingWithTheLargestExcess() {
        assertEquals(OptionalDouble.of(0.595), Exceedance.observed(CU, Quantity.CU,
                List.of(record(Quantity.CU, 0.358, 0.1), record(Quantity.CU, 0.595, 0.2))));
        assertEquals(OptionalDouble.empty(), Exceedance.observed(CU, Quantity.CU, List.of(record(Quantity.CU, 0.2, 0.05))),
                "at the limit is within it, as the compliance classes count");
        assertEquals(OptionalDouble.empty(), Exceedance.observed(CU, Quantity.CU, List.of(record(Quantity.ZN, 5.0))));
    }

    @Test
    void readingsFlaggedBadOrMaintenanceAreNotMeasurements() {
        SensorRecord r = new SensorRecord("M02-A", 1, TraceFixture.T, 0, List.of(
                new Reading(Quantity.CU.code(), 9.0, Reading.Quality.BAD),
                new Reading(Quantity.CU.code(), 8.0, Reading.Quality.MAINTENANCE),
                new Reading(Quantity.CU.code(), 0.3, Reading.Quality.SUSPECT)));
        assertEquals(OptionalDouble.of(0.3), Exceedance.observed(CU, Quantity.CU, List.of(r)));
    }

    @Test
    void belowAMinimumCountsAndARangeBreaksTiesTowardsTheLargerValue() {
        SetStandard dissolvedOxygen = new SetStandard("DO", 3.0, Double.NaN, 0.8);
        assertEquals(OptionalDouble.of(1.5), Exceedance.observed(dissolvedOxygen, Quantity.DO, List.of(record(Quantity.DO, 2.5, 1.5, 4))));
        SetStandard ph = new SetStandard("PH", 6.0, 9.0, 0.8);
        assertEquals(OptionalDouble.of(10.0), Exceedance.observed(ph, Quantity.PH, List.of(record(Quantity.PH, 5.0, 10.0, 7))),
                "pH 5 and pH 10 both exceed by 1");
    }

    @Test
    void theMemoRoundTripsAndItsLongestFormFitsTheLimit() {
        PollutionMemo m = new PollutionMemo(PollutionStep.COLLECT, Quantity.CD, TraceFixture.T, "X".repeat(32), 0.0123);
        assertEquals(m, PollutionMemo.decode(m.encode()));
        assertEquals(54, m.encode().length);
        assertTrue(m.encode().length <= Transfer.MAX_MEMO_BYTES);
        assertThrows(IllegalArgumentException.class, () -> new PollutionMemo(PollutionStep.PASS, Quantity.CU, TraceFixture.T + 1, "M02", 1));
        assertThrows(IllegalArgumentException.class, () -> new PollutionMemo(PollutionStep.PASS, Quantity.CU, TraceFixture.T, "M 02", 1));
        byte[] badStep = m.encode();
        badStep[1] = 9;
        DecodeException e = assertThrows(DecodeException.class, () -> PollutionMemo.decode(badStep));
        assertEquals("pollution memo: unknown pollution step 9", e.getMessage());
    }

    @Test
    void contractAddressesAreSeparatePerStationQuantityAndTimePoint() {
        long t = TraceFixture.T;
        assertEquals(PollutionAddresses.station(Quantity.CU, t, "R04"), PollutionAddresses.station(Quantity.CU, t, "R04"));
        assertTrue(java.util.Set.of(PollutionAddresses.station(Quantity.CU, t, "R04"), PollutionAddresses.station(Quantity.CU, t, "R06"),
                PollutionAddresses.station(Quantity.ZN, t, "R04"), PollutionAddresses.station(Quantity.CU, t + 3_600_000, "R04"),
                PollutionAddresses.collection(Quantity.CU, t), PollutionAddresses.collection(Quantity.ZN, t)).size() == 6);
    }

    @Test
    void aSplitConservesTheCoinsAndGivesTheRestToTheFirstReceivers() {
        assertEquals(List.of(3L, 3L, 2L), java.util.Arrays.stream(PollutionContract.split(8, 3)).boxed().toList());
        assertEquals(List.of(1L, 1L), java.util.Arrays.stream(PollutionContract.split(2, 2)).boxed().toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PollutionContract.split(2, 3));
        assertEquals("2 coins cannot be split among 3 receivers: each must get at least one", e.getMessage());
    }
}
