package org.waterchain.app.map.view;

/** What the user picked on the map: a feature's kind and registry id. */
public record Selection(Kind kind, String id) {
    public enum Kind {
        CHANNEL, STATION, FACTORY;

        String label() {
            return name().toLowerCase();
        }
    }
}
