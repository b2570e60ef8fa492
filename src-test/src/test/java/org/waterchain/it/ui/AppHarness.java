package org.waterchain.it.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.waterchain.app.WaterChainApp;
import org.waterchain.app.settings.AppSettings;

/**
 * Starts the real app as a user does, on a fresh home directory (so the demo is created from scratch), and
 * helps tests wait and take screenshots. Headless on Monocle by default (see src-test/pom.xml).
 */
final class AppHarness {
    static final Path SHOTS = Path.of(System.getProperty("waterchain.screenshots", "target/screenshots"));

    final Path home;
    final WaterChainApp app;
    final long startedNanos;
    final long firstFrameNanos;

    private AppHarness(Path home, WaterChainApp app, long startedNanos, long firstFrameNanos) {
        this.home = home;
        this.app = app;
        this.startedNanos = startedNanos;
        this.firstFrameNanos = firstFrameNanos;
    }

    static AppHarness start(Path home) throws Exception {
        System.setProperty(AppSettings.HOME_PROPERTY, home.toString());
        long t0 = System.nanoTime();
        FxToolkit.registerPrimaryStage();
        WaterChainApp app = (WaterChainApp) FxToolkit.setupApplication(WaterChainApp.class);
        long shown = System.nanoTime();
        waitFor(60, "the control room to open", () -> app.window() != null);
        return new AppHarness(home, app, t0, shown);
    }

    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    static void waitFor(int seconds, String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + seconds + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    static void runFx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(30, TimeUnit.SECONDS);
    }

    /** Saves what a user would see of a node (the whole window: pass the scene root) under target/screenshots. */
    static Path screenshot(Node node, String name) throws Exception {
        Files.createDirectories(SHOTS);
        WritableImage img = onFx(() -> node.snapshot(null, null));
        Path file = SHOTS.resolve(name + ".png");
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("could not write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
