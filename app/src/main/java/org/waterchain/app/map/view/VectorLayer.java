package org.waterchain.app.map.view;

import org.waterchain.app.map.geo.LayerKind;
import org.waterchain.app.map.geo.TypedLayer;

/**
 * One layer of the map as the user sees it listed: registry, demo and imported layers are all of this shape and are
 * drawn the same way.
 *
 * @param id    unique on the map; registry layers use their kind ("stations"), imported ones the store's id
 */
public record VectorLayer(String id, String title, Origin origin, TypedLayer data) {
    /** Where the layer comes from, which decides whether the user may remove it. */
    public enum Origin {
        /** Read from the ledger's registry and redrawn when it changes. */
        REGISTRY,
        /** Shipped with the demo district. */
        DEMO,
        /** Imported by the user and kept in the layer store. */
        IMPORTED
    }

    public VectorLayer {
        if (id == null || id.isBlank() || title == null || origin == null || data == null) {
            throw new IllegalArgumentException("a map layer needs an id, a title, an origin and its features");
        }
    }

    public LayerKind kind() {
        return data.kind();
    }
}
