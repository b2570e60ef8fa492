package org.waterchain.app.map.geo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes RFC 7946 GeoJSON: no "crs" member, positions as [lon, lat(, alt)], one feature per line so diffs of
 * exported layers stay readable. Doubles are written in Java's shortest round-trip form, so reading the
 * output gives back exactly the same values.
 */
public final class GeoJsonWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoJsonWriter() {
    }

    public static String toJson(FeatureCollection fc) {
        StringWriter out = new StringWriter();
        try {
            write(fc, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes to a sibling temporary file first, so a failed export never leaves a truncated layer behind. */
    public static void write(FeatureCollection fc, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(fc, w);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void write(FeatureCollection fc, Writer out) throws IOException {
        out.write("{\"type\":\"FeatureCollection\",\"features\":[");
        List<Feature> features = fc.features();
        for (int i = 0; i < features.size(); i++) {
            out.write(i == 0 ? "\n" : ",\n");
            out.write(feature(features.get(i)));
        }
        out.write("\n]}\n");
        out.flush();
    }

    private static String feature(Feature f) throws IOException {
        StringWriter s = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(s)) {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            if (f.id() instanceof String id) {
                g.writeStringField("id", id);
            } else if (f.id() instanceof Long id) {
                g.writeNumberField("id", id);
            } else if (f.id() instanceof Double id) {
                g.writeNumberField("id", id);
            }
            g.writeFieldName("geometry");
            geometry(g, f.geometry());
            g.writeFieldName("properties");
            g.writeObject(f.properties().values());
            g.writeEndObject();
        }
        return s.toString();
    }

    private static void geometry(JsonGenerator g, Geometry geom) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", geom.type().jsonName());
        g.writeFieldName("coordinates");
        // Java 17 has no pattern switch; the sealed interface keeps this list complete.
        if (geom instanceof Geometry.Point p) {
            position(g, p.position());
        } else if (geom instanceof Geometry.LineString l) {
            positions(g, l.points());
        } else if (geom instanceof Geometry.Polygon p) {
            rings(g, p.rings());
        } else if (geom instanceof Geometry.MultiPoint m) {
            positions(g, m.points());
        } else if (geom instanceof Geometry.MultiLineString m) {
            g.writeStartArray();
            for (Geometry.LineString l : m.lines()) {
                positions(g, l.points());
            }
            g.writeEndArray();
        } else if (geom instanceof Geometry.MultiPolygon m) {
            g.writeStartArray();
            for (Geometry.Polygon p : m.polygons()) {
                rings(g, p.rings());
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void rings(JsonGenerator g, List<List<Position>> rings) throws IOException {
        g.writeStartArray();
        for (List<Position> ring : rings) {
            positions(g, ring);
        }
        g.writeEndArray();
    }

    private static void positions(JsonGenerator g, List<Position> ps) throws IOException {
        g.writeStartArray();
        for (Position p : ps) {
            position(g, p);
        }
        g.writeEndArray();
    }

    private static void position(JsonGenerator g, Position p) throws IOException {
        g.writeStartArray();
        g.writeNumber(p.lon());
        g.writeNumber(p.lat());
        if (p.hasAltitude()) {
            g.writeNumber(p.alt());
        }
        g.writeEndArray();
    }
}
