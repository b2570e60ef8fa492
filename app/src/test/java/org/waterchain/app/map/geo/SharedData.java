package org.waterchain.app.map.geo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the third-party reference data beside the project; tests skip when a fresh clone lacks it. */
public final class SharedData {
    private SharedData() {
    }

    public static Path nhdPlusFlowlines() {
        String env = System.getenv("WATERCHAIN_SHARED_DATA");
        Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of("../../shared/data");
        Path file = root.resolve("nhdplus/nhdplusv2_flowlines_NewHopeCreek_NC.geojson");
        assumeTrue(Files.isRegularFile(file), "skipped: NHDPlus reference data not found at " + file.toAbsolutePath()
                + " (set WATERCHAIN_SHARED_DATA to the shared data folder)");
        return file;
    }
}
