package org.waterchain.app.map.basemap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the polygons of one object of a TopoJSON topology (the format world-atlas ships Natural Earth in): arcs
 * shared between rings, quantized to integers and delta-encoded when the topology has a {@code transform}, and
 * referenced from rings by index, {@code ~i} meaning arc i walked backwards. Only areas are accepted (Polygon,
 * MultiPolygon, nested in GeometryCollections); the object is decoded into plain rings of degrees.
 *
 * <p>The arcs, nearly all of the file (400 000 positions in Natural Earth's 10m land), are read with the streaming
 * parser into primitive arrays; the small objects tree is read as a tree.
 */
public final class TopoJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TopoJson() {}

    /** The polygons of the object named {@code object}; {@code source} names the input in error messages. */
    public static List<LandPolygon> polygons(InputStream in, String object, String source) throws IOException {
        List<double[]> arcs = null;
        JsonNode objects = null;
        JsonNode transform = null;
        String type = null;
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(source + ": not a TopoJSON topology (no JSON object at the start)");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                p.nextToken();
                switch (field) {
                    case "type" -> type = p.getText();
                    case "arcs" -> arcs = readArcs(p, source);
                    case "objects" -> objects = p.readValueAsTree();
                    case "transform" -> transform = p.readValueAsTree();
                    default -> p.skipChildren();
                }
            }
        }
        if (!"Topology".equals(type)) {
            throw new IOException(source + ": type is " + type + ", expected \"Topology\"");
        }
        if (arcs == null || objects == null) {
            throw new IOException(source + ": a topology needs both \"arcs\" and \"objects\"");
        }
        JsonNode geometry = objects.get(object);
        if (geometry == null) {
            List<String> names = new ArrayList<>();
            objects.fieldNames().forEachRemaining(names::add);
            throw new IOException(source + ": no object \"" + object + "\" (it has " + names + ")");
        }
        if (transform != null) {
            decodeQuantized(arcs, transform, source);
        }
        List<LandPolygon> out = new ArrayList<>();
        collect(geometry, arcs, out, source + ": object \"" + object + "\"");
        return out;
    }

    private static List<double[]> readArcs(JsonParser p, String source) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new IOException(source + ": \"arcs\" is not an array");
        }
        List<double[]> arcs = new ArrayList<>();
        double[] buf = new double[256];
        while (p.nextToken() == JsonToken.START_ARRAY) {
            int n = 0;
            while (p.nextToken() == JsonToken.START_ARRAY) {
                if (n + 2 > buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                for (int k = 0; p.nextToken() != JsonToken.END_ARRAY; k++) {
                    if (!p.currentToken().isNumeric()) {
                        throw new IOException(source + ": arc " + arcs.size() + " has a position that is not numbers");
                    }
                    if (k < 2) {
                        buf[n + k] = p.getDoubleValue();
                    }
                }
                n += 2;
            }
            if (n < 4) {
                throw new IOException(source + ": arc " + arcs.size() + " has fewer than two positions");
            }
            arcs.add(Arrays.copyOf(buf, n));
        }
        return arcs;
    }

    /** Quantized arcs hold the first position as integers and every next one as the difference from the last. */
    private static void decodeQuantized(List<double[]> arcs, JsonNode transform, String source) throws IOException {
        JsonNode scale = transform.path("scale");
        JsonNode translate = transform.path("translate");
        if (scale.size() != 2 || translate.size() != 2) {
            throw new IOException(source + ": \"transform\" needs a two-number \"scale\" and \"translate\"");
        }
        double sx = scale.get(0).asDouble();
        double sy = scale.get(1).asDouble();
        double tx = translate.get(0).asDouble();
        double ty = translate.get(1).asDouble();
        for (double[] arc : arcs) {
            double x = 0;
            double y = 0;
            for (int i = 0; i < arc.length; i += 2) {
                x += arc[i];
                y += arc[i + 1];
                arc[i] = x * sx + tx;
                arc[i + 1] = y * sy + ty;
            }
        }
    }

    private static void collect(JsonNode g, List<double[]> arcs, List<LandPolygon> out, String where)
            throws IOException {
        String type = g.path("type").asText(null);
        if (type == null || g.path("type").isNull()) {
            return; // TopoJSON's empty geometry
        }
        switch (type) {
            case "GeometryCollection" -> {
                for (JsonNode member : g.path("geometries")) {
                    collect(member, arcs, out, where);
                }
            }
            case "Polygon" -> out.add(polygon(g.path("arcs"), arcs, where));
            case "MultiPolygon" -> {
                for (JsonNode p : g.path("arcs")) {
                    out.add(polygon(p, arcs, where));
                }
            }
            default -> throw new IOException(where + " holds a " + type + "; only Polygon and MultiPolygon are areas");
        }
    }

    private static LandPolygon polygon(JsonNode ringRefs, List<double[]> arcs, String where) throws IOException {
        if (!ringRefs.isArray() || ringRefs.isEmpty()) {
            throw new IOException(where + " has a polygon without rings");
        }
        List<double[]> rings = new ArrayList<>(ringRefs.size());
        for (JsonNode refs : ringRefs) {
            rings.add(ring(refs, arcs, where));
        }
        return LandPolygon.of(rings);
    }

    /** Joins the ring's arcs; each arc after the first starts where the previous ended, so that point is dropped. */
    private static double[] ring(JsonNode refs, List<double[]> arcs, String where) throws IOException {
        int length = 0;
        for (JsonNode ref : refs) {
            length += arc(ref, arcs, where).length;
        }
        double[] ring = new double[length];
        int n = 0;
        for (JsonNode ref : refs) {
            int index = ref.asInt();
            double[] arc = arc(ref, arcs, where);
            int points = arc.length / 2;
            for (int k = n == 0 ? 0 : 1; k < points; k++) {
                int from = 2 * (index >= 0 ? k : points - 1 - k);
                ring[n++] = arc[from];
                ring[n++] = arc[from + 1];
            }
        }
        if (n < 6) {
            throw new IOException(where + " has a ring of fewer than three positions");
        }
        return Arrays.copyOf(ring, n);
    }

    private static double[] arc(JsonNode ref, List<double[]> arcs, String where) throws IOException {
        if (!ref.isInt()) {
            throw new IOException(where + " refers to an arc by " + ref + ", not by an integer index");
        }
        int index = ref.asInt();
        int i = index >= 0 ? index : ~index;
        if (i >= arcs.size()) {
            throw new IOException(where + " refers to arc " + index + " but the topology has " + arcs.size() + " arcs");
        }
        return arcs.get(i);
    }
}
