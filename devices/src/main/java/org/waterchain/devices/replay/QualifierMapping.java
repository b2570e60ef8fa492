package org.waterchain.devices.replay;

import java.util.Map;
import java.util.Objects;
import org.waterchain.ledger.record.Reading.Quality;

/**
 * Turns a data-qualifier column into a reading quality. A qualifier may hold several codes ("A,e" in USGS files:
 * approved, estimated); the worst quality among them wins (GOOD < SUSPECT < MAINTENANCE < BAD).
 *
 * @param codes     quality per code, matched exactly after trimming
 * @param separator what splits several codes in one field (USGS: ","); empty for single codes
 * @param empty     quality when the qualifier field is empty
 * @param unknown   quality for a code not in {@code codes}: SUSPECT, since an unrecognised remark is a warning
 */
public record QualifierMapping(Map<String, Quality> codes, String separator, Quality empty, Quality unknown) {
    public QualifierMapping {
        codes = Map.copyOf(Objects.requireNonNull(codes, "qualifier codes"));
        separator = separator == null ? "" : separator;
        empty = empty == null ? Quality.GOOD : empty;
        unknown = unknown == null ? Quality.SUSPECT : unknown;
    }

    public Quality quality(String field) {
        String f = field.trim();
        if (f.isEmpty()) {
            return empty;
        }
        if (separator.isEmpty() || !f.contains(separator)) {
            return codes.getOrDefault(f, unknown);
        }
        Quality worst = Quality.GOOD;
        int from = 0;
        while (from <= f.length()) {
            int to = f.indexOf(separator, from);
            if (to < 0) {
                to = f.length();
            }
            String code = f.substring(from, to).trim();
            if (!code.isEmpty()) {
                worst = worse(worst, codes.getOrDefault(code, unknown));
            }
            from = to + separator.length();
        }
        return worst;
    }

    static Quality worse(Quality a, Quality b) {
        return severity(a) >= severity(b) ? a : b;
    }

    private static int severity(Quality q) {
        return switch (q) {
            case GOOD -> 0;
            case SUSPECT -> 1;
            case MAINTENANCE -> 2;
            case BAD -> 3;
        };
    }
}
