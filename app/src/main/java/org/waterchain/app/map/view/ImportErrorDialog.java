package org.waterchain.app.map.view;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.waterchain.app.map.geo.GeoJsonError;

/**
 * Tells the user why a file was not imported: every error the reader found, each naming the file, the feature and
 * the member, in a text area they can copy from; and that nothing of the file was added. Not modal: the map keeps
 * working beside it.
 */
final class ImportErrorDialog {
    private ImportErrorDialog() {}

    static Alert show(Window owner, Path file, List<GeoJsonError> errors) {
        String report = String.join("\n", errors.stream().map(GeoJsonError::toString).toList());
        return show(owner, file, errors.size() == 1 ? "1 problem" : errors.size() + " problems", report);
    }

    static Alert show(Window owner, Path file, String summary, String report) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("Layer not imported");
        alert.setHeaderText("Could not import " + file.getFileName() + ": " + summary
                + ".\nNothing of it was added; the map is unchanged.");
        TextArea text = new TextArea(report);
        text.setId("map-import-errors");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(Math.min(12, Math.max(3, report.split("\n").length)));
        text.setPrefColumnCount(80);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setId("map-import-error");
        alert.setResizable(true);
        alert.show();
        return alert;
    }
}
