package org.waterchain.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.app.chart.TestData.HOUR;
import static org.waterchain.app.chart.TestData.STANDARDS;
import static org.waterchain.app.chart.TestData.T0;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.waterchain.app.standards.Standards;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;

class ChartModelTest {
    @Test
    void oneQuantityAcrossStationsIsOnePanelWithALinePerStationAndTheLimit() {
        ChartModel m = new ChartModel();
        m.setStations(List.of("R04", "R06", "R07", "R09", "R10", "R12"));
        m.setQuantities(Set.of(Quantity.EC));
        List<ChartModel.Panel> panels = m.panels(STANDARDS);
        assertEquals(1, panels.size());
        ChartModel.Panel ec = panels.get(0);
        assertEquals(Quantity.EC, ec.quantity());
        assertEquals("EC (µS/cm)", ec.axisLabel());
        assertEquals(List.of("R04", "R06", "R07", "R09", "R10", "R12"), ec.stations());
        assertEquals(List.of(new ChartModel.Limit(750, true, "EC limit 750 µS/cm")), ec.limits());
        assertEquals("EC at R04, R06, R07, R09, R10, R12", m.describe());
    }

    @Test
    void severalQuantitiesOfOneStationArePanelsInTheRegistrysOrder() {
        ChartModel m = new ChartModel();
        m.setStations(List.of("R04"));
        m.setQuantities(Set.of(Quantity.DO, Quantity.TEMPERATURE, Quantity.PH, Quantity.EC));
        List<ChartModel.Panel> panels = m.panels(STANDARDS);
        assertEquals(List.of(Quantity.EC, Quantity.PH, Quantity.TEMPERATURE, Quantity.DO), panels.stream().map(ChartModel.Panel::quantity).toList());
        assertEquals(2, panels.get(1).limits().size());
        assertEquals("PH limit 9", panels.get(1).limits().get(0).label());
        assertEquals("PH minimum 6", panels.get(1).limits().get(1).label());
        assertFalse(panels.get(1).limits().get(1).upper());
        assertEquals(List.of(), panels.get(2).limits(), "no standard for temperature: no marker");
        assertEquals("DO minimum 3 mg/L", panels.get(3).limits().get(0).label());
        assertEquals(2, panels.get(1).limitValues().length);
        assertEquals("R04: EC, PH, TEMP, DO", m.describe());
    }

    @Test
    void nothingToDrawWithoutAStationOrAQuantity() {
        ChartModel m = new ChartModel();
        m.setQuantities(Set.of(Quantity.EC));
        assertEquals(List.of(), m.panels(STANDARDS));
        assertEquals("no station chosen", m.describe());
        m.setStations(List.of("R04"));
        m.setQuantities(Set.of());
        assertEquals(List.of(), m.panels(STANDARDS));
    }

    @Test
    void liveWindowsEndNowAndReadUpToNowInclusive() {
        ChartModel m = new ChartModel();
        m.setStations(List.of("R04"));
        m.setRange(ChartModel.Range.LIVE_6H);
        assertEquals(new ChartModel.Window(T0 - 6 * HOUR, T0), m.window(T0));
        HistoryLoader.Request r = m.request(T0, 1000);
        assertEquals(T0 - 6 * HOUR, r.fromMs());
        assertEquals(T0 + 1, r.toMs());
        assertEquals(Long.MAX_VALUE, m.storeToMs(), "live records keep coming after the load");
        assertTrue(m.following());
        m.setRange(ChartModel.Range.LIVE_7D);
        assertEquals(7 * 24 * HOUR, m.window(T0).spanMs());
    }

    @Test
    void aCustomRangeIsFixedAndDoesNotFollow() {
        ChartModel m = new ChartModel();
        m.setStations(List.of("R04"));
        m.setCustom(T0 - 48 * HOUR, T0 - 24 * HOUR);
        assertEquals(ChartModel.Range.CUSTOM, m.range());
        assertFalse(m.following());
        assertEquals(new ChartModel.Window(T0 - 48 * HOUR, T0 - 24 * HOUR), m.window(T0 + 99 * HOUR));
        assertEquals(T0 - 24 * HOUR, m.request(T0, 10).toMs());
        assertEquals(T0 - 24 * HOUR, m.storeToMs());
        assertThrows(IllegalArgumentException.class, () -> m.setCustom(T0, T0));
    }

    @Test
    void zoomingStopsFollowingAndResetOrANewRangeResumes() {
        ChartModel m = new ChartModel();
        m.stopFollowing();
        assertFalse(m.following());
        m.resetView();
        assertTrue(m.following());
        m.stopFollowing();
        m.setRange(ChartModel.Range.LIVE_24H);
        assertTrue(m.following());
        m.setCustom(T0, T0 + HOUR);
        m.resetView();
        assertFalse(m.following(), "a custom range has nothing to follow");
    }

