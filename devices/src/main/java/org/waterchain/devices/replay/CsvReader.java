package org.waterchain.devices.replay;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * A streaming RFC 4180 reader: one record at a time, so a file of any length replays in constant memory. Handles
 * quoted fields (with "" for a quote, and delimiters or line breaks inside), CRLF, LF or CR line ends, a UTF-8 byte
 * order mark, and blank lines (skipped). Tracks the physical line each record starts on, for error messages.
 */
public final class CsvReader implements Closeable {
    private static final char BOM = '\uFEFF';

    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[64 * 1024];
    private final StringBuilder field = new StringBuilder(64);
    private int pos;
    private int limit;
    private boolean eof;
    private boolean first = true;
    /** 1-based line of the next character to read. */
    private long line = 1;
    private long recordLine;

    public CsvReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("a CSV delimiter cannot be a quote or a line break");
        }
    }

    /** The physical line (1-based) on which the record last returned by {@link #next} began. */
    public long recordLine() {
        return recordLine;
    }

    /**
     * Reads the next non-blank record into {@code fields} (cleared first).
     *
     * @return false at the end of the input
     * @throws CsvFormatException for a quoted field still open at the end of the input
     */
    public boolean next(List<String> fields) throws IOException {
        fields.clear();
        while (true) {
            int c = read();
            if (c < 0) {
                return false;
            }
            if (c == '\n' || c == '\r') {
                lineEnd(c);
                continue; // blank line
            }
            recordLine = line;
            unread();
            readRecord(fields);
            return true;
        }
    }

    private void readRecord(List<String> fields) throws IOException {
        field.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c < 0) {
                    throw new CsvFormatException("a quoted field opened on line " + recordLine + " is not closed before the end of the file", recordLine);
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (d >= 0) {
                            unread();
                        }
                    }
                } else {
                    if (c == '\n' || c == '\r') {
                        // A CRLF inside quotes is one line break: kept as a single LF.
                        lineEnd(c);
                        field.append('\n');
                    } else {
                        field.append((char) c);
                    }
                }
                continue;
            }
            if (c < 0 || c == '\n' || c == '\r') {
                fields.add(field.toString());
                if (c >= 0) {
                    lineEnd(c);
                }
                return;
            }
            if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                // Text after a closing quote, or a stray quote inside an unquoted field: kept as written, as
                // spreadsheet programs do, rather than rejecting the whole file.
                field.append((char) c);
            }
        }
    }

    private void lineEnd(int c) throws IOException {
        line++;
        if (c == '\r') {
            int d = read();
            if (d != '\n' && d >= 0) {
                unread();
            }
        }
    }

    private int read() throws IOException {
        if (pos == limit) {
            if (eof) {
                return -1;
            }
            // Keep the last character so unread() works across a refill.
            if (limit > 0) {
                buffer[0] = buffer[limit - 1];
                pos = 1;
                limit = 1;
            }
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n <= 0) {
                eof = true;
                return -1;
            }
            limit += n;
        }
        char c = buffer[pos++];
        if (first) {
            first = false;
            if (c == BOM) {
                return read();
            }
        }
        return c;
    }

    private void unread() {
        pos--;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A record that cannot be split into fields. */
    public static final class CsvFormatException extends IOException {
        private final long line;

        CsvFormatException(String message, long line) {
            super(message);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }
}
