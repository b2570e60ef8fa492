package org.waterchain.app.map.tiles;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * An online tile server numbered XYZ, as the user configures it.
 *
 * @param urlTemplate         http(s) URL with {@code {z}}, {@code {x}} and {@code {y}} placeholders
 * @param attribution         the text the map must show while its tiles are on screen, and that is stored with
 *                            any tiles downloaded from it
 * @param bulkDownloadAllowed true only when the server's terms permit prefetching an area; false for the
 *                            OpenStreetMap servers and any source whose terms are unknown
 * @param contact             the operator's e-mail address or web page, sent in the {@link #userAgent()} so the
 *                            server's operators can reach whoever is calling; required (see {@link UserAgent})
 */
public record XyzSource(String name, String urlTemplate, String attribution, boolean bulkDownloadAllowed,
                        int maxZoom, String contact) {
    /** Hosts whose tile usage policy forbids bulk download whatever a configuration claims. */
    private static final Set<String> NO_BULK_HOSTS = Set.of("tile.openstreetmap.org", "a.tile.openstreetmap.org",
            "b.tile.openstreetmap.org", "c.tile.openstreetmap.org");

    public XyzSource {
        checkDefinition(name, urlTemplate, attribution, maxZoom);
        try {
            contact = UserAgent.checkContact(contact);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tile source " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * A source's name as part of a file name: lower case, each run of other characters than a-z and 0-9 one '-', none
     * at the ends; empty when the name has no such letter or digit.
     */
    public static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /**
     * Checks what the user types for a source, without the contact (which is set once for all sources).
     *
     * @throws IllegalArgumentException naming the source and the field that is wrong
     */
    public static void checkDefinition(String name, String urlTemplate, String attribution, int maxZoom) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a tile source needs a name");
        }
        if (urlTemplate == null || !urlTemplate.contains("{z}") || !urlTemplate.contains("{x}")
                || !urlTemplate.contains("{y}")) {
            throw new IllegalArgumentException("tile source " + name + ": URL template must contain {z}, {x} and {y}, got "
                    + urlTemplate);
        }
        URI sample;
        try {
            sample = URI.create(fill(urlTemplate, 0, 0, 0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tile source " + name + ": URL template is not a valid URL ("
                    + e.getMessage() + "): " + urlTemplate, e);
        }
        String scheme = sample.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || sample.getHost() == null) {
            throw new IllegalArgumentException("tile source " + name + ": URL must be http or https with a host, got "
                    + urlTemplate);
        }
        if (attribution == null || attribution.isBlank()) {
            throw new IllegalArgumentException("tile source " + name + " needs its attribution text;"
                    + " every tile source requires it to be shown");
        }
        if (maxZoom < 0 || maxZoom > TileMath.MAX_ZOOM) {
            throw new IllegalArgumentException("tile source " + name + ": maximum zoom must be 0.." + TileMath.MAX_ZOOM
                    + ", got " + maxZoom);
        }
    }

    /** OpenStreetMap's standard tiles: fine for viewing online with the attribution shown, never for prefetching. */
    public static XyzSource openStreetMap(String contact) {
        return new XyzSource("OpenStreetMap", "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                "© OpenStreetMap contributors", false, 19, contact);
    }

    /** {@code WaterChain/<version> (+contact)}, sent with every request to this source. */
    public String userAgent() {
        return UserAgent.of(contact);
    }

    public URI tileUri(TileId tile) {
        return URI.create(fill(urlTemplate, tile.z(), tile.x(), tile.y()));
    }

    public String host() {
        String host = URI.create(fill(urlTemplate, 0, 0, 0)).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    /** Whether prefetching is permitted: the configured flag, overruled for servers known to forbid it. */
    public boolean permitsBulkDownload() {
        return bulkDownloadAllowed && !NO_BULK_HOSTS.contains(host());
    }

    /** Why an area may not be downloaded from this source, for the user; empty when it may. */
    public String bulkDownloadRefusal() {
        if (permitsBulkDownload()) {
            return "";
        }
        return name + " (" + host() + ") does not allow bulk download (prefetching an area): "
                + (bulkDownloadAllowed ? "its tile usage policy forbids it whatever the configuration says"
                : "its settings do not say its terms allow it")
                + ". Use it online only, download from a source that permits it, or open a prepared MBTiles file.";
    }

    private static String fill(String template, int z, int x, int y) {
        return template.replace("{z}", Integer.toString(z)).replace("{x}", Integer.toString(x))
                .replace("{y}", Integer.toString(y));
    }
}
