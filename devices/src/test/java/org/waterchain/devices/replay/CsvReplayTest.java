package org.waterchain.devices.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.devices.sample.Sample;
import org.waterchain.devices.sim.PacedRunner;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.Reading.Quality;

class CsvReplayTest {
    @TempDir
    Path dir;

    static final String USGS_HEADER = "datetime_utc,temp_degC,temp_degC_qual,discharge_cfs,discharge_cfs_qual,"
            + "gage_height_ft,gage_height_ft_qual,spec_cond_uScm25C,spec_cond_uScm25C_qual,turbidity_FNU,turbidity_FNU_qual\n";

    Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    static Reading reading(Sample s, Quantity q) {
        return s.readings().stream().filter(r -> r.quantityCode() == q.code()).findFirst()
                .orElseThrow(() -> new AssertionError("no " + q + " in " + s));
    }

    static boolean has(Sample s, Quantity q) {
        return s.readings().stream().anyMatch(r -> r.quantityCode() == q.code());
    }

    @Test
    void usgsRowsBecomeSamplesWithConvertedUnitsAndQualifierQualities() throws IOException {
        Path f = write("plumtree.csv", "\uFEFF" + USGS_HEADER
                + "2016-01-01T05:00:00Z,8.7,A,3.07,\"A,R\",1.16,A,436,A,1.7,A\n"
                + "2016-01-01T05:05:00Z,8.6,P,10,\"A,e\",2,A,,,5.5,\"P,Eqp\"\n"
                + "2016-01-01T05:10:00Z,,,,,,,,,,\n"
                + "2016-01-01T05:15:00Z,8.5,Xyz,,,1.0,A,440,A,,\n");
        List<Sample> out = new ArrayList<>();
        ReplayReport rep = CsvReplay.replayAll(f, ReplayFormat.USGS_NWIS_5MIN.mapping(), ReplayOptions.forDevice("PLUM-A"),
                out::add);

        assertEquals(3, out.size(), "the row with every value empty gives no sample");
        Sample first = out.get(0);
        assertEquals("PLUM-A", first.deviceId());
        assertEquals(ms("2016-01-01T05:00:00Z"), first.sampleTimeMs());
        assertEquals(5, first.readings().size());
        assertEquals(8.7, reading(first, Quantity.TEMPERATURE).value());
        assertEquals(3.07 * 101.9406477312, reading(first, Quantity.FLOW).value(), 1e-9, "cfs to m3/h");
        assertEquals(1.16 * 0.3048, reading(first, Quantity.LEVEL).value(), 1e-12, "ft to m");
        assertEquals(436, reading(first, Quantity.EC).value());
        assertEquals(1.7, reading(first, Quantity.TURBIDITY).value(), "FNU taken as NTU");
        assertTrue(first.readings().stream().allMatch(r -> r.quality() == Quality.GOOD), "A and A,R are good");

        Sample second = out.get(1);
        assertFalse(has(second, Quantity.EC), "an empty field is a missing value");
        assertEquals(Quality.SUSPECT, reading(second, Quantity.FLOW).quality(), "A,e: estimated");
        assertEquals(Quality.BAD, reading(second, Quantity.TURBIDITY).quality(), "P,Eqp: equipment malfunction");
        assertEquals(Quality.GOOD, reading(second, Quantity.TEMPERATURE).quality(), "P: provisional");
        assertEquals(Quality.SUSPECT, reading(out.get(2), Quantity.TEMPERATURE).quality(), "an unknown code is a warning");

        assertEquals(4, rep.rows());
        assertEquals(3, rep.samples());
        assertEquals(5 + 4 + 3, rep.readings());
        assertEquals(1 + 5 + 2, rep.emptyFields());
        assertEquals(0, rep.badRows());
        assertTrue(rep.finished());
        assertEquals(ms("2016-01-01T05:00:00Z"), rep.firstTimeMs());
        assertEquals(ms("2016-01-01T05:15:00Z"), rep.lastTimeMs());
        ColumnStats turb = rep.columns().stream().filter(c -> c.column().equals("turbidity_FNU")).findFirst().orElseThrow();
        assertEquals(new ColumnStats("turbidity_FNU", "TURB", "PLUM-A", 2, 2, 0, 1, 1.7, 5.5), turb);
        assertEquals(5, rep.columns().size(), "DO and pH are optional and absent here");
    }

