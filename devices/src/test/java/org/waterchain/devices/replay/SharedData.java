package org.waterchain.devices.replay;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the project's third-party reference data, which lives beside the repository (shared/data), never in it:
 * WATERCHAIN_SHARED_DATA (system property or environment variable) if set, else the repository's parent's
 * shared/data, seen from the module directory Maven runs tests in (../../shared/data) or from the repository root.
 * A test asking for a file that is not there is skipped, saying where it looked.
 */
final class SharedData {
    private SharedData() {}

    static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        String configured = System.getProperty("WATERCHAIN_SHARED_DATA", System.getenv("WATERCHAIN_SHARED_DATA"));
        if (configured != null && !configured.isBlank()) {
            out.add(Path.of(configured));
        }
        out.add(Path.of("..", "..", "shared", "data"));
        out.add(Path.of("..", "shared", "data"));
        return out;
    }

    /** The file, or the test is skipped (JUnit assumption) with a message naming where it was looked for. */
    static Path require(String relative) {
        List<Path> tried = new ArrayList<>();
        for (Path dir : candidates()) {
            Path f = dir.resolve(relative);
            if (Files.isRegularFile(f)) {
                return f;
            }
            tried.add(f.toAbsolutePath().normalize());
        }
        assumeTrue(false, "real data " + relative + " not found (looked at " + tried
                + "); set WATERCHAIN_SHARED_DATA to the shared/data folder to run this test");
        throw new AssertionError("unreachable");
    }
}
