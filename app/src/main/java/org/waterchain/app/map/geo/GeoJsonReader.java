package org.waterchain.app.map.geo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict RFC 7946 reader for FeatureCollections. Every problem is collected (up to {@link #MAX_ERRORS}) with
 * the file, the feature and the member path, and nothing is returned unless the whole file is valid.
 * Foreign members (e.g. a collection's "name") are ignored, as the RFC allows; "bbox" members are ignored
 * because boxes are recomputed from the coordinates.
 */
public final class GeoJsonReader {
    public static final int MAX_ERRORS = 200;

    /** GeoJSON 2008 "crs" names that mean what RFC 7946 fixes anyway: longitude/latitude on WGS 84. */
    private static final Set<String> WGS84_NAMES = Set.of(
            "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "urn:ogc:def:crs:OGC:2:84",
            "urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG:4326", "EPSG:4326", "CRS84",
            "http://www.opengis.net/def/crs/OGC/1.3/CRS84", "http://www.opengis.net/def/crs/EPSG/0/4326");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String source;
    private final GeometryRule rule;
    private final List<GeoJsonError> errors = new ArrayList<>();
    private int featureIndex = -1;
    private String featureLabel;

    private GeoJsonReader(String source, GeometryRule rule) {
        this.source = source;
        this.rule = rule;
    }

    public static ImportResult<FeatureCollection> read(Path file, GeometryRule rule) {
        String name = file.getFileName().toString();
        try {
            return read(name, Files.readString(file, StandardCharsets.UTF_8), rule);
        } catch (IOException e) {
            return ImportResult.failed(List.of(GeoJsonError.document(name, "", "cannot read the file: " + e.getMessage())));
        }
    }

    public static ImportResult<FeatureCollection> read(String source, String json, GeometryRule rule) {
        return new GeoJsonReader(source, rule).parse(json);
    }

    private ImportResult<FeatureCollection> parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            return ImportResult.failed(List.of(GeoJsonError.document(source, where, "malformed JSON: " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            return fail("", "the document must be a JSON object (a GeoJSON FeatureCollection)");
        }
        if (!"FeatureCollection".equals(root.path("type").asText(null))) {
            return fail("type", "expected \"FeatureCollection\", found " + describe(root.get("type")));
        }
        checkCrs(root.get("crs"), "crs");
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            error("features", "must be an array, found " + describe(features));
            return ImportResult.failed(errors);
        }
        List<Feature> out = new ArrayList<>(features.size());
        for (int i = 0; i < features.size() && errors.size() < MAX_ERRORS; i++) {
            featureIndex = i;
            Feature f = feature(features.get(i));
            if (f != null) {
                out.add(f);
            }
        }
        featureIndex = -1;
        if (errors.size() >= MAX_ERRORS) {
            error("", "stopped after " + MAX_ERRORS + " errors");
        }
        return errors.isEmpty() ? ImportResult.ok(new FeatureCollection(out)) : ImportResult.failed(errors);
    }

    private Feature feature(JsonNode node) {
        featureLabel = null;
        if (!node.isObject()) {
            error("", "a feature must be an object, found " + describe(node));
            return null;
        }
        Object id = id(node.get("id"));
        Properties props = properties(node.get("properties"));
        featureLabel = id != null ? "id " + id
                : props != null ? props.string("name").map(n -> "name " + n).orElse(null) : null;
        int before = errors.size();
        if (!"Feature".equals(node.path("type").asText(null))) {
            error("type", "expected \"Feature\", found " + describe(node.get("type")));
        }
        checkCrs(node.get("crs"), "crs");
        Geometry g = geometry(node.get("geometry"), "geometry");
        return errors.size() == before && g != null && props != null ? new Feature(id, g, props) : null;
    }

    private Object id(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isTextual()) {
            return id.asText();
        }
        if (id.isIntegralNumber() && id.canConvertToLong()) {
            return id.longValue();
        }
        if (id.isNumber()) {
            return id.doubleValue();
        }
        error("id", "must be a string or a number, found " + describe(id));
        return null;
    }

    private Properties properties(JsonNode node) {
        if (node == null || node.isNull()) {
            return Properties.EMPTY;
        }
        if (!node.isObject()) {
            error("properties", "must be an object or null, found " + describe(node));
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) value(node);
        return new Properties(values);
    }

    /** JSON tree to plain values; integral numbers stay integral so they are written back unchanged. */
    private static Object value(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), value(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(value(x)));
            return l;
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        return null;
    }

    private void checkCrs(JsonNode crs, String where) {
        if (crs == null || crs.isNull()) {
            return;
        }
        String name = crs.path("properties").path("name").asText(null);
        if (!"name".equals(crs.path("type").asText(null)) || name == null) {
            error(where, "only a named CRS of EPSG:4326/CRS84 is accepted (RFC 7946 drops \"crs\"); found " + crs);
        } else if (!WGS84_NAMES.contains(name)) {
            error(where, "coordinates are in " + name + "; this map reads EPSG:4326 (CRS84) only, reproject the file first");
        }
    }

    private Geometry geometry(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            error(where, "missing geometry; a " + rule.layerName() + " layer feature needs " + rule.expected());
            return null;
        }
        if (!node.isObject()) {
            error(where, "must be an object, found " + describe(node));
            return null;
        }
        String typeName = node.path("type").asText(null);
        GeometryType type = typeName == null ? null : GeometryType.fromJsonName(typeName).orElse(null);
        if (type == null) {
            error(where + ".type", "unknown or unsupported geometry type " + describe(node.get("type")));
            return null;
        }
        if (!rule.allowed().contains(type)) {
            error(where + ".type", type.jsonName() + " is not allowed in the " + rule.layerName()
                    + " layer (expected " + rule.expected() + ")");
            return null;
        }
        JsonNode c = node.get("coordinates");
        String cw = where + ".coordinates";
        if (c == null || !c.isArray()) {
            error(cw, "must be an array, found " + describe(c));
            return null;
        }
        int before = errors.size();
        Geometry g = switch (type) {
            case POINT -> {
                Position p = position(c, cw);
                yield p == null ? null : new Geometry.Point(p);
            }
            case LINE_STRING -> lineString(c, cw);
            case POLYGON -> polygon(c, cw);
            case MULTI_POINT -> {
                List<Position> ps = positions(c, cw, 1, "a MultiPoint");
                yield ps == null ? null : new Geometry.MultiPoint(ps);
            }
            case MULTI_LINE_STRING -> {
                List<Geometry.LineString> lines = parts(c, cw, "a MultiLineString", (n, w) -> lineString(n, w));
                yield lines == null ? null : new Geometry.MultiLineString(lines);
            }
            case MULTI_POLYGON -> {
                List<Geometry.Polygon> polys = parts(c, cw, "a MultiPolygon", (n, w) -> polygon(n, w));
                yield polys == null ? null : new Geometry.MultiPolygon(polys);
            }
        };
        return errors.size() == before ? g : null;
    }

    private interface PartReader<T> {
        T read(JsonNode node, String where);
    }

    private <T> List<T> parts(JsonNode c, String where, String what, PartReader<T> reader) {
        if (c.isEmpty()) {
            error(where, what + " needs at least one part");
            return null;
        }
        List<T> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < c.size(); i++) {
            JsonNode part = c.get(i);
            if (!part.isArray()) {
                error(where + "[" + i + "]", "must be an array, found " + describe(part));
                ok = false;
                continue;
            }
            T t = reader.read(part, where + "[" + i + "]");
            ok &= t != null;
            out.add(t);
        }
        return ok ? out : null;
    }

    private Geometry.LineString lineString(JsonNode c, String where) {
        List<Position> ps = positions(c, where, 2, "a LineString");
        return ps == null ? null : new Geometry.LineString(ps);
    }

    private Geometry.Polygon polygon(JsonNode c, String where) {
        if (c.isEmpty()) {
            error(where, "a Polygon needs an exterior ring");
            return null;
        }
        List<List<Position>> rings = new ArrayList<>();
        boolean ok = true;
        for (int r = 0; r < c.size(); r++) {
            String rw = where + "[" + r + "]";
            JsonNode ring = c.get(r);
            if (!ring.isArray()) {
                error(rw, "a ring must be an array of positions, found " + describe(ring));
                ok = false;
                continue;
            }
            List<Position> ps = positions(ring, rw, 0, "a ring");
            if (ps == null) {
                ok = false;
                continue;
            }
            String problem = Geometry.Polygon.ringProblem(ps);
            if (problem != null) {
                error(rw, (r == 0 ? "exterior ring: " : "hole: ") + problem);
                ok = false;
            }
            rings.add(ps);
        }
        return ok ? new Geometry.Polygon(rings) : null;
    }

    private List<Position> positions(JsonNode c, String where, int min, String what) {
        if (c.size() < min) {
            error(where, what + " needs at least " + min + " positions, has " + c.size());
            return null;
        }
        List<Position> out = new ArrayList<>(c.size());
        boolean ok = true;
        for (int i = 0; i < c.size(); i++) {
            Position p = position(c.get(i), where + "[" + i + "]");
            ok &= p != null;
            out.add(p);
        }
        return ok ? out : null;
    }

    private Position position(JsonNode c, String where) {
        if (!c.isArray() || c.size() < 2 || c.size() > 3) {
            error(where, "a position is [longitude, latitude] or [longitude, latitude, altitude], found " + describe(c));
            return null;
        }
        boolean ok = true;
        for (int k = 0; k < c.size(); k++) {
            if (!c.get(k).isNumber()) {
                error(where + "[" + k + "]", "not a number: " + describe(c.get(k)));
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        double lon = c.get(0).doubleValue();
        double lat = c.get(1).doubleValue();
        if (!(lon >= -180 && lon <= 180)) {
            error(where + "[0]", "longitude " + c.get(0) + " out of range -180..180" + swapHint(lon, lat));
            ok = false;
        }
        if (!(lat >= -90 && lat <= 90)) {
            error(where + "[1]", "latitude " + c.get(1) + " out of range -90..90" + swapHint(lon, lat));
            ok = false;
        }
        double alt = c.size() == 3 ? c.get(2).doubleValue() : Double.NaN;
        if (Double.isInfinite(alt)) {
            error(where + "[2]", "altitude " + c.get(2) + " is not finite");
            ok = false;
        }
        return ok ? new Position(lon, lat, alt) : null;
    }

    /** The commonest cause of a range error is latitude written first, or projected metres. */
    private static String swapHint(double lon, double lat) {
        if (Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90) {
            return " (latitude and longitude swapped?)";
        }
        if (Math.abs(lon) > 1000 || Math.abs(lat) > 1000) {
            return " (projected coordinates? the file must be EPSG:4326 degrees)";
        }
        return "";
    }

    private static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        String text = n.toString();
        String kind = n.isTextual() ? "string " : n.isNumber() ? "number " : n.isBoolean() ? "boolean "
                : n.isArray() ? "array " : n.isObject() ? "object " : "";
        return kind + (text.length() > 60 ? text.substring(0, 57) + "..." : text);
    }

    private void error(String where, String message) {
        errors.add(new GeoJsonError(source, featureIndex, featureLabel, where, message));
    }

    private ImportResult<FeatureCollection> fail(String where, String message) {
        error(where, message);
        return ImportResult.failed(errors);
    }
}
