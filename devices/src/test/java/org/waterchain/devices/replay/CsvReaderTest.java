package org.waterchain.devices.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    record Row(long line, List<String> fields) {}

    static List<Row> read(Reader in) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (CsvReader r = new CsvReader(in, ',')) {
            List<String> f = new ArrayList<>();
            while (r.next(f)) {
                rows.add(new Row(r.recordLine(), List.copyOf(f)));
            }
        }
        return rows;
    }

    @Test
    void quotedFieldsKeepDelimitersQuotesAndLineBreaks() throws IOException {
        String csv = "\uFEFFa,b,c\r\n1,\"A,R\",\"say \"\"hi\"\"\"\r\n\r\n2,\"two\nlines\",\r\n3,x,y";
        List<Row> rows = read(new StringReader(csv));
        assertEquals(List.of(
                new Row(1, List.of("a", "b", "c")),
                new Row(2, List.of("1", "A,R", "say \"hi\"")),
                new Row(4, List.of("2", "two\nlines", "")),
                new Row(6, List.of("3", "x", "y"))), rows);
    }

    @Test
    void lineEndsOfEveryKindAndNoFinalNewline() throws IOException {
        List<Row> rows = read(new StringReader("a,b\rc,d\n\ne,f\r\n"));
        assertEquals(List.of(new Row(1, List.of("a", "b")), new Row(2, List.of("c", "d")), new Row(4, List.of("e", "f"))), rows);
    }

    @Test
    void anUnclosedQuoteIsReportedWithTheLineItOpenedOn() throws IOException {
        try (CsvReader r = new CsvReader(new StringReader("a,b\n1,\"open\n2,3\n"), ',')) {
            List<String> f = new ArrayList<>();
            assertTrue(r.next(f));
            CsvReader.CsvFormatException e = assertThrows(CsvReader.CsvFormatException.class, () -> r.next(f));
            assertEquals(2, e.line());
            assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        }
    }

    /** Random fields, written with quoting where needed, read back through a reader that hands out a few chars at a time. */
    @Test
    void randomRecordsSurviveBufferRefillsAtEveryPosition() throws IOException {
        SplittableRandom rnd = new SplittableRandom(5);
        String alphabet = "ab,\"\n\r x1";
        List<List<String>> expected = new ArrayList<>();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            List<String> rec = new ArrayList<>();
            int n = 1 + rnd.nextInt(5);
            for (int k = 0; k < n; k++) {
                StringBuilder f = new StringBuilder();
                int len = rnd.nextInt(8);
                for (int j = 0; j < len; j++) {
                    f.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
                // A CR inside quotes reads back as a line break; keep the expectation in that form.
                String value = f.toString().replace("\r\n", "\n").replace('\r', '\n');
                rec.add(value);
                if (k > 0) {
                    csv.append(',');
                }
                csv.append('"').append(value.replace("\"", "\"\"")).append('"');
            }
            expected.add(rec);
            csv.append(rnd.nextBoolean() ? "\r\n" : "\n");
        }
        for (int chunk : new int[] {1, 3, 7, 64 * 1024}) {
            List<Row> rows = read(new ChunkedReader(csv.toString(), chunk));
            assertEquals(expected, rows.stream().map(Row::fields).toList(), "chunk " + chunk);
        }
    }

    @Test
    void aLongFileCrossesManyBuffers() throws IOException {
        StringBuilder csv = new StringBuilder("t,v\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append(i).append(",\"").append(i % 7 == 0 ? "q\"\"uote" : "v" + i).append("\"\n");
        }
        List<Row> rows = read(new StringReader(csv.toString()));
        assertEquals(50_001, rows.size());
        assertEquals(List.of("49999", "v49999"), rows.get(50_000).fields());
        assertEquals(List.of("49994", "q\"uote"), rows.get(49_995).fields());
        assertEquals(50_001, rows.get(50_000).line());
        assertFalse(rows.isEmpty());
    }

    /** Hands out at most {@code chunk} characters per read, as a slow stream may. */
    static final class ChunkedReader extends Reader {
        private final String text;
        private final int chunk;
        private int pos;

        ChunkedReader(String text, int chunk) {
            this.text = text;
            this.chunk = chunk;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (pos >= text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), text.length() - pos);
            text.getChars(pos, pos + n, buf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {}
    }
}
