package org.waterchain.devices.replay;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a recorded CSV series becomes samples of one device: the time column and its format, and for each recorded
 * column the quantity, unit conversion and quality codes. Loadable from JSON (see the built-in mappings in this
 * package's resources, and {@link ReplayFormat}); unknown JSON properties are errors, so a typo does not silently
 * drop a column.
 *
 * @param delimiter field delimiter, one character (default ",")
 * @param encoding  the file's character set (default UTF-8; a byte order mark is skipped either way)
 * @param unmapped  columns deliberately left out, with the reason, so a report can say what was not replayed
 */
public record ColumnMapping(String name, String description, String delimiter, String encoding, TimeSpec time,
                            List<ColumnSpec> columns, List<UnmappedColumn> unmapped) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public ColumnMapping {
        Objects.requireNonNull(name, "mapping name");
        Objects.requireNonNull(time, "mapping '" + name + "': time column");
        description = description == null ? "" : description;
        delimiter = delimiter == null || delimiter.isEmpty() ? "," : delimiter;
        if (delimiter.length() != 1) {
            throw new IllegalArgumentException("mapping '" + name + "': delimiter must be one character, got '" + delimiter + "'");
        }
        encoding = encoding == null || encoding.isBlank() ? "UTF-8" : encoding;
        if (!Charset.isSupported(encoding)) {
            throw new IllegalArgumentException("mapping '" + name + "': unknown encoding '" + encoding + "'");
        }
        columns = List.copyOf(Objects.requireNonNull(columns, "mapping '" + name + "': columns"));
        unmapped = unmapped == null ? List.of() : List.copyOf(unmapped);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("mapping '" + name + "' maps no column");
        }
        Set<String> seenColumns = new HashSet<>();
        Set<String> seenChannels = new HashSet<>();
        for (ColumnSpec c : columns) {
            if (!seenColumns.add(c.column())) {
                throw new IllegalArgumentException("mapping '" + name + "' maps column '" + c.column() + "' twice");
            }
            // One device reports one value per quantity per sample; a second instrument needs its own device.
            if (!seenChannels.add(c.deviceSuffix() + "\u0000" + c.quantityCode())) {
                throw new IllegalArgumentException("mapping '" + name + "': column '" + c.column() + "' maps to "
                        + c.quantity() + " of device suffix '" + c.deviceSuffix() + "', which another column already"
                        + " fills; give one of them its own deviceSuffix");
            }
            if (c.column().equals(time.column())) {
                throw new IllegalArgumentException("mapping '" + name + "' maps the time column '" + c.column() + "' as a value");
            }
        }
    }

    public ColumnMapping(String name, TimeSpec time, List<ColumnSpec> columns) {
        this(name, "", ",", "UTF-8", time, columns, List.of());
    }

    /** The device-id suffixes this mapping reports for, main device ("") first if it has columns. */
    public List<String> deviceSuffixes() {
        List<String> out = new ArrayList<>();
        for (ColumnSpec c : columns) {
            if (!out.contains(c.deviceSuffix())) {
                out.add(c.deviceSuffix());
            }
        }
        return out;
    }

    public Charset charset() {
        return Charset.forName(encoding);
    }

    public static ColumnMapping fromJson(InputStream in) throws IOException {
        try {
            return JSON.readValue(in, ColumnMapping.class);
        } catch (JsonProcessingException e) {
            throw new IOException("invalid column mapping: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""), e);
        }
    }

    public static ColumnMapping fromJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return fromJson(in);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public static ColumnMapping fromJson(String json) {
        try {
            return fromJson(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
