package org.waterchain.app.map.view;

import java.util.Locale;
import org.waterchain.app.map.tiles.AreaDownload;

/**
 * The Download area dialog's state and words, without JavaFX: what the buttons say and allow, and the progress as a
 * fraction and as text. Owned by the FX thread; the download's progress reaches it from there.
 */
public final class AreaDownloadModel {
    public enum State {
        /** the user is choosing; nothing runs */
        EDITING,
        RUNNING,
        /** cancel asked; the request in flight is being cut short */
        CANCELLING,
        /** stopped by the user; running again resumes */
        CANCELLED,
        /** every tile tried; some may have failed */
        FINISHED,
        /** the file could not be written (disk full, not an MBTiles file) */
        FAILED
    }

    private State state = State.EDITING;
    private AreaDownload.Progress progress;
    private AreaDownload.Result result;
    private String error = "";
    private String basemap = "";
    private String notListed = "";

    public State state() {
        return state;
    }

    /** A plan can be started from any state but a running one. */
    public boolean canStart() {
        return state != State.RUNNING && state != State.CANCELLING;
    }

    public boolean canCancel() {
        return state == State.RUNNING;
    }

    /** The area, zooms, source and file are fixed while a download runs. */
    public boolean canEditPlan() {
        return canStart();
    }

    public String startLabel() {
        if (state == State.CANCELLED) {
            return "Resume";
        }
        if (state == State.FINISHED && result.failed() > 0) {
            return "Retry failed tiles";
        }
        return "Download";
    }

    public void started(long total) {
        state = State.RUNNING;
        progress = new AreaDownload.Progress(0, total, 0, 0, 0, 0);
        result = null;
        error = "";
        basemap = "";
        notListed = "";
    }

    public void progressed(AreaDownload.Progress p) {
        if (state == State.RUNNING || state == State.CANCELLING) {
            progress = p;
        }
    }

    public void cancelRequested() {
        if (state == State.RUNNING) {
            state = State.CANCELLING;
        }
    }

    public void finished(AreaDownload.Result r) {
        result = r;
        progress = new AreaDownload.Progress(r.stored() + r.skipped() + r.absent() + r.failed(), r.total(), r.stored(),
                r.skipped(), r.absent(), r.failed());
        state = r.cancelled() ? State.CANCELLED : State.FINISHED;
    }

    public void failed(String message) {
        error = message;
        state = State.FAILED;
    }

    /** The file is listed as a basemap under this name. */
    public void registered(String name) {
        basemap = name;
    }

    /** The file could not be listed as a basemap, for this reason (e.g. it holds vector tiles). */
    public void notListed(String reason) {
        notListed = reason;
    }

    /** Between 0 and 1; -1 (indeterminate) before anything has been counted. */
    public double fraction() {
        if (progress == null || progress.total() == 0) {
            return state == State.RUNNING ? -1 : 0;
        }
        return progress.done() / (double) progress.total();
    }

    /** "120 of 1,234 tiles: 100 fetched, 15 not on the server, 2 failed, 3 already in the file". */
    public String progressText() {
        if (progress == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%,d of %,d tiles", progress.done(),
                progress.total()));
        String sep = ": ";
        if (progress.stored() > 0) {
            sb.append(sep).append(String.format(Locale.ROOT, "%,d fetched", progress.stored()));
            sep = ", ";
        }
        if (progress.absent() > 0) {
            sb.append(sep).append(String.format(Locale.ROOT, "%,d not on the server", progress.absent()));
            sep = ", ";
        }
        if (progress.failed() > 0) {
            sb.append(sep).append(String.format(Locale.ROOT, "%,d failed", progress.failed()));
            sep = ", ";
        }
        if (progress.skipped() > 0) {
            sb.append(sep).append(String.format(Locale.ROOT, "%,d already in the file", progress.skipped()));
        }
        return sb.toString();
    }

    /** What happened, in a sentence; empty while editing. */
    public String statusText() {
        return switch (state) {
            case EDITING -> "";
            case RUNNING -> "Downloading…";
            case CANCELLING -> "Cancelling…";
            case CANCELLED -> "Cancelled; the tiles fetched so far are kept"
                    + (basemap.isEmpty() ? "" : " (basemap \"" + basemap + "\")") + ". Resume continues where it stopped.";
            case FAILED -> "Download failed: " + error;
            case FINISHED -> finishedText();
        };
    }

    private String finishedText() {
        String where = !basemap.isEmpty() ? " Listed as basemap \"" + basemap + "\"."
                : notListed.isEmpty() ? "" : " Not listed as a basemap: " + notListed;
        if (result.failed() == 0) {
            return "Done: every tile the server has for the area is in " + result.target().getFileName() + "." + where;
        }
        return String.format(Locale.ROOT, "Finished with %,d failed tile%s (first: %s); retry to fetch them.%s",
                result.failed(), result.failed() == 1 ? "" : "s", result.failures().get(0), where);
    }
}
