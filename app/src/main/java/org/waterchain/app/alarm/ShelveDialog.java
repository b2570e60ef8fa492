package org.waterchain.app.alarm;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.waterchain.app.fx.ChoiceLabels;
import org.waterchain.ledger.alarm.AlarmEvent;

/**
 * Asks how long to shelve and why. Shelving hides an alarm from the operators who come after, so the reason is
 * required (it goes on the ledger with the operator's name), and the duration is one of a few choices of
 * session time, never open-ended.
 */
final class ShelveDialog {
    static final List<Long> DURATIONS = List.of(15 * 60_000L, AlarmSettings.HOUR, 4 * AlarmSettings.HOUR,
            8 * AlarmSettings.HOUR, 24 * AlarmSettings.HOUR);

    /** What the operator chose. */
    record Request(long durationMs, String comment) {}

    private ShelveDialog() {}

    static Optional<Request> ask(Window owner, List<String> alarmIds, String operator, String comment) {
        Dialog<Request> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Shelve alarms");
        d.setHeaderText("Shelve " + (alarmIds.size() == 1 ? alarmIds.get(0) : alarmIds.size() + " alarms")
                + ": hidden until the shelve ends, then back as they are by then.");
        d.getDialogPane().getStylesheets().add(ShelveDialog.class.getResource("alarm.css").toExternalForm());
        d.getDialogPane().getStyleClass().add("shelve-dialog");

        ChoiceBox<Long> duration = new ChoiceBox<>();
        duration.setId("shelve-duration");
        duration.getItems().setAll(DURATIONS);
        duration.setValue(AlarmSettings.HOUR);
        duration.setConverter(ChoiceLabels.of(ms -> ms == null ? ""
                : AlarmText.duration(ms) + (ms == 8 * AlarmSettings.HOUR ? " (a shift)" : "")));
        TextArea reason = new TextArea(comment == null ? "" : comment);
        reason.setId("shelve-comment");
        reason.setPromptText("Why (recorded on the ledger with your name)");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        Label bytes = new Label();
        bytes.setId("shelve-bytes");
        bytes.getStyleClass().add("bytes");
        bytes.textProperty().bind(Bindings.createStringBinding(() -> AlarmEvent.utf8Length(AlarmEngine.cleanComment(reason.getText()))
                + " / " + AlarmEvent.MAX_COMMENT_BYTES + " bytes", reason.textProperty()));
        BooleanBinding tooLong = Bindings.createBooleanBinding(
                () -> AlarmEvent.utf8Length(AlarmEngine.cleanComment(reason.getText())) > AlarmEvent.MAX_COMMENT_BYTES,
                reason.textProperty());
        tooLong.addListener((o, was, is) -> bytes.getStyleClass().setAll(is ? List.of("bytes", "over") : List.of("bytes")));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Operator"), new Label(operator));
        grid.addRow(1, new Label("Shelve for"), duration);
        grid.addRow(2, new Label("Reason"), reason);
        grid.add(bytes, 1, 3);
        d.getDialogPane().setContent(grid);

        ButtonType shelve = new ButtonType("Shelve", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(shelve, ButtonType.CANCEL);
        Node ok = d.getDialogPane().lookupButton(shelve);
        ok.setId("shelve-ok");
        ok.disableProperty().bind(tooLong.or(Bindings.createBooleanBinding(
                () -> AlarmEngine.cleanComment(reason.getText()).isEmpty(), reason.textProperty())));
        d.setResultConverter(b -> b == shelve ? new Request(duration.getValue(), reason.getText()) : null);
        d.setOnShown(e -> reason.requestFocus());
        return d.showAndWait();
    }
}
