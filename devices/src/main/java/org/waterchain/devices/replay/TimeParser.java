package org.waterchain.devices.replay;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

/** Parses one time column's text into epoch milliseconds, as its {@link TimeSpec} says. */
final class TimeParser {
    /** ISO-8601 date-time with 'T' or a space, optional seconds and fraction, optional offset or Z. */
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** Marks text the fast path leaves to java.time. */
    private static final long NOT_FAST = Long.MIN_VALUE;

    private final TimeSpec spec;
    private final DateTimeFormatter formatter;
    private final ZoneId zone;
    /** The zone's offset in seconds if it never changes (UTC, a fixed offset), else null. */
    private final Integer fixedOffsetSeconds;

    TimeParser(TimeSpec spec) {
        this.spec = spec;
        try {
            this.zone = ZoneId.of(spec.zone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time column '" + spec.column() + "': unknown zone '" + spec.zone() + "'", e);
        }
        this.fixedOffsetSeconds = zone.getRules().isFixedOffset()
                ? zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds() : null;
        this.formatter = switch (spec.format()) {
            case TimeSpec.ISO, TimeSpec.EPOCH_SECONDS, TimeSpec.EPOCH_MILLIS -> ISO;
            default -> {
                try {
                    yield DateTimeFormatter.ofPattern(strictYears(spec.format()), Locale.ROOT)
                            .withResolverStyle(ResolverStyle.STRICT);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("time column '" + spec.column() + "': invalid time pattern '"
                            + spec.format() + "': " + e.getMessage(), e);
                }
            }
        };
    }

    /**
     * A strict resolver refuses 02/30 instead of moving it to 02/28, but with a strict resolver "yyyy" (year of era)
     * needs an era; "uuuu" (proleptic year) is the same year without one.
     */
    private static String strictYears(String pattern) {
        if (pattern.indexOf('G') >= 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(!quoted && c == 'y' ? 'u' : c);
        }
        return out.toString();
    }

    /**
     * @throws IllegalArgumentException with a message fit for an error report, when the text is not a time
     */
    long parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("no time");
        }
        try {
            return switch (spec.format()) {
                case TimeSpec.EPOCH_SECONDS -> Math.round(Double.parseDouble(t) * 1000);
                case TimeSpec.EPOCH_MILLIS -> Long.parseLong(t);
                default -> {
                    if (formatter == ISO) {
                        long fast = fastIso(t);
                        if (fast != NOT_FAST) {
                            yield fast;
                        }
                    }
                    TemporalAccessor a = formatter.parse(t);
                    LocalDateTime local = LocalDateTime.from(a);
                    ZoneId written = a.query(TemporalQueries.zone());
                    // A local time in a zone with daylight saving: an ambiguous autumn hour takes the earlier offset.
                    yield local.atZone(written != null ? written : zone).toInstant().toEpochMilli();
                }
            };
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("cannot parse time '" + t + "' as " + describe());
        }
    }

    /**
     * The common ISO forms (yyyy-MM-ddTHH:mm[:ss[.fff]] with Z, an offset, or in a fixed zone) without java.time's
     * general parser, which costs more than the rest of a row. Anything unusual or invalid goes to the general
     * parser, which also words the error.
     */
    private long fastIso(String t) {
        int n = t.length();
        if (n < 16 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(13) != ':') {
            return NOT_FAST;
        }
        char sep = t.charAt(10);
        if (sep != 'T' && sep != ' ' && sep != 't') {
            return NOT_FAST;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return NOT_FAST;
        }
        int pos = 16;
        int second = 0;
        int millis = 0;
        if (pos < n && t.charAt(pos) == ':') {
            second = pos + 3 <= n ? digits(t, pos + 1, 2) : -1;
            if (second < 0 || second > 59) {
                return NOT_FAST;
            }
            pos += 3;
            if (pos < n && t.charAt(pos) == '.') {
                int start = ++pos;
                while (pos < n && Character.isDigit(t.charAt(pos))) {
                    pos++;
                }
                if (pos == start || pos - start > 9) {
                    return NOT_FAST;
                }
                int ms = digits(t, start, Math.min(3, pos - start));
                for (int k = pos - start; k < 3; k++) {
                    ms *= 10;
                }
                millis = ms;
            }
        }
        int offsetSeconds;
        if (pos == n) {
            if (fixedOffsetSeconds == null) {
                return NOT_FAST;
            }
            offsetSeconds = fixedOffsetSeconds;
        } else if (pos == n - 1 && (t.charAt(pos) == 'Z' || t.charAt(pos) == 'z')) {
            offsetSeconds = 0;
        } else if (pos == n - 6 && (t.charAt(pos) == '+' || t.charAt(pos) == '-') && t.charAt(pos + 3) == ':') {
            int oh = digits(t, pos + 1, 2);
            int om = digits(t, pos + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                return NOT_FAST;
            }
            offsetSeconds = (t.charAt(pos) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return NOT_FAST;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1000 + millis;
    }

    /** The decimal number in text[from, from+count), or -1 if any of it is not a digit. */
    private static int digits(String text, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    String describe() {
        return switch (spec.format()) {
            case TimeSpec.ISO -> "ISO-8601";
            case TimeSpec.EPOCH_SECONDS -> "seconds since 1970";
            case TimeSpec.EPOCH_MILLIS -> "milliseconds since 1970";
            default -> "'" + spec.format() + "'";
        };
    }
}
