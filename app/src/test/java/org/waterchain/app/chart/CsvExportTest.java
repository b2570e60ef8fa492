package org.waterchain.app.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.record.Quantity;

class CsvExportTest {
    private static final long T = 1_740_000_000_000L; // 2025-02-19T21:20:00Z

    @Test
    void writesOneRowPerPointInTimeOrderAcrossSeries() throws Exception {
        CsvExport.SeriesData ec04 = new CsvExport.SeriesData("R04", Quantity.EC, new double[] {T, T + 120_000}, new double[] {412.5, 760});
        CsvExport.SeriesData ec06 = new CsvExport.SeriesData("R06", Quantity.EC, new double[] {T + 60_000, T + 120_000}, new double[] {398, 401.25});
        CsvExport.SeriesData ph04 = new CsvExport.SeriesData("R04", Quantity.PH, new double[] {T}, new double[] {7.1});
        StringWriter w = new StringWriter();
        long rows = CsvExport.write(List.of(ec04, ec06, ph04), w);
        assertEquals(5, rows);
        assertEquals("""
                time_utc,time_ms,station,quantity,unit,value
                2025-02-19T21:20:00Z,1740000000000,R04,EC,µS/cm,412.5
                2025-02-19T21:20:00Z,1740000000000,R04,PH,,7.1
                2025-02-19T21:21:00Z,1740000060000,R06,EC,µS/cm,398
                2025-02-19T21:22:00Z,1740000120000,R04,EC,µS/cm,760
                2025-02-19T21:22:00Z,1740000120000,R06,EC,µS/cm,401.25
                """, w.toString());
    }

    @Test
    void writesSmallAndLargeValuesWithoutExponents() throws Exception {
        StringWriter w = new StringWriter();
        CsvExport.write(List.of(new CsvExport.SeriesData("M02", Quantity.CD, new double[] {T, T + 1}, new double[] {0.00012, 1.5e7})), w);
        String[] lines = w.toString().split("\n");
        assertEquals("2025-02-19T21:20:00Z,1740000000000,M02,CD,mg/L,0.00012", lines[1]);
        assertEquals("2025-02-19T21:20:00.001Z,1740000000001,M02,CD,mg/L,15000000", lines[2]);
    }

    @Test
    void quotesFieldsThatNeedIt() {
        assertEquals("R04", CsvExport.field("R04"));
        assertEquals("\"a,b\"", CsvExport.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvExport.field("say \"hi\""));
    }

    @Test
    void takesOnlyThePointsInsideTheWindow() {
        RingBuffer r = new RingBuffer(16);
        for (int i = 0; i < 10; i++) {
            r.add(T + i * 1000, i);
        }
        CsvExport.SeriesData d = CsvExport.SeriesData.window("R04", Quantity.EC, r, T + 2000, T + 5000);
        assertArrayEquals(new double[] {2, 3, 4, 5}, d.y());
        assertEquals(0, CsvExport.SeriesData.window("R04", Quantity.EC, r, T + 20_000, T + 30_000).x().length);
    }

    @Test
    void writesAFileWhole(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub/out.csv");
        long rows = CsvExport.write(List.of(new CsvExport.SeriesData("R04", Quantity.EC, new double[] {T}, new double[] {400})), f);
        assertEquals(1, rows);
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        assertEquals(List.of(CsvExport.HEADER, "2025-02-19T21:20:00Z,1740000000000,R04,EC,µS/cm,400"), lines);
        try (var files = Files.list(f.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
