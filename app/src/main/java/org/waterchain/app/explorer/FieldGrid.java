package org.waterchain.app.explorer;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Lays out {@link Field} rows: label on the left, value on the right. Hashes and keys go in read-only text
 * fields so they can be selected and copied whole; checks are coloured by the stylesheet.
 */
final class FieldGrid {
    final GridPane grid = new GridPane();

    FieldGrid(String id) {
        grid.setId(id);
        grid.getStyleClass().add("field-grid");
        grid.setHgap(10);
        grid.setVgap(3);
        grid.setPadding(new Insets(8, 10, 8, 10));
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(Region.USE_PREF_SIZE); // labels are short: never cut them, let values wrap or scroll
        label.setHalignment(HPos.LEFT);
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        value.setFillWidth(true);
        grid.getColumnConstraints().setAll(label, value);
    }

    void show(List<Field> fields) {
        grid.getChildren().clear();
        int row = 0;
        for (Field f : fields) {
            if (f.tone() == Field.Tone.HEADING) {
                Label h = new Label(f.label());
                h.getStyleClass().add("field-heading");
                GridPane.setColumnSpan(h, 2);
                grid.add(h, 0, row++);
                continue;
            }
            // the mark says it in words too, for those who do not see the colours
            String mark = f.tone() == Field.Tone.GOOD ? "  ✓" : f.tone() == Field.Tone.BAD ? "  ✗" : "";
            Label l = new Label(f.label() + mark);
            l.getStyleClass().add("tone-" + f.tone().name().toLowerCase(java.util.Locale.ROOT));
            l.getStyleClass().add("field-label");
            GridPane.setValignment(l, VPos.TOP);
            grid.add(l, 0, row);
            grid.add(value(f), 1, row++);
        }
    }

    void clear() {
        grid.getChildren().clear();
    }

    private static Node value(Field f) {
        if (f.tone() == Field.Tone.MONO || (f.tone() != Field.Tone.PLAIN && looksLikeHash(f.value()))) {
            TextField t = new TextField(f.value());
            t.setEditable(false);
            t.getStyleClass().addAll("field-hash", "tone-" + f.tone().name().toLowerCase(java.util.Locale.ROOT));
            t.setPrefColumnCount(Math.min(70, Math.max(10, f.value().length())));
            return t;
        }
        Label v = new Label(f.value());
        v.setWrapText(true);
        v.getStyleClass().addAll("field-value", "tone-" + f.tone().name().toLowerCase(java.util.Locale.ROOT));
        return v;
    }

    /** Checks whose value starts with a hash ("ab12…  = leaf") read best in the hash style too. */
    private static boolean looksLikeHash(String s) {
        return s.length() >= 64 && s.substring(0, 64).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
