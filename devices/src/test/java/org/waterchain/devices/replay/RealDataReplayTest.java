package org.waterchain.devices.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waterchain.devices.sample.Sample;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;

/**
 * Replays the real reference files end to end. The expected figures are the README's (row counts, maxima) and
 * counts made independently from the files (rows with any value, non-empty fields, qualifier codes). Skipped when
 * the data is not beside the repository.
 */
class RealDataReplayTest {

    /** Per quantity code and device: readings, maximum, and readings by quality. */
    static final class Tally {
        final Map<String, Long> readings = new HashMap<>();
        final Map<String, Double> max = new HashMap<>();
        final Map<String, Long> quality = new HashMap<>();
        long samples;
        long previousTime = Long.MIN_VALUE;
        boolean ordered = true;

        void accept(Sample s) {
            samples++;
            if (s.sampleTimeMs() < previousTime) {
                ordered = false;
            }
            previousTime = s.sampleTimeMs();
            for (Reading r : s.readings()) {
                String key = s.deviceId() + "/" + Quantity.byCode(r.quantityCode()).orElseThrow().symbol();
                readings.merge(key, 1L, Long::sum);
                max.merge(key, r.value(), Math::max);
                quality.merge(key + "/" + r.quality(), 1L, Long::sum);
            }
        }
    }

    @Test
    void plumtreeRunReplaysAllRowsWithTheRoadSaltPeak() throws IOException {
        Path f = SharedData.require("usgs/USGS_01581752_PlumtreeRun_MD_2016-2018_5min.csv");
        assertEquals(ReplayFormat.USGS_NWIS_5MIN, ReplayFormat.detect(f).orElseThrow());
        Tally t = new Tally();
        ReplayReport rep = CsvReplay.replayAll(f, ReplayFormat.USGS_NWIS_5MIN.mapping(), ReplayOptions.forDevice("PLUM-A"), t::accept);
        assertEquals(315_648, rep.rows(), "the README's row count");
        assertEquals(0, rep.badRows(), rep.errors().toString());
        assertTrue(rep.finished());
        assertEquals(8_810, t.max.get("PLUM-A/EC"), "road-salt pulses up to 8,810 uS/cm");
        assertEquals(1_520, t.max.get("PLUM-A/TURB"), "storms up to 1,520 FNU");
        assertEquals(2_270 * 101.9406477312, t.max.get("PLUM-A/FLOW"), 1e-6, "2,270 cfs in m3/h");
        // 1,079 rows report nothing at all; the other fields are counted empty or not.
        assertEquals(315_648 - 1_079, rep.samples());
        assertEquals(1_519_501, rep.readings());
        assertEquals(58_739, rep.emptyFields());
        assertEquals(6, t.quality.get("PLUM-A/TURB/BAD"), "six turbidity values qualified P,Eqp");
        assertEquals(353, t.quality.get("PLUM-A/FLOW/SUSPECT"), "353 discharges qualified A,e");
        assertEquals(Instant.parse("2016-01-01T05:00:00Z").toEpochMilli(), rep.firstTimeMs());
        assertEquals(Instant.parse("2019-01-01T04:55:00Z").toEpochMilli(), rep.lastTimeMs());
        assertEquals(0, rep.outOfOrderRows());
        assertTrue(t.ordered);
        ColumnStats ec = rep.columns().stream().filter(c -> c.quantity().equals("EC")).findFirst().orElseThrow();
        assertEquals(8_810, ec.max());
        assertEquals(11_415, ec.empty());
    }

    @Test
    void sligoCreekAddsDissolvedOxygenAndPh() throws IOException {
        Path f = SharedData.require("usgs/USGS_01650800_SligoCreek_MD_2019-05_5min.csv");
        Tally t = new Tally();
        ReplayReport rep = CsvReplay.replayAll(f, ReplayFormat.USGS_NWIS_5MIN.mapping(), ReplayOptions.forDevice("SLIGO-A"), t::accept);
        assertEquals(9_216, rep.rows());
        assertEquals(9_216, rep.samples());
        assertEquals(7 * 9_216 - 149, rep.readings(), "149 turbidity values missing");
        assertEquals(9_216, t.readings.get("SLIGO-A/DO"));
        assertEquals(9_216, t.readings.get("SLIGO-A/PH"));
        assertEquals(9.4, t.max.get("SLIGO-A/DO"));
        assertEquals(7.8, t.max.get("SLIGO-A/PH"));
        assertEquals(711, t.max.get("SLIGO-A/EC"));
    }

    @Test
    void geccoReplaysAllRowsForTheSensorsAndTheSecondFlowMeter() throws IOException {
        Path f = SharedData.require("gecco2018/geccoIC2018Train.csv");
        Tally t = new Tally();
        ReplayReport rep = CsvReplay.replayAll(f, ReplayFormat.GECCO_2018.mapping(), ReplayOptions.forDevice("GECCO-A"), t::accept);
        assertEquals(139_566, rep.rows(), "the README's row count");
        assertEquals(0, rep.badRows(), rep.errors().toString());
        // 1,044 rows have no sensor values; each other row gives the sensors' sample and the second meter's.
        assertEquals(2 * (139_566 - 1_044), rep.samples());
        assertEquals(969_654, rep.readings());
        assertEquals(646, t.max.get("GECCO-A/EC"));
        assertEquals(3_923, t.max.get("GECCO-A/FLOW"));
        assertEquals(2_592, t.max.get("GECCO-A-2/FLOW"));
        assertEquals(Instant.parse("2016-08-03T09:49:00Z").toEpochMilli(), rep.firstTimeMs());
        assertEquals(Instant.parse("2016-11-08T07:54:00Z").toEpochMilli(), rep.lastTimeMs());
    }

    @Test
    void canaryStationBReplaysItsTwentyMinuteSteps() throws IOException {
        Path f = SharedData.require("canary/Tutorial_Station_B.csv");
        Tally t = new Tally();
        ReplayReport rep = CsvReplay.replayAll(f, ReplayFormat.CANARY_STATION_B.mapping(), ReplayOptions.forDevice("CANB-A"), t::accept);
        assertEquals(7_200, rep.rows());
        assertEquals(0, rep.badRows(), rep.errors().toString());
        assertEquals(2 * 7_197, rep.samples(), "three rows are empty");
        assertEquals(57_576, rep.readings());
        assertEquals((82.2 - 32) * 5 / 9, t.max.get("CANB-A/TEMP"), 1e-9, "82.2 degF");
        assertEquals(263, t.max.get("CANB-A/EC"));
        assertEquals(Instant.parse("2006-02-21T00:00:00Z").toEpochMilli(), rep.firstTimeMs());
        assertEquals(Instant.parse("2006-05-31T23:40:00Z").toEpochMilli(), rep.lastTimeMs());
        assertEquals((7_200 - 1) * 20 * 60_000L, rep.lastTimeMs() - rep.firstTimeMs(), "one row every 20 minutes");
    }
}
