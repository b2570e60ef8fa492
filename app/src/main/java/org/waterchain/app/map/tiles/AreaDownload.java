package org.waterchain.app.map.tiles;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Prefetches an area over a zoom range from an XYZ source into an MBTiles file, for use in the field without a
 * network. Only sources whose terms permit bulk download are accepted.
 *
 * <p>Polite by construction: one request at a time, spaced by a {@link RateLimiter}, each with the source's
 * User-Agent. Resumable: tiles already in the file are not requested again, and every stored tile is committed
 * at once, so a cancelled or crashed run loses nothing. A tile that fails (HTTP error, timeout) is counted and
 * reported and the rest continue; it is not stored, so the next run tries it again.
 *
 * <p>{@link #run} blocks: call it off the UI thread. {@link #cancel} may be called from any thread.
 */
public final class AreaDownload {
    public static final double DEFAULT_REQUESTS_PER_SECOND = 2.0;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Counts so far; {@code done} includes stored, skipped, absent and failed tiles. */
    public record Progress(long done, long total, long stored, long skipped, long absent, long failed) {}

    public record FailedTile(TileId tile, String reason) {
        @Override
        public String toString() {
            return tile + ": " + reason;
        }
    }

    /**
     * @param skipped  already in the file before this run
     * @param absent   answered 404 or 204: the server has no such tile (common over sea), not an error
     * @param failures tiles not stored because of an error, with the reason, in request order
     */
    public record Result(Path target, long total, long stored, long skipped, long absent, List<FailedTile> failures,
                         boolean cancelled) {
        public Result {
            failures = List.copyOf(failures);
        }

        public long failed() {
            return failures.size();
        }

        /** Every tile of the area is now in the file or known not to exist on the server. */
        public boolean complete() {
            return !cancelled && failures.isEmpty();
        }
    }

    @FunctionalInterface
    public interface ProgressListener {
        /** Called on the downloading thread after each tile; keep it short (hand over to the UI thread). */
        void onProgress(Progress progress);
    }

    private final XyzSource source;
    private final BoundingBox area;
    private final int minZoom;
    private final int maxZoom;
    private final Path target;
    private final RateLimiter limiter;
    private final Duration timeout;
    private final HttpClient http;
    private volatile boolean cancelRequested;

    public AreaDownload(XyzSource source, BoundingBox area, int minZoom, int maxZoom, Path target) {
        this(source, area, minZoom, maxZoom, target, new RateLimiter(DEFAULT_REQUESTS_PER_SECOND), DEFAULT_TIMEOUT);
    }

    /**
     * @throws IllegalArgumentException when the source does not permit bulk download, or the zoom range is
     *                                  outside what the source serves
     */
    public AreaDownload(XyzSource source, BoundingBox area, int minZoom, int maxZoom, Path target,
                        RateLimiter limiter, Duration timeout) {
        if (!source.permitsBulkDownload()) {
            throw new IllegalArgumentException("refusing to download an area from " + source.name() + " ("
                    + source.host() + "): its terms do not allow bulk download (prefetching). Use it online only,"
                    + " or download from a source that permits it, or open a prepared MBTiles file.");
        }
        TileMath.checkZoom(minZoom);
        TileMath.checkZoom(maxZoom);
        if (minZoom > maxZoom) {
            throw new IllegalArgumentException("zoom range " + minZoom + ".." + maxZoom + " is empty");
        }
        if (maxZoom > source.maxZoom()) {
            throw new IllegalArgumentException(source.name() + " serves zoom levels up to " + source.maxZoom()
                    + ", not " + maxZoom);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        this.source = source;
        this.area = area;
        this.minZoom = minZoom;
        this.maxZoom = maxZoom;
        this.target = target;
        this.limiter = limiter;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public long totalTiles() {
        return TileMath.count(area, minZoom, maxZoom);
    }

    /** Stops after the tile in progress; {@link #run} then returns a result marked cancelled. */
    public void cancel() {
        cancelRequested = true;
    }

    public Result run(ProgressListener listener) throws MbTilesException {
        long total = totalTiles();
        long stored = 0;
        long skipped = 0;
        long absent = 0;
        List<FailedTile> failures = new ArrayList<>();
        boolean cancelled = false;
        try (MbTilesWriter writer = MbTilesWriter.open(target)) {
            // Metadata first, so even a partial file says where its tiles came from.
            writer.putMetadata(metadataFor(writer.metadata()));
            boolean formatKnown = writer.metadata("format").isPresent();
            outer:
            for (TileRange range : TileMath.ranges(area, minZoom, maxZoom)) {
                for (TileId tile : range) {
                    if (cancelRequested || Thread.currentThread().isInterrupted()) {
                        cancelled = true;
                        break outer;
                    }
                    if (writer.contains(tile)) {
                        skipped++;
                    } else {
                        Fetch fetch;
                        try {
                            limiter.acquire();
                            fetch = fetch(tile);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            cancelled = true;
                            break outer;
                        }
                        if (fetch.data().isPresent()) {
                            byte[] data = fetch.data().get();
                            writer.put(tile, data);
                            stored++;
                            if (!formatKnown && TileFormat.sniff(data) != TileFormat.UNKNOWN) {
                                writer.putMetadata("format", TileFormat.sniff(data).metadataName());
                                formatKnown = true;
                            }
                        } else if (fetch.failure() == null) {
                            absent++;
                        } else {
                            failures.add(new FailedTile(tile, fetch.failure()));
                        }
                    }
                    listener.onProgress(new Progress(stored + skipped + absent + failures.size(), total,
                            stored, skipped, absent, failures.size()));
                }
            }
        }
        return new Result(target, total, stored, skipped, absent, failures, cancelled);
    }

    /** A tile's bytes, or neither (the server has no such tile), or a failure reason. */
    private record Fetch(Optional<byte[]> data, String failure) {}

    private Fetch fetch(TileId tile) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(source.tileUri(tile))
                .timeout(timeout)
                .header("User-Agent", source.userAgent())
                .header("Accept", "image/*, application/x-protobuf, */*;q=0.5")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return new Fetch(Optional.empty(), "timed out after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Fetch(Optional.empty(), "request failed: " + e);
        }
        int status = response.statusCode();
        if (status == 404 || status == 204) {
            return new Fetch(Optional.empty(), null);
        }
        if (status != 200) {
            return new Fetch(Optional.empty(), "HTTP " + status);
        }
        byte[] body = response.body();
        if (body == null || body.length == 0) {
            return new Fetch(Optional.empty(), "HTTP 200 with an empty body");
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        // Some servers answer errors and rate-limit notices with 200 and a text page; never store those as tiles.
        if (type.startsWith("text/") || type.contains("json")) {
            return new Fetch(Optional.empty(), "HTTP 200 but " + type + " instead of a tile");
        }
        return new Fetch(Optional.of(body), null);
    }

    private Map<String, String> metadataFor(Map<String, String> existing) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("name", existing.getOrDefault("name", source.name()));
        out.putIfAbsent("type", existing.getOrDefault("type", "baselayer"));
        String attribution = existing.getOrDefault("attribution", "");
        if (attribution.isBlank()) {
            attribution = source.attribution();
        } else if (!attribution.contains(source.attribution())) {
            // Tiles from two sources in one file: both must be credited.
            attribution = attribution + "; " + source.attribution();
        }
        out.put("attribution", attribution);
        BoundingBox bounds = area;
        try {
            if (existing.containsKey("bounds")) {
                bounds = BoundingBox.parse(existing.get("bounds")).union(area);
            }
        } catch (IllegalArgumentException ignored) {
            // an unreadable earlier value is replaced by this area
        }
        out.put("bounds", bounds.toMetadata());
        out.put("minzoom", Integer.toString(Math.min(minZoom, parseIntOr(existing.get("minzoom"), minZoom))));
        out.put("maxzoom", Integer.toString(Math.max(maxZoom, parseIntOr(existing.get("maxzoom"), maxZoom))));
        if (!existing.containsKey("center")) {
            double lon = (bounds.west() + bounds.east()) / 2;
            double lat = (bounds.south() + bounds.north()) / 2;
            out.put("center", String.format(Locale.ROOT, "%s,%s,%d", lon, lat, minZoom));
        }
        return out;
    }

    private static int parseIntOr(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
