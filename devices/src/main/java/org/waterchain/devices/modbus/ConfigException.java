package org.waterchain.devices.modbus;

/**
 * A profile or installation file that cannot be used, with where: the file, the field path inside it
 * ({@code points[2].wordOrder}) and what is wrong. The message reads
 * {@code profiles/x.json: points[2].wordOrder: 'ABDC' is not one of ABCD, CDAB, BADC, DCBA}.
 */
public final class ConfigException extends RuntimeException {
    private final String source;
    private final String field;

    public ConfigException(String source, String field, String problem) {
        super(source + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.source = source;
        this.field = field;
    }

    public ConfigException(String source, String field, String problem, Throwable cause) {
        this(source, field, problem);
        initCause(cause);
    }

    /** The file (or bundled resource) the problem is in. */
    public String source() {
        return source;
    }

    /** The path of the offending field, empty when the problem is with the file as a whole. */
    public String field() {
        return field;
    }
}
