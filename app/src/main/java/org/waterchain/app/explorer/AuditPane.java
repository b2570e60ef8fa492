package org.waterchain.app.explorer;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.waterchain.ledger.audit.AuditReport;
import org.waterchain.ledger.audit.Auditor;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.validation.BlockPreparer;

/**
 * The full audit of the node's ledger file, on a thread of its own with a progress bar and a Cancel button,
 * then its report: clean, or every finding with the block it is in (double-click to open that block).
 * Cancelling is cooperative: the audit stops at the next block and reports how far it got.
 */
final class AuditPane {
    final VBox root = new VBox(10);
    private final Supplier<Path> database;
    private final BiConsumer<ChainId, Long> openBlock;
    private final Button run = new Button("Run audit");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Not run yet.");
    private final VBox report = new VBox(8);
    private final Label verdict = new Label();
    private final FieldGrid facts = new FieldGrid("explorer-audit-facts");
    private final TableView<AuditSummary.FindingRow> findings = new TableView<>();
    private Task<AuditReport> running;
    private AtomicBoolean cancelRequested;

    /**
     * @param database  the ledger file to audit, looked up when the audit starts (off the FX thread)
     * @param openBlock shows a block of the explorer, for a finding's place
     */
    AuditPane(Supplier<Path> database, BiConsumer<ChainId, Long> openBlock) {
        this.database = database;
        this.openBlock = openBlock;
        root.setPadding(new Insets(14));
        root.getStyleClass().add("explorer-audit-pane");
        Label intro = new Label("The audit replays every block of both chains from its stored bytes, through the same rules"
                + " the node applies: every header hash and link, Merkle root and signature is checked and every verdict"
                + " recomputed; then every derived table (records index, outputs, history, registry, sequences) is compared"
                + " with the replay. It reads one snapshot, so the node keeps running meanwhile.");
        intro.setWrapText(true);
        intro.getStyleClass().add("explorer-intro");
        run.setId("explorer-audit");
        run.setDefaultButton(false);
        run.setOnAction(e -> start());
        cancel.setId("explorer-audit-cancel");
        cancel.setDisable(true);
        cancel.setOnAction(e -> cancel());
        progress.setId("explorer-audit-progress");
        progress.setPrefWidth(360);
        status.setId("explorer-audit-status");
        HBox bar = new HBox(10, run, cancel, progress, status);
        bar.setAlignment(Pos.CENTER_LEFT);

        report.setId("explorer-audit-report");
        verdict.setId("explorer-audit-verdict");
        verdict.getStyleClass().add("explorer-verdict");
        verdict.setMaxWidth(Double.MAX_VALUE);
        findings.setId("explorer-audit-findings");
        findings.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        findings.setPlaceholder(new Label("No findings."));
        TableColumn<AuditSummary.FindingRow, String> where = new TableColumn<>("Where");
        where.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().where()));
        where.setPrefWidth(130);
        where.setMaxWidth(200);
        TableColumn<AuditSummary.FindingRow, String> what = new TableColumn<>("Finding");
        what.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().what()));
        what.setPrefWidth(900);
        findings.getColumns().setAll(java.util.List.of(where, what));
        findings.setRowFactory(t -> {
            TableRow<AuditSummary.FindingRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && row.getItem().hasBlock()) {
                    openBlock.accept(row.getItem().chain(), row.getItem().height());
                }
            });
            return row;
        });
        VBox.setVgrow(findings, Priority.ALWAYS);
        VBox.setVgrow(report, Priority.ALWAYS);
        report.setVisible(false);
        report.getChildren().addAll(verdict, facts.grid, new Label("Findings (double-click one to open its block):"), findings);
        root.getChildren().addAll(intro, bar, report);
    }

    private void start() {
        if (running != null) {
            return;
        }
        AtomicBoolean cancelFlag = new AtomicBoolean();
        cancelRequested = cancelFlag;
        Task<AuditReport> task = new Task<>() {
            @Override
            protected AuditReport call() {
                show(AuditProgress.starting());
                return new Auditor(BlockPreparer.onAllCores()).auditDatabase(database.get(), new Auditor.Progress() {
                    @Override
                    public void update(long done, long total) {
                        show(AuditProgress.replaying(done, total));
                    }

                    @Override
                    public void comparing(int done, int total) {
                        show(AuditProgress.comparing(done, total));
                    }
                }, cancelFlag::get);
            }

            private void show(AuditProgress p) {
                if (!cancelFlag.get()) {
                    updateProgress(p.fraction() < 0 ? -1 : p.fraction(), 1);
                    updateMessage(p.text());
                }
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(e -> finished(task, () -> showReport(AuditSummary.of(task.getValue()))));
        task.setOnFailed(e -> finished(task, () -> status.setText("The audit could not run: " + message(task.getException()))));
        running = task;
        run.setDisable(true);
        cancel.setDisable(false);
        report.setVisible(false);
        Thread t = new Thread(task, "explorer-audit");
        t.setDaemon(true);
        t.start();
    }

    private void cancel() {
        if (cancelRequested != null) {
            cancelRequested.set(true);
            cancel.setDisable(true);
            status.textProperty().unbind();
            progress.progressProperty().unbind();
            AuditProgress p = AuditProgress.cancelling();
            status.setText(p.text());
            progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        }
    }

    private void finished(Task<AuditReport> task, Runnable show) {
        if (running != task) {
            return;
        }
        running = null;
        cancelRequested = null;
        status.textProperty().unbind();
        progress.progressProperty().unbind();
        run.setDisable(false);
        cancel.setDisable(true);
        progress.setProgress(task.getState() == javafx.concurrent.Worker.State.SUCCEEDED && !task.getValue().cancelled() ? 1 : 0);
        show.run();
    }

    private void showReport(AuditSummary s) {
        status.setText(s.verdict() == AuditSummary.Verdict.CANCELLED ? "Cancelled." : "Done.");
        verdict.setText(s.headline());
        verdict.getStyleClass().removeIf(c -> c.startsWith("verdict-"));
        verdict.getStyleClass().add("verdict-" + s.verdict().name().toLowerCase(Locale.ROOT));
        facts.show(s.facts());
        findings.getItems().setAll(s.findings());
        report.setVisible(true);
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    boolean isRunning() {
        return running != null;
    }

    /** Stops a running audit when the window closes: it notices at its next block. */
    void close() {
        if (cancelRequested != null) {
            cancelRequested.set(true);
        }
        if (running != null) {
            running.cancel(true);
        }
    }
}
