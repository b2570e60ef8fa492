package org.waterchain.app.map.geo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The channel network as the map draws it: LineString reaches in file (or registry) order. */
public record ChannelLayer(List<Channel> channels) {
    public static final GeometryRule RULE = GeometryRule.of("channel", GeometryType.LINE_STRING);

    public ChannelLayer {
        channels = List.copyOf(channels);
    }

    public static ImportResult<ChannelLayer> read(Path file) {
        return GeoJsonReader.read(file, RULE).flatMap(fc -> fromFeatures(file.getFileName().toString(), fc));
    }

    public static ImportResult<ChannelLayer> fromFeatures(String source, FeatureCollection fc) {
        List<GeoJsonError> errors = new ArrayList<>();
        List<Channel> out = new ArrayList<>();
        for (int i = 0; i < fc.size(); i++) {
            Feature f = fc.features().get(i);
            FieldReader r = new FieldReader(source, i, f, errors);
            int before = errors.size();
            String id = r.id();
            String name = r.text("name");
            String from = r.text("fromNode");
            String to = r.text("toNode");
            double length = r.amount("lengthM");
            if (!(f.geometry() instanceof Geometry.LineString line)) {
                r.error("geometry", "expected a LineString");
                continue;
            }
            if (from != null && from.equals(to)) {
                r.error("properties.toNode", "a reach cannot end at the node it starts from (" + from + ")");
            }
            if (errors.size() == before) {
                out.add(new Channel(id, name, from, to, length, line, r.others(Channel.SCHEMA)));
            }
        }
        if (errors.isEmpty()) {
            FieldReader.checkUniqueIds(source, out, errors);
        }
        return errors.isEmpty() ? ImportResult.ok(new ChannelLayer(out)) : ImportResult.failed(errors);
    }

    public FeatureCollection toFeatures() {
        return new FeatureCollection(channels.stream().map(Channel::toFeature).toList());
    }

    public void write(Path file) throws IOException {
        GeoJsonWriter.write(toFeatures(), file);
    }
}
