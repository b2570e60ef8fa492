package org.waterchain.app.map.tiles;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * One GET per tile from an XYZ source, with the source's User-Agent on the request itself and a timeout for the
 * whole exchange. Shared by the area download and the live map so both treat a server's answers alike: 200 with
 * an image is a tile, 404 or 204 is a tile the server does not have (common over sea), anything else is a failure
 * with a reason a person can act on.
 *
 * <p>Thread-safe; {@link #fetch} blocks and is interruptible.
 */
final class TileFetcher {
    /** A tile's bytes, or neither (the server has no such tile), or why it could not be had. */
    record Fetch(byte[] data, String failure) {
        static final Fetch ABSENT = new Fetch(null, null);

        static Fetch failed(String reason) {
            return new Fetch(null, reason);
        }

        boolean absent() {
            return data == null && failure == null;
        }
    }

    private final XyzSource source;
    private final Duration timeout;
    private final String userAgent;
    private final HttpClient http;

    TileFetcher(XyzSource source, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        this.source = source;
        this.timeout = timeout;
        this.userAgent = source.userAgent();
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    Fetch fetch(TileId tile) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(source.tileUri(tile))
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept", "image/*, application/x-protobuf, */*;q=0.5")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return Fetch.failed("timed out after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return Fetch.failed("request failed: " + e);
        }
        int status = response.statusCode();
        if (status == 404 || status == 204) {
            return Fetch.ABSENT;
        }
        if (status != 200) {
            return Fetch.failed("HTTP " + status);
        }
        byte[] body = response.body();
        if (body == null || body.length == 0) {
            return Fetch.failed("HTTP 200 with an empty body");
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        // Some servers answer errors and rate-limit notices with 200 and a text page; never store those as tiles.
        if (type.startsWith("text/") || type.contains("json")) {
            return Fetch.failed("HTTP 200 but " + type + " instead of a tile");
        }
        return new Fetch(body, null);
    }
}
