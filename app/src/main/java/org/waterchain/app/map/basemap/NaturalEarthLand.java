package org.waterchain.app.map.basemap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Natural Earth's land polygons (public domain) at two scales, as the Maven build puts them on the class path from
 * the npm package world-atlas 2.0.2 (see app/pom.xml).
 */
public enum NaturalEarthLand {
    /** 1:50 million: coastlines right to about 5 km, enough for the world and a country (0.5 MB of TopoJSON). */
    COARSE("land-50m.json"),
    /** 1:10 million: about 1 km, Natural Earth's finest, for a district (3 MB of TopoJSON, decoded in ~0.3 s). */
    DETAILED("land-10m.json");

    public static final String ATTRIBUTION = "Natural Earth (public domain), via world-atlas 2.0.2";

    private final String resource;

    NaturalEarthLand(String file) {
        this.resource = "world-atlas/" + file;
    }

    /**
     * Decodes the land's polygons (the detailed scale: 400,000 positions, 7 MB once decoded). Not kept here: the
     * basemap is drawn once, and a control room that runs for months should not hold the world's coastlines for it.
     */
    public List<LandPolygon> load() {
        try (InputStream in = NaturalEarthLand.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Natural Earth land " + resource + " is not on the class path next to "
                        + NaturalEarthLand.class.getName() + ": the Maven build of the app downloads it (world-atlas "
                        + "from the npm registry) in generate-resources; build with mvn, not only the IDE's compiler");
            }
            return List.copyOf(TopoJson.polygons(in, "land", resource));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Natural Earth land " + resource + ": " + e.getMessage(), e);
        }
    }
}