    @Test
    void theSligoCreekHeaderAddsDissolvedOxygenAndPh() throws IOException {
        Path f = write("sligo.csv", "datetime_utc,temp_degC,temp_degC_qual,discharge_cfs,discharge_cfs_qual,gage_height_ft,"
                + "gage_height_ft_qual,spec_cond_uScm25C,spec_cond_uScm25C_qual,do_mgL,do_mgL_qual,pH,pH_qual,"
                + "turbidity_FNU,turbidity_FNU_qual\n"
                + "2019-05-01T04:00:00Z,17.9,P,8.98,P,1.06,P,574,P,7.6,P,7.3,P,10.3,P\n");
        assertEquals(ReplayFormat.USGS_NWIS_5MIN, ReplayFormat.detect(f).orElseThrow());
        List<Sample> out = new ArrayList<>();
        CsvReplay.replayAll(f, ReplayFormat.USGS_NWIS_5MIN.mapping(), ReplayOptions.forDevice("SLIGO-A"), out::add);
        assertEquals(7, out.get(0).readings().size());
        assertEquals(7.6, reading(out.get(0), Quantity.DO).value());
        assertEquals(7.3, reading(out.get(0), Quantity.PH).value());
    }

    @Test
    void geccoRowsSplitTheSecondFlowMeterIntoItsOwnDevice() throws IOException {
        Path f = write("gecco.csv", "Time,Tp,Cl,pH,Redox,Leit,Trueb,Cl_2,Fm,Fm_2,EVENT\n"
                + "2016-08-03 09:49:00,6.5,0.17,8.36,749,211,0.011,0.118,1677,695,FALSE\n"
                + "2016-08-03 09:50:00,,,,,,,,,,FALSE\n"
                + "2016-08-03 09:51:00,6.5,0.17,8.35,749,211,0.011,0.117,1581,,TRUE\n");
        assertEquals(ReplayFormat.GECCO_2018, ReplayFormat.detect(f).orElseThrow());
        List<Sample> out = new ArrayList<>();
        ReplayReport rep = CsvReplay.replayAll(f, ReplayFormat.GECCO_2018.mapping(), ReplayOptions.forDevice("GECCO"), out::add);
        assertEquals(List.of("GECCO", "GECCO-2", "GECCO"), out.stream().map(Sample::deviceId).toList());
        Sample main = out.get(0);
        assertEquals(ms("2016-08-03T09:49:00Z"), main.sampleTimeMs(), "GECCO times are UTC");
        assertEquals(List.of(Quantity.TEMPERATURE, Quantity.PH, Quantity.ORP, Quantity.EC, Quantity.TURBIDITY, Quantity.FLOW),
                main.readings().stream().map(r -> Quantity.byCode(r.quantityCode()).orElseThrow()).toList(),
                "Cl and Cl_2 have no quantity code and are left out");
        assertEquals(749, reading(main, Quantity.ORP).value());
        assertEquals(695, reading(out.get(1), Quantity.FLOW).value());
        assertEquals(3, rep.rows());
        assertEquals(List.of("Cl", "Cl_2", "EVENT"), rep.unmapped().stream().map(UnmappedColumn::column).toList());
    }

