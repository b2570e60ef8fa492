package org.waterchain.app.map.geo;

import java.nio.file.Path;
import java.util.List;

/** The channel network as the map draws it: LineString reaches in file (or registry) order. */
public record ChannelLayer(List<Channel> channels) implements TypedLayer {
    public static final GeometryRule RULE = GeometryRule.of("channel", GeometryType.LINE_STRING);

    public ChannelLayer {
        channels = List.copyOf(channels);
    }

    public static ImportResult<ChannelLayer> read(Path file) {
        return GeoJsonReader.read(file, RULE).flatMap(fc -> fromFeatures(file.getFileName().toString(), fc));
    }

    public static ImportResult<ChannelLayer> fromFeatures(String source, FeatureCollection fc) {
        return FieldReader.readAll(source, fc, (f, r) -> {
            String id = r.id();
            String name = r.text("name");
            String from = r.text("fromNode");
            String to = r.text("toNode");
            double length = r.amount("lengthM");
            if (!(f.geometry() instanceof Geometry.LineString line)) {
                r.error("geometry", "expected a LineString");
                return null;
            }
            if (from != null && from.equals(to)) {
                r.error("properties.toNode", "a reach cannot end at the node it starts from (" + from + ")");
            }
            return r.ok() ? new Channel(id, name, from, to, length, line, r.others(Channel.SCHEMA)) : null;
        }).flatMap(items -> ImportResult.ok(new ChannelLayer(items)));
    }

    @Override
    public LayerKind kind() {
        return LayerKind.CHANNELS;
    }

    @Override
    public List<Channel> features() {
        return channels;
    }
}
