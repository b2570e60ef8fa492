package org.waterchain.app.fx;

import java.util.function.Function;
import javafx.util.StringConverter;

/**
 * How a choice box shows its items. Choice boxes only ever turn items into text; they never parse what a
 * user typed, so there is no way back.
 */
public final class ChoiceLabels {
    private ChoiceLabels() {}

    public static <T> StringConverter<T> of(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return label.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null; // never called: nothing is typed into a choice box
            }
        };
    }
}
