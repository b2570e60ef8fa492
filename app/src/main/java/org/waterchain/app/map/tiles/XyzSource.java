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
 * @param userAgent           sent with every request so the server's operators can tell who is calling
 */
public record XyzSource(String name, String urlTemplate, String attribution, boolean bulkDownloadAllowed,
                        int maxZoom, String userAgent) {
    public static final String DEFAULT_USER_AGENT = userAgentWithContact("https://github.com/waterchain");

    /** Hosts whose tile usage policy forbids bulk download whatever a configuration claims. */
    private static final Set<String> NO_BULK_HOSTS = Set.of("tile.openstreetmap.org", "a.tile.openstreetmap.org",
            "b.tile.openstreetmap.org", "c.tile.openstreetmap.org");

    public XyzSource {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a tile source needs a name");
        }
        if (urlTemplate == null || !urlTemplate.contains("{z}") || !urlTemplate.contains("{x}")
                || !urlTemplate.contains("{y}")) {
            throw new IllegalArgumentException("tile source " + name + ": URL template must contain {z}, {x} and {y}, got "
                    + urlTemplate);
        }
        String scheme = URI.create(fill(urlTemplate, 0, 0, 0)).getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("tile source " + name + ": URL must be http or https, got " + urlTemplate);
        }
        if (attribution == null || attribution.isBlank()) {
            throw new IllegalArgumentException("tile source " + name + " needs its attribution text;"
                    + " every tile source requires it to be shown");
        }
        TileMath.checkZoom(maxZoom);
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("tile source " + name + " needs a User-Agent that identifies the app");
        }
    }

    /** OpenStreetMap's standard tiles: fine for viewing online, never for prefetching. */
    public static XyzSource openStreetMap(String userAgent) {
        return new XyzSource("OpenStreetMap", "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                "© OpenStreetMap contributors", false, 19, userAgent);
    }

    /** {@code "WaterChain/0.1 (+contact)"}: tile servers ask for a way to reach whoever runs the client. */
    public static String userAgentWithContact(String contact) {
        return "WaterChain/0.1 (+" + contact + ")";
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

    private static String fill(String template, int z, int x, int y) {
        return template.replace("{z}", Integer.toString(z)).replace("{x}", Integer.toString(x))
                .replace("{y}", Integer.toString(y));
    }
}
