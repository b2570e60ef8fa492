package org.waterchain.app.map.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Layers of the demo district that the ledger's registry does not hold. The irrigation units are the project's own
 * (drawn beside the demo channels of {@code DemoAlliance}, each supplied from the station upstream of its turnout),
 * not copied from the seed paper's figures.
 */
public final class DemoLayers {
    static final String IRRIGATION_UNITS = "demo-irrigation-units.geojson";

    private DemoLayers() {}

    /** The demo's irrigation units; a broken resource is a build error, so it throws. */
    public static IrrigationUnitLayer irrigationUnits() {
        try (InputStream in = DemoLayers.class.getResourceAsStream(IRRIGATION_UNITS)) {
            if (in == null) {
                throw new IllegalStateException("resource " + IRRIGATION_UNITS + " missing from the app's classes");
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return GeoJsonReader.read(IRRIGATION_UNITS, json, IrrigationUnitLayer.RULE)
                    .flatMap(fc -> IrrigationUnitLayer.fromFeatures(IRRIGATION_UNITS, fc)).orThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