    @Test
    void openingAStationKeepsTheQuantitiesItHas() {
        ChartModel m = new ChartModel();
        m.setStations(List.of("R04", "R06"));
        m.setQuantities(Set.of(Quantity.EC, Quantity.CU));
        m.showStation("R07", EnumSet.of(Quantity.EC, Quantity.PH, Quantity.TEMPERATURE), STANDARDS);
        assertEquals(List.of("R07"), m.stations());
        assertEquals(EnumSet.of(Quantity.EC), m.quantities());
        assertNull(m.pendingQuantityPick());
    }

    @Test
    void openingAStationWithOtherQuantitiesPicksItsRegulatedOnes() {
        ChartModel m = new ChartModel();
        m.setQuantities(Set.of(Quantity.EC));
        m.showStation("M02", EnumSet.of(Quantity.CU, Quantity.ZN, Quantity.FLOW), STANDARDS);
        assertEquals(EnumSet.of(Quantity.CU), m.quantities());
    }

    @Test
    void openingAStationBeforeItsDataIsKnownPicksWhenTheDataComes() {
        ChartModel m = new ChartModel();
        m.showStation("R04", EnumSet.noneOf(Quantity.class), STANDARDS);
        assertEquals("R04", m.pendingQuantityPick());
        SeriesStore store = new SeriesStore(List.of("R04"), Long.MIN_VALUE, Long.MAX_VALUE, 100);
        assertFalse(m.pickQuantities(store, STANDARDS), "no data yet");
        store.add("R04", T0, TestData.regular(400, 7.2, 21));
        assertTrue(m.pickQuantities(store, STANDARDS));
        assertEquals(EnumSet.of(Quantity.EC, Quantity.PH), m.quantities());
        assertNull(m.pendingQuantityPick());
        assertFalse(m.pickQuantities(store, STANDARDS), "picked once only");
    }

    @Test
    void aQuantityTickedByHandCancelsThePick() {
        ChartModel m = new ChartModel();
        m.showStation("R04", EnumSet.noneOf(Quantity.class), STANDARDS);
        m.setQuantity(Quantity.TEMPERATURE, true);
        assertNull(m.pendingQuantityPick());
    }

    @Test
    void defaultQuantitiesWithoutAnyStandardAreTheFirstFew() {
        Set<Quantity> known = EnumSet.of(Quantity.FLOW, Quantity.TEMPERATURE, Quantity.ORP, Quantity.LEVEL, Quantity.PRESSURE);
        assertEquals(EnumSet.of(Quantity.FLOW, Quantity.TEMPERATURE, Quantity.ORP, Quantity.LEVEL),
                ChartModel.defaultQuantities(known, new Standards(java.util.Map.of())));
    }

    @Test
    void stationsKeepTheOrderGivenWithoutDuplicates() {
        ChartModel m = new ChartModel();
        m.setStations(List.of("R06", "R04", "R06"));
        assertEquals(List.of("R06", "R04"), m.stations());
    }

    @Test
    void parsesAndFormatsTimesInTheZone() {
        ZoneId taipei = ZoneId.of("Asia/Taipei");
        long t = ChartModel.parseTime(" 2025-02-20 05:20 ", taipei);
        assertEquals(T0, t);
        assertEquals("2025-02-20 05:20", ChartModel.formatTime(T0, taipei));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChartModel.parseTime("20/02/2025", taipei));
        assertTrue(e.getMessage().contains("yyyy-MM-dd HH:mm"), e.getMessage());
    }

    @Test
    void fileStemsNameWhatIsShown() {
        ChartModel m = new ChartModel();
        m.setStations(List.of("R04", "R06"));
        m.setQuantities(Set.of(Quantity.EC));
        m.setRange(ChartModel.Range.LIVE_6H);
        assertEquals("chart-R04-R06-EC-20250219-1520", m.fileStem(T0, ZoneId.of("UTC")));
    }

    @Test
    void qualityFlagsDecideWhatIsDrawn() {
        SeriesStore store = new SeriesStore(List.of("R04"), Long.MIN_VALUE, Long.MAX_VALUE, 100);
        store.add("R04", T0, List.of(new Reading(Quantity.EC.code(), 400, Reading.Quality.GOOD),
                new Reading(Quantity.PH.code(), 7, Reading.Quality.SUSPECT),
                new Reading(Quantity.DO.code(), 0, Reading.Quality.BAD),
                new Reading(Quantity.ORP.code(), 0, Reading.Quality.MAINTENANCE)));
        assertEquals(EnumSet.of(Quantity.EC, Quantity.PH), store.quantitiesOf("R04"));
    }
}
