package org.waterchain.app.chart;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.waterchain.ledger.record.Quantity;

/**
 * The points a chart shows, as CSV: one row per point at full resolution (not the down-sampled line), rows in
 * time order across series, so a spreadsheet can filter by station or quantity. Times are ISO-8601 UTC and epoch
 * milliseconds, values in the quantity's unit, written without exponents.
 */
public final class CsvExport {
    public static final String HEADER = "time_utc,time_ms,station,quantity,unit,value";

    /** One series' points, copied out of its ring (the export runs off the FX thread, which owns the ring). */
    public record SeriesData(String stationId, Quantity quantity, double[] x, double[] y) {
        public SeriesData {
            if (x.length != y.length) {
                throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
            }
        }

        /** The points of {@code ring} with x in {@code [fromMs, toMs]}. */
        public static SeriesData window(String stationId, Quantity q, RingBuffer ring, double fromMs, double toMs) {
            int from = ring.lowerBound(fromMs);
            int to = Math.max(from, ring.upperBound(toMs));
            double[][] c = ring.copy(from, to);
            return new SeriesData(stationId, q, c[0], c[1]);
        }
    }

    private CsvExport() {}

    /** @return the number of rows written, header not counted */
    public static long write(List<SeriesData> series, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        int[] next = new int[series.size()];
        long rows = 0;
        while (true) {
            // k-way merge by time; ties keep the series' order (the chart's panel and legend order)
            int pick = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int s = 0; s < series.size(); s++) {
                SeriesData d = series.get(s);
                if (next[s] < d.x().length && d.x()[next[s]] < best) {
                    best = d.x()[next[s]];
                    pick = s;
                }
            }
            if (pick < 0) {
                return rows;
            }
            SeriesData d = series.get(pick);
            int i = next[pick]++;
            long ms = (long) d.x()[i];
            out.write(Instant.ofEpochMilli(ms).toString());
            out.write(',');
            out.write(Long.toString(ms));
            out.write(',');
            out.write(field(d.stationId()));
            out.write(',');
            out.write(field(d.quantity().symbol()));
            out.write(',');
            out.write(field(d.quantity().unit()));
            out.write(',');
            out.write(BigDecimal.valueOf(d.y()[i]).stripTrailingZeros().toPlainString());
            out.write('\n');
            rows++;
        }
    }

    /** Writes the file whole or not at all: a temporary file beside it, moved into place when complete. */
    public static long write(List<SeriesData> series, Path file) throws IOException {
        long[] rows = new long[1];
        ExportFile.write(file, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                rows[0] = write(series, w);
            }
        });
        return rows[0];
    }

    /** RFC 4180 quoting, for the rare id or unit with a comma, quote or line break. */
    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
