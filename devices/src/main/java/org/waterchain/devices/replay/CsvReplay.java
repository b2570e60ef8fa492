package org.waterchain.devices.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.waterchain.devices.sample.Sample;
import org.waterchain.devices.sample.SampleSink;
import org.waterchain.devices.sim.TimeSteppedSource;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.Reading.Quality;

/**
 * Replays a recorded CSV series as samples of one device (and of companion devices for columns the mapping gives a
 * device suffix). The file is streamed a row at a time, so a file of any length replays in constant memory.
 *
 * <p>Each row gives at most one sample per device, stamped with the row's time (plus any shift): one reading per
 * mapped non-empty field, converted to the quantity's unit, with the quality its qualifier column says (GOOD when
 * there is none). An empty field is a missing value: no reading. A row with no readings gives no sample.
 *
 * <p>A bad row (a time or number that does not parse, a wrong number of fields) is rejected whole, since a row
 * with one garbled field may be garbled elsewhere too. Leniently (the default) it is counted, its message kept for
 * the report, and the replay goes on; strictly, the replay stops with a {@link ReplayException}. Either way the
 * samples of earlier rows have already reached the sink.
 *
 * <p>As a {@link TimeSteppedSource} its clock is the recorded time: {@link #advanceTo} emits every row recorded up to
 * the target, so a {@link org.waterchain.devices.sim.PacedRunner} replays at a speed factor against the recorded
 * timestamps, and {@link #runToEnd()} replays as fast as possible. Its public methods lock the replay, so a UI
 * thread may ask for a {@link #report()} while a runner thread drives it; the sink is called with the lock held.
 */
public final class CsvReplay implements TimeSteppedSource, AutoCloseable {

    /** A mapped column resolved against the header, with its running counts. */
    private static final class Column {
        final ColumnSpec spec;
        final int index;
        final int qualifierIndex;
        final int code;
        final int device;
        final double factor;
        final double offset;
        final String deviceId;
        long readings;
        long empty;
        long suspect;
        long bad;
        double min = Double.NaN;
        double max = Double.NaN;

        Column(ColumnSpec spec, int index, int qualifierIndex, int device, String deviceId) {
            this.spec = spec;
            this.index = index;
            this.qualifierIndex = qualifierIndex;
            this.code = spec.quantityCode().code();
            this.device = device;
            this.deviceId = deviceId;
            this.factor = spec.factor();
            this.offset = spec.offset();
        }
    }

    private final String fileName;
    private final ColumnMapping mapping;
    private final ReplayOptions options;
    private final SampleSink sink;
    private final CsvReader reader;
    private final TimeParser timeParser;
    private final int headerSize;
    private final int timeIndex;
    private final Column[] columns;
    private final String[] deviceIds;
    private final List<String> fields = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    // The row read ahead: the next to emit.
    private boolean pending;
    private long pendingTimeMs;
    private final List<Sample> pendingSamples = new ArrayList<>();
    // Scratch for parsing one row before it is accepted.
    private final double[] values;
    private final Quality[] qualities;
    private final boolean[] present;
    private final int[] perDevice;

    private boolean endOfFile;
    private long currentMs;
    private final long shiftMs;
    private long rows;
    private long samples;
    private long readings;
    private long emptyFields;
    private long badRows;
    private long outOfOrder;
    private long firstMs = Long.MIN_VALUE;
    private long lastMs = Long.MIN_VALUE;

