package org.waterchain.app.map.view;

import java.io.IOException;
import java.nio.file.Path;
import org.waterchain.app.map.basemap.DefaultBasemap;
import org.waterchain.app.map.tiles.BoundingBox;
import org.waterchain.app.map.tiles.MbTilesException;
import org.waterchain.app.session.RegistryView;

/**
 * The map screen's way to the built-in basemap ({@link DefaultBasemap}: Natural Earth land, the registry's district,
 * its channels and towns), under the file name earlier versions used, so the outdated file is the one drawn again.
 */
public final class DemoBasemap {
    public static final String FILE_NAME = "waterchain-demo" + BasemapRegistry.EXTENSION;

    private DemoBasemap() {}

    static BoundingBox area(RegistryView registry) {
        return DefaultBasemap.area(registry);
    }

    /** Draws the basemap into {@code file} unless it is current. Blocking for a few seconds: not on the FX thread. */
    public static Path ensure(Path file, RegistryView registry) throws IOException, MbTilesException {
        return DefaultBasemap.ensure(file, registry);
    }
}
