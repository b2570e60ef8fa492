package org.waterchain.devices.replay;

import java.util.List;

/**
 * What a replay did so far.
 *
 * @param rows           data rows read (header and blank lines excluded), bad ones included
 * @param samples        samples handed to the sink
 * @param readings       readings in those samples
 * @param emptyFields    mapped fields that were empty: missing values, skipped
 * @param badRows        rows rejected (unparseable time or number, wrong field count); none of their values replayed
 * @param outOfOrderRows rows stamped earlier than the row before them (replayed anyway, as recorded)
 * @param firstTimeMs    first replayed row's recorded time (Long.MIN_VALUE before any)
 * @param lastTimeMs     last replayed row's recorded time (Long.MIN_VALUE before any)
 * @param timeShiftMs    added to recorded times in the samples
 * @param errors         the first bad rows' messages: file, line, column and what was wrong
 * @param unmapped       columns the mapping leaves out on purpose, with the reason
 * @param finished       the whole file was read
 */
public record ReplayReport(String file, long rows, long samples, long readings, long emptyFields, long badRows,
                           long outOfOrderRows, long firstTimeMs, long lastTimeMs, long timeShiftMs,
                           List<ColumnStats> columns, List<String> errors, List<UnmappedColumn> unmapped,
                           boolean finished) {
    public ReplayReport {
        columns = List.copyOf(columns);
        errors = List.copyOf(errors);
        unmapped = List.copyOf(unmapped);
    }

    /** One line for a log: the counts. */
    public String summary() {
        return file + ": " + rows + " rows, " + samples + " samples, " + readings + " readings, " + emptyFields
                + " empty fields skipped, " + badRows + " bad rows" + (outOfOrderRows > 0 ? ", " + outOfOrderRows
                + " out of order" : "") + (finished ? "" : " (not finished)");
    }
}
