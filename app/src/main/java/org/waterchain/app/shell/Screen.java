package org.waterchain.app.shell;

import javafx.scene.Node;

/**
 * One screen of the main window, as a controller owns it (Bisq 2's pattern: the controller wires services to a
 * model, the view binds to the model and is built in code). The shell shows one at a time.
 */
public interface Screen extends AutoCloseable {
    /** Short stable id, used for navigation, tests ("#nav-overview") and settings. */
    String id();

    String title();

    /** The root node; built once. */
    Node view();

    /** Shown again after another screen: refresh what may be stale. */
    default void shown() {}

    @Override
    default void close() {}
}
