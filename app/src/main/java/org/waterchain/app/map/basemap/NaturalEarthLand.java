package org.waterchain.app.map.basemap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Natural Earth's land polygons (public domain) at two scales, as the Maven build puts them on the class path from
 * the npm package world-atlas 2.0.2 (see app/pom.xml). Each scale is decoded once, on first use, and shared.
 */
public enum NaturalEarthLand {
    /** 1:50 million: coastlines right to about 5 km, enough for the world and a country (0.5 MB of TopoJSON). */
    COARSE("land-50m.json"),
    /** 1:10 million: about 1 km, Natural Earth's finest, for a district (3 MB of TopoJSON, decoded in ~0.3 s). */
    DETAILED("land-10m.json");

    public static final String ATTRIBUTION = "Natural Earth (public domain), via world-atlas 2.0.2";

    private final String resource;
    private volatile List<LandPolygon> polygons;

    NaturalEarthLand(String file) {
        this.resource = "world-atlas/" + file;
    }

    /** The land's polygons; blocks on the first call while the file is decoded. */
    public List<LandPolygon> polygons() {
        List<LandPolygon> p = polygons;
        if (p == null) {
            synchronized (this) {
                p = polygons;
                if (p == null) {
                    p = List.copyOf(load());
                    polygons = p;
                }
            }
        }
        return p;
    }

    private List<LandPolygon> load() {
        try (InputStream in = NaturalEarthLand.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Natural Earth land " + resource + " is not on the class path next to "
                        + NaturalEarthLand.class.getName() + ": the Maven build of the app downloads it (world-atlas "
                        + "from the npm registry) in generate-resources; build with mvn, not only the IDE's compiler");
            }
            return TopoJson.polygons(in, "land", resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Natural Earth land " + resource + ": " + e.getMessage(), e);
        }
    }
}
