package org.waterchain.app;

import javafx.application.Application;

/**
 * Entry point. A plain class, not the {@code Application}: launched from the class path (a shaded jar), JavaFX
 * refuses to start an Application subclass as the main class.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Application.launch(WaterChainApp.class, args);
    }
}
