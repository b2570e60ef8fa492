package org.waterchain.app.map.geo;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a GeoJSON file as one typed layer, of the kind the user chose or the kind its properties show. An NHDPlus
 * flowlines file (COMID, FromNode, ToNode) becomes a channel layer through {@link NhdPlusImport}, which checks that
 * every reach runs downstream. All or nothing, like every import here.
 */
public final class LayerImport {
    /**
     * A layer read from a file.
     *
     * @param format  how the file was read ("NHDPlus flowlines" or "GeoJSON"), for the status line
     * @param network the flow network's shape, for NHDPlus files
     */
    public record Imported(TypedLayer layer, String format, Optional<FlowNetworkSummary> network) {}

    private static final List<String> NHDPLUS_KEYS = List.of("COMID", "FromNode", "ToNode");

    private LayerImport() {}

    /** @param kind the layer kind the user chose, or null to tell it from the file */
    public static ImportResult<Imported> read(Path file, LayerKind kind) {
        String source = file.getFileName().toString();
        return GeoJsonReader.read(file, GeometryRule.ANY).flatMap(fc -> typed(source, fc, kind));
    }

    public static ImportResult<Imported> read(String source, String json, LayerKind kind) {
        return GeoJsonReader.read(source, json, GeometryRule.ANY).flatMap(fc -> typed(source, fc, kind));
    }

    private static ImportResult<Imported> typed(String source, FeatureCollection fc, LayerKind chosen) {
        if (fc.size() == 0) {
            return ImportResult.failed(List.of(GeoJsonError.document(source, "features", "the file holds no features: nothing to import")));
        }
        boolean nhd = isNhdPlus(fc);
        if (nhd && (chosen == null || chosen == LayerKind.CHANNELS)) {
            return NhdPlusImport.fromFeatures(source, fc)
                    .flatMap(n -> ImportResult.ok(new Imported(n.channels(), "NHDPlus flowlines", Optional.of(n.summary()))));
        }
        LayerKind kind = chosen != null ? chosen : detect(fc).orElse(null);
        if (kind == null) {
            Feature first = fc.features().get(0);
            return ImportResult.failed(List.of(new GeoJsonError(source, 0, first.label(), "properties",
                    "cannot tell which layer this file is: expected fromNode and toNode (channels), kind (stations), "
                            + "industry (factories), areaHa (irrigation units) or NHDPlus COMID, FromNode and ToNode; "
                            + "choose the layer kind when importing")));
        }
        return kind.fromFeatures(source, fc).flatMap(layer -> ImportResult.ok(new Imported(layer, "GeoJSON", Optional.empty())));
    }

    /** NHDPlus flowlines carry their network ids in upper camel case, unlike the project's channel layers. */
    static boolean isNhdPlus(FeatureCollection fc) {
        Properties p = fc.features().get(0).properties();
        return NHDPLUS_KEYS.stream().allMatch(p::has);
    }

    /** The kind the first feature's schema fields name; the typed reader then checks every feature. */
    public static Optional<LayerKind> detect(FeatureCollection fc) {
        if (fc.size() == 0) {
            return Optional.empty();
        }
        if (isNhdPlus(fc)) {
            return Optional.of(LayerKind.CHANNELS);
        }
        Properties p = fc.features().get(0).properties();
        if (p.has("fromNode") && p.has("toNode")) {
            return Optional.of(LayerKind.CHANNELS);
        }
        if (p.has("industry")) {
            return Optional.of(LayerKind.FACTORIES);
        }
        if (p.has("areaHa") || p.has("supplyNode")) {
            return Optional.of(LayerKind.IRRIGATION_UNITS);
        }
        if (p.has("kind")) {
            return Optional.of(LayerKind.STATIONS);
        }
        return Optional.empty();
    }
}
