package org.waterchain.app.settings;

import java.util.Locale;
import org.waterchain.app.map.tiles.TileMath;
import org.waterchain.app.map.tiles.XyzSource;

/**
 * An online XYZ tile source as the user enters it in Settings; the contact for the User-Agent is kept once for all
 * sources in {@link AppSettings#tileContact()}.
 *
 * @param bulkDownloadAllowed the user's word that the provider's terms permit prefetching an area; the OpenStreetMap
 *                            servers are refused whatever this says
 */
public record OnlineSourceSettings(String name, String urlTemplate, String attribution, boolean bulkDownloadAllowed,
                                   int maxZoom) {
    /** What most XYZ servers offer; the user changes it for those that stop earlier. */
    public static final int DEFAULT_MAX_ZOOM = 19;

    public OnlineSourceSettings {
        name = name == null ? null : name.strip();
        urlTemplate = urlTemplate == null ? null : urlTemplate.strip();
        attribution = attribution == null ? null : attribution.strip();
        XyzSource.checkDefinition(name, urlTemplate, attribution, maxZoom);
    }

    /**
     * From the form's text fields.
     *
     * @throws IllegalArgumentException saying which field is wrong
     */
    public static OnlineSourceSettings parse(String name, String urlTemplate, String attribution,
                                             boolean bulkDownloadAllowed, String maxZoom) {
        String z = maxZoom == null ? "" : maxZoom.strip();
        int zoom;
        if (z.isEmpty()) {
            zoom = DEFAULT_MAX_ZOOM;
        } else {
            try {
                zoom = Integer.parseInt(z);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("maximum zoom must be a whole number 0.." + TileMath.MAX_ZOOM
                        + ", got \"" + z + "\"", e);
            }
        }
        return new OnlineSourceSettings(name, urlTemplate, attribution, bulkDownloadAllowed, zoom);
    }

    /** @throws IllegalArgumentException when the contact is missing or not an e-mail address or web page */
    public XyzSource toSource(String contact) {
        return new XyzSource(name, urlTemplate, attribution, bulkDownloadAllowed, maxZoom, contact);
    }

    /** How the settings list shows it. */
    public String label() {
        String host = java.net.URI.create(urlTemplate.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"))
                .getHost().toLowerCase(Locale.ROOT);
        return name + "  (" + host + ", zoom up to " + maxZoom
                + (bulkDownloadAllowed ? ", area download allowed)" : ", viewing only)");
    }
}
