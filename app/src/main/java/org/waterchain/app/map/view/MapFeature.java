package org.waterchain.app.map.view;

/** A feature the user can pick on the map: its kind and registry id. */
public record MapFeature(Kind kind, String id) {
    public enum Kind {
        CHANNEL, STATION, FACTORY;

        String label() {
            return name().toLowerCase();
        }
    }
}
