package org.waterchain.app.map.tiles;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds third-party reference data beside the repository (shared/data), never in it: the system property
 * waterchain.shared.data or WATERCHAIN_SHARED_DATA, the environment variable WATERCHAIN_SHARED_DATA, else
 * ../../shared/data from the module directory Maven runs tests in. Missing data skips the test, saying where it looked.
 */
final class SharedData {
    private SharedData() {}

    static Path require(String relative) {
        List<Path> dirs = new ArrayList<>();
        for (String configured : new String[] {System.getProperty("waterchain.shared.data"),
                System.getProperty("WATERCHAIN_SHARED_DATA"), System.getenv("WATERCHAIN_SHARED_DATA")}) {
            if (configured != null && !configured.isBlank()) {
                dirs.add(Path.of(configured));
            }
        }
        dirs.add(Path.of("..", "..", "shared", "data"));
        dirs.add(Path.of("..", "shared", "data"));
        List<Path> tried = new ArrayList<>();
        for (Path dir : dirs) {
            Path f = dir.resolve(relative);
            if (Files.isRegularFile(f)) {
                return f;
            }
            tried.add(f.toAbsolutePath().normalize());
        }
        assumeTrue(false, "reference data " + relative + " not found (looked at " + tried
                + "); set -Dwaterchain.shared.data or WATERCHAIN_SHARED_DATA to the shared/data folder to run this test");
        throw new AssertionError("unreachable");
    }
}
