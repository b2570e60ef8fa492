package org.waterchain.devices.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in mappings, for the recorded formats the project ships tests and demos for. Each is a JSON file beside
 * this class (a template for a custom mapping); the mapping's description says what it assumes.
 */
public enum ReplayFormat {
    /** USGS NWIS continuous values, 5-minute, with *_qual columns (e.g. Plumtree Run MD, Sligo Creek MD). */
    USGS_NWIS_5MIN("usgs-nwis-5min.json"),
    /** GECCO Industrial Challenge 2018, drinking-water utility, 1-minute. */
    GECCO_2018("gecco-2018.json"),
    /** US EPA CANARY tutorial Station B, 20-minute. */
    CANARY_STATION_B("canary-station-b.json");

    private final String resource;
    private volatile ColumnMapping mapping;

    ReplayFormat(String resource) {
        this.resource = resource;
    }

    public ColumnMapping mapping() {
        ColumnMapping m = mapping;
        if (m == null) {
            try (InputStream in = ReplayFormat.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("built-in mapping " + resource + " is missing from the jar");
                }
                m = ColumnMapping.fromJson(in);
            } catch (IOException e) {
                throw new UncheckedIOException("built-in mapping " + resource + ": " + e.getMessage(), e);
            }
            mapping = m;
        }
        return m;
    }

    /** The built-in format whose time column and required columns a header has, if exactly one fits. */
    public static Optional<ReplayFormat> detect(List<String> header) {
        List<ReplayFormat> fits = new ArrayList<>();
        for (ReplayFormat f : values()) {
            ColumnMapping m = f.mapping();
            boolean ok = header.contains(m.time().column())
                    && m.columns().stream().allMatch(c -> c.optional() || header.contains(c.column()));
            if (ok) {
                fits.add(f);
            }
        }
        return fits.size() == 1 ? Optional.of(fits.get(0)) : Optional.empty();
    }

    /** Reads a file's header (BOM and quotes handled) and detects its format. */
    public static Optional<ReplayFormat> detect(Path file) throws IOException {
        try (CsvReader r = new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), ',')) {
            List<String> header = new ArrayList<>();
            if (!r.next(header)) {
                return Optional.empty();
            }
            return detect(header.stream().map(String::trim).toList());
        }
    }
}
