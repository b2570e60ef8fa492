package org.waterchain.devices.replay;

/**
 * A strict replay met a bad row. The message names the file, the line and the column; {@link #report()} counts
 * what was replayed before it (those samples have already reached the sink).
 */
public final class ReplayException extends RuntimeException {
    private final transient ReplayReport report;

    public ReplayException(String message, ReplayReport report) {
        super(message);
        this.report = report;
    }

    public ReplayReport report() {
        return report;
    }
}
