package org.waterchain.app.map.geo;

/** The kinds of vector layer the map draws, each with the geometries its features may have. */
public enum LayerKind {
    CHANNELS("Channels", "channel", ChannelLayer.RULE),
    STATIONS("Stations", "station", StationLayer.RULE),
    FACTORIES("Factories", "factory", FactoryLayer.RULE),
    IRRIGATION_UNITS("Irrigation units", "irrigation unit", IrrigationUnitLayer.RULE);

    private final String title;
    private final String featureName;
    private final GeometryRule rule;

    LayerKind(String title, String featureName, GeometryRule rule) {
        this.title = title;
        this.featureName = featureName;
        this.rule = rule;
    }

    /** "Irrigation units": a layer of this kind, as menus and the layer list say it. */
    public String title() {
        return title;
    }

    /** "irrigation unit": one feature of this kind, as details and search results say it. */
    public String featureName() {
        return featureName;
    }

    public GeometryRule rule() {
        return rule;
    }

    /** Reads the layer's schema from parsed features; all or nothing, like every typed layer. */
    public ImportResult<TypedLayer> fromFeatures(String source, FeatureCollection fc) {
        return switch (this) {
            case CHANNELS -> ChannelLayer.fromFeatures(source, fc).flatMap(ImportResult::ok);
            case STATIONS -> StationLayer.fromFeatures(source, fc).flatMap(ImportResult::ok);
            case FACTORIES -> FactoryLayer.fromFeatures(source, fc).flatMap(ImportResult::ok);
            case IRRIGATION_UNITS -> IrrigationUnitLayer.fromFeatures(source, fc).flatMap(ImportResult::ok);
        };
    }
}