    private CsvReplay(Path file, ColumnMapping mapping, ReplayOptions options, SampleSink sink, Clock clock)
            throws IOException {
        this.fileName = file.toString();
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.options = Objects.requireNonNull(options, "options");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.timeParser = new TimeParser(mapping.time());
        this.reader = new CsvReader(Files.newBufferedReader(file, mapping.charset()), mapping.delimiter().charAt(0));
        try {
            if (!reader.next(fields)) {
                throw new IOException(fileName + " is empty: no header row");
            }
            List<String> header = fields.stream().map(String::trim).toList();
            headerSize = header.size();
            Map<String, Integer> byName = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                byName.putIfAbsent(header.get(i), i);
            }
            timeIndex = require(byName, header, mapping.time().column(), "its time column");
            List<String> suffixes = mapping.deviceSuffixes();
            deviceIds = suffixes.stream().map(s -> options.deviceId() + s).toArray(String[]::new);
            List<Column> resolved = new ArrayList<>();
            for (ColumnSpec c : mapping.columns()) {
                Integer index = byName.get(c.column());
                if (index == null) {
                    if (c.optional()) {
                        continue;
                    }
                    require(byName, header, c.column(), c.quantity());
                }
                int qualifier = c.qualifierColumn() == null ? -1
                        : require(byName, header, c.qualifierColumn(), "the qualifiers of " + c.column());
                int device = suffixes.indexOf(c.deviceSuffix());
                resolved.add(new Column(c, index, qualifier, device, deviceIds[device]));
            }
            columns = resolved.toArray(new Column[0]);
            values = new double[columns.length];
            qualities = new Quality[columns.length];
            present = new boolean[columns.length];
            perDevice = new int[deviceIds.length];
            // Read ahead to the first good row: its time anchors the clock and the shift to now.
            readRow();
            currentMs = pending ? pendingTimeMs - 1 : Long.MIN_VALUE;
            shiftMs = options.shiftToNow() ? (pending ? clock.millis() - pendingTimeMs : 0) : options.shiftMs();
            if (pending) {
                restamp();
            }
        } catch (CharacterCodingException e) {
            reader.close();
            throw new IOException(fileName + ": not " + mapping.encoding() + " text near line " + reader.recordLine()
                    + " (set the mapping's encoding)", e);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private int require(Map<String, Integer> byName, List<String> header, String column, String role) {
        Integer i = byName.get(column);
        if (i == null) {
            throw new IllegalArgumentException(fileName + ": mapping '" + mapping.name() + "' needs column '" + column
                    + "' (" + role + "), which the header lacks; the header has " + header);
        }
        return i;
    }

    /** Opens a file for replay; nothing is emitted until the caller advances or runs it. */
    public static CsvReplay open(Path file, ColumnMapping mapping, ReplayOptions options, SampleSink sink)
            throws IOException {
        return new CsvReplay(file, mapping, options, sink, Clock.systemUTC());
    }

    /** As {@link #open(Path, ColumnMapping, ReplayOptions, SampleSink)}, with the clock that "now" comes from. */
    public static CsvReplay open(Path file, ColumnMapping mapping, ReplayOptions options, SampleSink sink, Clock clock)
            throws IOException {
        return new CsvReplay(file, mapping, options, sink, clock);
    }

    public static CsvReplay open(Path file, ReplayFormat format, ReplayOptions options, SampleSink sink)
            throws IOException {
        return open(file, format.mapping(), options, sink);
    }

    /** Replays a whole file as fast as possible and reports what it did. */
    public static ReplayReport replayAll(Path file, ColumnMapping mapping, ReplayOptions options, SampleSink sink)
            throws IOException {
        try (CsvReplay r = open(file, mapping, options, sink)) {
            return r.runToEnd();
        }
    }

    /** Emits every remaining row, as fast as the sink takes them. */
    public synchronized ReplayReport runToEnd() {
        advanceTo(Long.MAX_VALUE);
        return report();
    }

    @Override
    public synchronized long currentTimeMs() {
        return currentMs;
    }

    /** The recorded time of the first good row (Long.MIN_VALUE for a file without one). */
    public synchronized long firstRecordedTimeMs() {
        return firstMs != Long.MIN_VALUE ? firstMs : pending ? pendingTimeMs : Long.MIN_VALUE;
    }

    /** What is added to recorded times in the samples. */
    public long timeShiftMs() {
        return shiftMs;
    }

    /** Emits the rows recorded up to {@code timeMs} (recorded time, before any shift). */
    @Override
    public synchronized int advanceTo(long timeMs) {
        if (timeMs <= currentMs) {
            return 0;
        }
        int emitted = 0;
        try {
            while (true) {
                if (!pending && (endOfFile || !readRow())) {
                    break;
                }
                if (pendingTimeMs > timeMs) {
                    break;
                }
                emitted += emitPending();
            }
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException(fileName + ": not " + mapping.encoding() + " text after line "
                    + reader.recordLine() + " (set the mapping's encoding)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + ": cannot read past line " + reader.recordLine() + ": "
                    + e.getMessage(), e);
        }
        currentMs = timeMs;
        return emitted;
    }

    @Override
    public synchronized boolean finished() {
        return endOfFile && !pending;
    }

    private int emitPending() {
        pending = false;
        if (firstMs == Long.MIN_VALUE) {
            firstMs = pendingTimeMs;
        }
        if (lastMs != Long.MIN_VALUE && pendingTimeMs < lastMs) {
            outOfOrder++;
        }
        lastMs = pendingTimeMs;
        int n = pendingSamples.size();
        for (int i = 0; i < n; i++) {
            Sample s = pendingSamples.get(i);
            samples++;
            readings += s.readings().size();
            sink.accept(s);
        }
        pendingSamples.clear();
        return n;
    }

    /** Reads rows until one is good (it becomes pending) or the file ends; counts and reports bad ones. */
    private boolean readRow() throws IOException {
        while (true) {
            try {
                if (!reader.next(fields)) {
                    endOfFile = true;
                    return false;
                }
            } catch (CsvReader.CsvFormatException e) {
                rows++;
                endOfFile = true;
                bad(fileName + ":" + e.line() + ": " + e.getMessage());
                return false;
            }
            rows++;
            String problem = parse();
            if (problem == null) {
                pending = true;
                return true;
            }
            bad(fileName + ":" + reader.recordLine() + ": " + problem);
        }
    }

    private void bad(String message) {
        badRows++;
        if (errors.size() < options.maxErrorsKept()) {
            errors.add(message);
        }
        if (options.strict()) {
            throw new ReplayException(message, report());
        }
    }

    /** Parses the current fields into the pending row; returns what is wrong with the row, or null. */
    private String parse() {
        if (fields.size() != headerSize) {
            return "row has " + fields.size() + " field" + (fields.size() == 1 ? "" : "s") + ", the header has "
                    + headerSize;
        }
        long time;
        try {
            time = timeParser.parse(fields.get(timeIndex));
        } catch (IllegalArgumentException e) {
            return "column '" + mapping.time().column() + "': " + e.getMessage();
        }
        for (int i = 0; i < columns.length; i++) {
            Column c = columns[i];
            String raw = fields.get(c.index);
            if (raw.isBlank()) {
                present[i] = false;
                continue;
            }
            double v;
            try {
                v = Double.parseDouble(raw.trim());
            } catch (NumberFormatException e) {
                return "column '" + c.spec.column() + "': not a number: '" + raw + "'";
            }
            v = v * c.factor + c.offset;
            if (!Double.isFinite(v)) {
                return "column '" + c.spec.column() + "': not a finite number: '" + raw + "'";
            }
            values[i] = v;
            qualities[i] = c.qualifierIndex < 0 ? Quality.GOOD : c.spec.qualifiers().quality(fields.get(c.qualifierIndex));
            present[i] = true;
        }
        // The row is good: commit its counts and build its samples.
        pendingTimeMs = time;
        Arrays.fill(perDevice, 0);
        for (int i = 0; i < columns.length; i++) {
            Column c = columns[i];
            if (!present[i]) {
                c.empty++;
                emptyFields++;
                continue;
            }
            perDevice[c.device]++;
            c.readings++;
            if (qualities[i] == Quality.SUSPECT) {
                c.suspect++;
            } else if (qualities[i] != Quality.GOOD) {
                c.bad++;
            }
            c.min = Double.isNaN(c.min) ? values[i] : Math.min(c.min, values[i]);
            c.max = Double.isNaN(c.max) ? values[i] : Math.max(c.max, values[i]);
        }
        pendingSamples.clear();
        for (int d = 0; d < deviceIds.length; d++) {
            if (perDevice[d] == 0) {
                continue;
            }
            Reading[] rs = new Reading[perDevice[d]];
            int k = 0;
            for (int i = 0; i < columns.length; i++) {
                if (present[i] && columns[i].device == d) {
                    rs[k++] = new Reading(columns[i].code, values[i], qualities[i]);
                }
            }
            pendingSamples.add(new Sample(deviceIds[d], time + shiftOrZero(), List.of(rs)));
        }
        return null;
    }

    /** The shift is only known after the first row has been read ahead; that row is restamped then. */
    private long shiftOrZero() {
        return shiftKnown ? shiftMs : 0;
    }

    private boolean shiftKnown;

    private void restamp() {
        shiftKnown = true;
        if (shiftMs == 0) {
            return;
        }
        for (int i = 0; i < pendingSamples.size(); i++) {
            Sample s = pendingSamples.get(i);
            pendingSamples.set(i, new Sample(s.deviceId(), s.sampleTimeMs() + shiftMs, s.statusFlags(), s.readings()));
        }
    }

    /** A snapshot of the counts so far. */
    public synchronized ReplayReport report() {
        List<ColumnStats> stats = new ArrayList<>(columns.length);
        for (Column c : columns) {
            stats.add(new ColumnStats(c.spec.column(), c.spec.quantity(), c.deviceId, c.readings, c.empty, c.suspect,
                    c.bad, c.min, c.max));
        }
        return new ReplayReport(fileName, rows, samples, readings, emptyFields, badRows, outOfOrder, firstMs, lastMs,
                shiftMs, stats, errors, mapping.unmapped(), finished());
    }

    @Override
    public synchronized void close() throws IOException {
        reader.close();
    }
}
