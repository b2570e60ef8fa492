package org.waterchain.app.map.geo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads NHDPlusV2 flowlines (as exported by hydroloom/nhdplusTools: one-part MultiLineStrings with COMID,
 * GNIS_NAME, FromNode, ToNode, LENGTHKM) into a ChannelLayer, and checks that every reach is digitized in
 * flow direction: where A.ToNode == B.FromNode, A's last position must meet B's first. The map draws flow
 * arrows from coordinate order, so a reversed reach is an import error, not a warning.
 */
public final class NhdPlusImport {
    /** NHDPlus nodes coincide to the file's 1e-7 degree resolution; allow a little more for rounding. */
    static final double NODE_TOLERANCE_DEG = 1e-6;

    private static final List<String> MAPPED = List.of("COMID", "GNIS_NAME", "FromNode", "ToNode", "LENGTHKM");
    private static final GeometryRule RULE =
            GeometryRule.of("NHDPlus flowline", GeometryType.LINE_STRING, GeometryType.MULTI_LINE_STRING);

    public record Network(ChannelLayer channels, FlowNetworkSummary summary) {
    }

    private NhdPlusImport() {
    }

    public static ImportResult<Network> read(Path file) {
        String source = file.getFileName().toString();
        return GeoJsonReader.read(file, RULE).flatMap(fc -> fromFeatures(source, fc));
    }

    public static ImportResult<Network> fromFeatures(String source, FeatureCollection fc) {
        List<GeoJsonError> errors = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < fc.size(); i++) {
            Feature f = fc.features().get(i);
            Properties p = f.properties();
            int before = errors.size();
            String id = integral(p, "COMID", source, i, f, errors);
            String from = integral(p, "FromNode", source, i, f, errors);
            String to = integral(p, "ToNode", source, i, f, errors);
            Object km = p.get("LENGTHKM");
            if (!(km instanceof Number n && n.doubleValue() >= 0)) {
                errors.add(new GeoJsonError(source, i, f.label(), "properties.LENGTHKM", "must be a number >= 0, found " + km));
            }
            Geometry.LineString line = singleLine(f.geometry());
            if (line == null) {
                errors.add(new GeoJsonError(source, i, f.label(), "geometry",
                        "a flowline must be one connected line; found " + ((Geometry.MultiLineString) f.geometry()).lines().size() + " parts"));
            }
            if (errors.size() == before) {
                String name = p.string("GNIS_NAME").map(String::strip).orElse("");
                // Round to the millimetre: LENGTHKM * 1000 would otherwise carry binary noise into exports.
                double lengthM = Math.round(((Number) km).doubleValue() * 1_000_000) / 1000.0;
                channels.add(new Channel(id, name, from, to, lengthM, line, p.without(MAPPED)));
            }
        }
        if (errors.isEmpty()) {
            FieldReader.checkUniqueIds(source, channels, errors);
            checkFlowDirection(source, channels, errors);
        }
        if (!errors.isEmpty()) {
            return ImportResult.failed(errors);
        }
        ChannelLayer layer = new ChannelLayer(channels);
        return ImportResult.ok(new Network(layer, FlowNetworkSummary.of(layer)));
    }

    private static void checkFlowDirection(String source, List<Channel> channels, List<GeoJsonError> errors) {
        Map<String, List<Integer>> byFromNode = new HashMap<>();
        for (int i = 0; i < channels.size(); i++) {
            byFromNode.computeIfAbsent(channels.get(i).fromNode(), k -> new ArrayList<>()).add(i);
        }
        for (int a = 0; a < channels.size(); a++) {
            Channel up = channels.get(a);
            for (int b : byFromNode.getOrDefault(up.toNode(), List.of())) {
                Channel down = channels.get(b);
                Position end = up.geometry().end();
                Position start = down.geometry().start();
                if (!near(end, start)) {
                    String hint = near(up.geometry().start(), start) || near(end, down.geometry().end())
                            ? "; one of them looks digitized against the flow" : "";
                    errors.add(new GeoJsonError(source, a, "id " + up.id(), "geometry",
                            "flows into reach " + down.id() + " at node " + up.toNode() + " but ends at ["
                                    + end.lon() + ", " + end.lat() + "] while that reach starts at ["
                                    + start.lon() + ", " + start.lat() + "]" + hint));
                }
            }
        }
    }

    private static boolean near(Position a, Position b) {
        return Math.abs(a.lon() - b.lon()) <= NODE_TOLERANCE_DEG && Math.abs(a.lat() - b.lat()) <= NODE_TOLERANCE_DEG;
    }

    private static Geometry.LineString singleLine(Geometry g) {
        if (g instanceof Geometry.LineString l) {
            return l;
        }
        Geometry.MultiLineString m = (Geometry.MultiLineString) g;
        return m.lines().size() == 1 ? m.lines().get(0) : null;
    }

    /** NHDPlus writes node ids as floats (250031721.0); ids are integers, so keep their integral text. */
    private static String integral(Properties p, String key, String source, int i, Feature f, List<GeoJsonError> errors) {
        Object v = p.get(key);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e15) {
            return Long.toString(n.longValue());
        }
        errors.add(new GeoJsonError(source, i, f.label(), "properties." + key, "must be an integral number, found " + v));
        return null;
    }
}
