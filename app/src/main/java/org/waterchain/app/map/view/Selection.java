package org.waterchain.app.map.view;

import org.waterchain.app.map.geo.LayerKind;

/** What the user picked on the map: a feature, by its layer and its id within that layer. */
public record Selection(String layerId, LayerKind kind, String featureId) {}