    @Test
    void canaryTimesUseTheirPatternAndFahrenheitBecomesCelsius() throws IOException {
        Path f = write("station_b.csv", "TimeStep,B_CL2_VAL,B_TURB_VAL,B_PH_VAL,B_TOC_VAL,B_COND_VAL,B_TEMP_VAL,B_PRES_OP,"
                + "B_PLNT_PRES_OP,B_PLNT_PH_VAL,B_PLNT_TURB_VAL,B_PLNT_FLOW_OP,B_PLNT_CL2_VAL\n"
                + "02/21/2006 00:00:00,3.27,0.242,6.99,10.31,234.5,56.6,68,70,7.66,0.34,13.5,3.49\n"
                + "02/21/2006 00:20:00,3.27,0.225,6.99,10.31,233.9,32,69,70,7.66,0.343,13.5,3.5\n");
        assertEquals(ReplayFormat.CANARY_STATION_B, ReplayFormat.detect(f).orElseThrow());
        List<Sample> out = new ArrayList<>();
        CsvReplay.replayAll(f, ReplayFormat.CANARY_STATION_B.mapping(), ReplayOptions.forDevice("CANB"), out::add);
        assertEquals(List.of("CANB", "CANB-PLANT", "CANB", "CANB-PLANT"), out.stream().map(Sample::deviceId).toList());
        assertEquals(ms("2006-02-21T00:00:00Z"), out.get(0).sampleTimeMs());
        assertEquals((56.6 - 32) * 5 / 9, reading(out.get(0), Quantity.TEMPERATURE).value(), 1e-9);
        assertEquals(0, reading(out.get(2), Quantity.TEMPERATURE).value(), 1e-9, "32 degF is freezing");
        assertEquals(68 * 6.894757293168, reading(out.get(0), Quantity.PRESSURE).value(), 1e-9, "psi to kPa");
        assertEquals(7.66, reading(out.get(1), Quantity.PH).value());
        assertEquals(3, out.get(1).readings().size(), "plant pressure, pH and turbidity; its flow has no known unit");
    }

    @Test
    void badRowsAreSkippedCountedAndNamedByFileLineAndColumn() throws IOException {
        Path f = write("bad.csv", USGS_HEADER
                + "2016-01-01T05:00:00Z,8.7,A,3.07,A,1.16,A,436,A,1.7,A\n"
                + "2016-13-01T05:05:00Z,8.7,A,3.07,A,1.16,A,436,A,1.7,A\n"
                + "2016-01-01T05:10:00Z,8.7,A,3.07,A,1.16,A,4x6,A,1.7,A\n"
                + "2016-01-01T05:15:00Z,8.7,A,3.07,A\n"
                + "2016-01-01T05:20:00Z,8.8,A,3.07,A,1.16,A,437,A,1.7,A\n");
        List<Sample> out = new ArrayList<>();
        ReplayReport rep = CsvReplay.replayAll(f, ReplayFormat.USGS_NWIS_5MIN.mapping(), ReplayOptions.forDevice("D"), out::add);
        assertEquals(List.of(ms("2016-01-01T05:00:00Z"), ms("2016-01-01T05:20:00Z")),
                out.stream().map(Sample::sampleTimeMs).toList(), "good rows before and after the bad ones replay");
        assertEquals(5, rep.rows());
        assertEquals(3, rep.badRows());
        assertEquals(List.of(
                f + ":3: column 'datetime_utc': cannot parse time '2016-13-01T05:05:00Z' as ISO-8601",
                f + ":4: column 'spec_cond_uScm25C': not a number: '4x6'",
                f + ":5: row has 5 fields, the header has 11"), rep.errors());
        assertEquals(10, rep.readings(), "nothing of a bad row is replayed");
    }

    @Test
    void aStrictReplayStopsAtTheFirstBadRowKeepingWhatCameBefore() throws IOException {
        Path f = write("strict.csv", "Time,Tp,Cl,pH,Redox,Leit,Trueb,Cl_2,Fm,Fm_2,EVENT\n"
                + "2016-08-03 09:49:00,6.5,0.17,8.36,749,211,0.011,0.118,1677,695,FALSE\n"
                + "2016-08-03 09:50:00,6.5,0.17,8.36,749,211,0.011,0.118,1677,,FALSE\n"
                + "2016-08-03 09:51:00,6.5,0.17,8.36,749,NaN,0.011,0.118,1677,695,FALSE\n"
                + "2016-08-03 09:52:00,6.5,0.17,8.36,749,211,0.011,0.118,1677,695,FALSE\n");
        List<Sample> out = new ArrayList<>();
        ReplayException e = assertThrows(ReplayException.class, () -> CsvReplay.replayAll(f,
                ReplayFormat.GECCO_2018.mapping(), ReplayOptions.forDevice("G").strictly(), out::add));
        assertEquals(f + ":4: column 'Leit': not a finite number: 'NaN'", e.getMessage());
        assertEquals(3, out.size(), "the samples of the two rows before it were delivered");
        assertEquals(3, e.report().samples());
        assertEquals(3, e.report().rows());
        assertEquals(1, e.report().badRows());
        assertFalse(e.report().finished());
    }

    @Test
    void anUnclosedQuoteEndsTheReplayAsABadRow() throws IOException {
        Path f = write("open.csv", USGS_HEADER
                + "2016-01-01T05:00:00Z,8.7,A,3.07,A,1.16,A,436,A,1.7,A\n"
                + "2016-01-01T05:05:00Z,8.7,\"A,3.07,A,1.16,A,436,A,1.7,A\n");
        ReplayReport rep = CsvReplay.replayAll(f, ReplayFormat.USGS_NWIS_5MIN.mapping(), ReplayOptions.forDevice("D"), s -> { });
        assertEquals(1, rep.samples());
        assertEquals(1, rep.badRows());
        assertTrue(rep.errors().get(0).startsWith(f + ":3: a quoted field opened on line 3"), rep.errors().get(0));
        assertTrue(rep.finished());
    }

    @Test
    void aMappingNeedingAColumnTheFileLacksIsRefusedNamingIt() throws IOException {
        Path f = write("short.csv", "datetime_utc,temp_degC,temp_degC_qual\n2016-01-01T05:00:00Z,1,A\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvReplay.open(f,
                ReplayFormat.USGS_NWIS_5MIN.mapping(), ReplayOptions.forDevice("D"), s -> { }));
        assertTrue(e.getMessage().contains("needs column 'discharge_cfs'") && e.getMessage().contains(f.toString()),
                e.getMessage());
        assertThrows(IOException.class, () -> CsvReplay.open(write("empty.csv", ""), ReplayFormat.GECCO_2018,
                ReplayOptions.forDevice("D"), s -> { }));
    }

    @Test
    void advancingEmitsTheRowsRecordedUpToTheTargetAndShiftingMovesThemToNow() throws IOException {
        StringBuilder csv = new StringBuilder(USGS_HEADER);
        for (int i = 0; i < 12; i++) {
            csv.append(String.format("2016-01-01T05:%02d:00Z,8.7,A,3.07,A,1.16,A,436,A,1.7,A%n", i * 5));
        }
        Path f = write("paced.csv", csv.toString());
        long first = ms("2016-01-01T05:00:00Z");
        List<Sample> out = new ArrayList<>();
        Instant now = Instant.parse("2025-03-01T12:00:00Z");
        try (CsvReplay r = CsvReplay.open(f, ReplayFormat.USGS_NWIS_5MIN.mapping(),
                ReplayOptions.forDevice("D").shiftedToNow(), out::add, Clock.fixed(now, ZoneOffset.UTC))) {
            assertEquals(first, r.firstRecordedTimeMs());
            assertEquals(first - 1, r.currentTimeMs());
            assertEquals(2, r.advanceTo(first + 7 * 60_000));
            assertEquals(0, r.advanceTo(first + 8 * 60_000));
            assertEquals(1, r.advanceTo(first + 10 * 60_000));
            assertEquals(List.of(now.toEpochMilli(), now.toEpochMilli() + 300_000, now.toEpochMilli() + 600_000),
                    out.stream().map(Sample::sampleTimeMs).toList());
            assertFalse(r.finished());
            assertEquals(9, r.runToEnd().samples() - 3);
            assertTrue(r.finished());
        }
        List<Sample> shifted = new ArrayList<>();
        CsvReplay.replayAll(f, ReplayFormat.USGS_NWIS_5MIN.mapping(), ReplayOptions.forDevice("D").shiftedBy(Duration.ofDays(1)),
                shifted::add);
        assertEquals(first + 86_400_000, shifted.get(0).sampleTimeMs());
    }

    @Test
    void aPacedRunnerReplaysAtASpeedFactorAgainstTheRecordedTimes() throws Exception {
        StringBuilder csv = new StringBuilder(USGS_HEADER);
        for (int i = 0; i < 12; i++) {
            csv.append(String.format("2016-01-01T05:%02d:00Z,8.7,A,3.07,A,1.16,A,436,A,1.7,A%n", i * 5));
        }
        Path f = write("runner.csv", csv.toString());
        AtomicLong nanos = new AtomicLong();
        List<Sample> out = new ArrayList<>();
        try (CsvReplay r = CsvReplay.open(f, ReplayFormat.USGS_NWIS_5MIN, ReplayOptions.forDevice("D"), out::add)) {
            PacedRunner runner = new PacedRunner(r, 60, Duration.ofMillis(100), nanos::get, "replay");
            nanos.addAndGet(TimeUnit.SECONDS.toNanos(10));
            runner.tick();
            assertEquals(2, out.size(), "at 60x ten seconds replay ten recorded minutes: rows :00 and :05");
            nanos.addAndGet(TimeUnit.SECONDS.toNanos(60));
            runner.tick();
            assertEquals(12, out.size());
            assertTrue(runner.completion().isDone(), "the runner completes at the end of the file");
            assertEquals(2, runner.completion().get().ticks());
        }
    }

    @Test
    void aCustomMappingLoadsFromJsonWithItsOwnDelimiterTimeFormatAndCodes() throws IOException {
        String json = """
                {
                  "name": "plant logger",
                  "delimiter": ";",
                  "time": {"column": "ts", "format": "EPOCH_SECONDS"},
                  "columns": [
                    {"column": "cond_mS", "quantity": "EC", "unit": "mS/cm", "factor": 1000,
                     "qualifierColumn": "flag", "qualifiers": {"codes": {"OK": "GOOD", "CAL": "MAINTENANCE"}}},
                    {"column": "temp_F", "quantity": "TEMP", "unit": "degF", "factor": 0.5555555555555556,
                     "offset": -17.77777777777778},
                    {"column": "flow2", "quantity": "FLOW", "deviceSuffix": "-B", "optional": true}
                  ],
                  "unmapped": [{"column": "note", "reason": "free text"}]
                }
                """;
        ColumnMapping m = ColumnMapping.fromJson(json);
        assertEquals(m, ColumnMapping.fromJson(m.toJson()), "JSON round trip");
        assertEquals(List.of("", "-B"), m.deviceSuffixes());
        Path f = write("logger.csv", "ts;cond_mS;flag;temp_F;note\n1700000000;0.75;OK;212;\"a; b\"\n1700000060.5;0.8;CAL;;\n");
        List<Sample> out = new ArrayList<>();
        ReplayReport rep = CsvReplay.replayAll(f, m, ReplayOptions.forDevice("LOG-1"), out::add);
        assertEquals(2, out.size());
        assertEquals(1_700_000_000_000L, out.get(0).sampleTimeMs());
        assertEquals(1_700_000_060_500L, out.get(1).sampleTimeMs());
        assertEquals(750, reading(out.get(0), Quantity.EC).value(), 1e-9);
        assertEquals(100, reading(out.get(0), Quantity.TEMPERATURE).value(), 1e-9);
        assertEquals(Quality.MAINTENANCE, reading(out.get(1), Quantity.EC).quality());
        assertEquals(1, rep.emptyFields());
        assertEquals(List.of(new UnmappedColumn("note", "free text")), rep.unmapped());
    }

    @Test
    void timesWithoutAnOffsetAreReadInTheMappingsZone() throws IOException {
        ColumnMapping m = new ColumnMapping("local", new TimeSpec("when", "yyyy/MM/dd HH:mm", "Asia/Taipei"),
                List.of(ColumnSpec.of("ec", Quantity.EC)));
        Path f = write("local.csv", "when,ec\n2024/07/01 08:00,400\n");
        List<Sample> out = new ArrayList<>();
        CsvReplay.replayAll(f, m, ReplayOptions.forDevice("R04-A"), out::add);
        assertEquals(ms("2024-07-01T00:00:00Z"), out.get(0).sampleTimeMs());

        ColumnMapping iso = new ColumnMapping("iso", new TimeSpec("when", null, "Europe/Berlin"),
                List.of(ColumnSpec.of("ec", Quantity.EC)));
        Path g = write("iso.csv", "when,ec\n2024-07-01T08:00:00+02:00,1\n2024-07-01T08:00,2\n2024-07-01 08:00:00.250Z,3\n");
        List<Sample> isoOut = new ArrayList<>();
        CsvReplay.replayAll(g, iso, ReplayOptions.forDevice("X"), isoOut::add);
        assertEquals(List.of(ms("2024-07-01T06:00:00Z"), ms("2024-07-01T06:00:00Z"), ms("2024-07-01T08:00:00.250Z")),
                isoOut.stream().map(Sample::sampleTimeMs).toList());
    }

    @Test
    void invalidMappingsAreRefusedWithClearMessages() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.fromJson("{\"name\":\"x\",\"time\":{\"column\":\"t\"},\"columns\":[{\"column\":\"a\",\"quantity\":\"CL2\"}]}"));
        assertTrue(unknown.getMessage().contains("unknown quantity symbol 'CL2'"), unknown.getMessage());
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.fromJson("{\"name\":\"x\",\"time\":{\"column\":\"t\"},\"columns\":[{\"column\":\"a\",\"quantity\":\"EC\",\"factr\":2}]}"));
        assertTrue(typo.getMessage().contains("factr"), typo.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> new ColumnMapping("x",
                new TimeSpec("t", null, null), List.of(ColumnSpec.of("a", Quantity.FLOW), ColumnSpec.of("b", Quantity.FLOW))));
        assertTrue(twice.getMessage().contains("deviceSuffix"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TimeParser(new TimeSpec("t", "ISO", "Mars/Olympus")));
        assertThrows(IllegalArgumentException.class, () -> ReplayOptions.forDevice("has space"));
    }

    @Test
    void builtInMappingsSayWhatTheyLeaveOut() {
        for (ReplayFormat f : ReplayFormat.values()) {
            ColumnMapping m = f.mapping();
            assertFalse(m.description().isBlank(), f + " explains its assumptions");
            assertEquals(m, ColumnMapping.fromJson(m.toJson()));
        }
        assertEquals(Map.of("Cl", true, "Cl_2", true), Map.of(
                "Cl", ReplayFormat.GECCO_2018.mapping().unmapped().stream().anyMatch(u -> u.column().equals("Cl")),
                "Cl_2", ReplayFormat.GECCO_2018.mapping().unmapped().stream().anyMatch(u -> u.column().equals("Cl_2"))));
        assertTrue(ReplayFormat.detect(List.of("a", "b")).isEmpty());
    }

    @Test
    void anotherEncodingIsReadWhenTheMappingSaysSoAndWrongBytesAreNamed() throws IOException {
        ColumnMapping latin1 = new ColumnMapping("logger", "", ";", "ISO-8859-1", new TimeSpec("Zeit", null, "UTC"),
                List.of(ColumnSpec.of("Leitf\u00e4higkeit \u00b5S/cm", Quantity.EC)), List.of());
        Path f = dir.resolve("latin1.csv");
        Files.write(f, "Zeit;Leitf\u00e4higkeit \u00b5S/cm\n2016-08-03 09:49:00;211\n".getBytes(StandardCharsets.ISO_8859_1));
        List<Sample> out = new ArrayList<>();
        CsvReplay.replayAll(f, latin1, ReplayOptions.forDevice("L"), out::add);
        assertEquals(211, reading(out.get(0), Quantity.EC).value());

        ColumnMapping utf8 = new ColumnMapping("logger", "", ";", null, new TimeSpec("Zeit", null, "UTC"),
                List.of(ColumnSpec.of("Leitf\u00e4higkeit \u00b5S/cm", Quantity.EC)), List.of());
        IOException e = assertThrows(IOException.class, () -> CsvReplay.open(f, utf8, ReplayOptions.forDevice("L"), s -> { }));
        assertTrue(e.getMessage().startsWith(f + ": not UTF-8 text"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ColumnMapping("x", "", ",", "NOPE-1", new TimeSpec("t", null, null),
                List.of(ColumnSpec.of("a", Quantity.EC)), List.of()));
    }
}
